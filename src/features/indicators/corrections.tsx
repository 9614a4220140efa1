import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Indicator } from '../../api/contract';
import { adminQueries } from '../../api/queries';
import { lazyForm } from '../../components/form/lazy-form';
import { ErrorState } from '../../components/states';
import { formatDate } from '../../lib/format';
import { usePermissions } from '../../lib/use-permissions';
import { figure } from './correction-figures';

const CorrectionForm = lazyForm(() => import('./correction-form'), 'CorrectionForm');

/** Published figures that were later changed: the earlier value, who changed it, when and why. */
export function Corrections({ indicator }: { indicator: Indicator }) {
  const permissions = usePermissions();
  const revisions = useQuery(adminQueries.revisions(indicator.id));
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const list = revisions.data?.revisions ?? [];
  if (!permissions.administer && revisions.isSuccess && list.length === 0) return null;
  return (
    <section className="about corrections" aria-labelledby="corrections-heading">
      <h3 id="corrections-heading">Corrections</h3>
      {saved ? (
        <p className="notice notice--success" role="status">
          {saved}
        </p>
      ) : null}
      {revisions.isError ? (
        <ErrorState error={revisions.error} onRetry={() => void revisions.refetch()} />
      ) : list.length === 0 ? (
        <p>No published figure of this indicator has been corrected.</p>
      ) : (
        <ul className="corrections__list">
          {list.map((r) => (
            <li key={r.id}>
              <strong>
                {r.period}
                {r.series === 'board'
                  ? ''
                  : ` (${indicator.comparators.find((c) => c.id === r.series)?.label ?? r.series})`}
                : {figure(indicator, r.previous)} → {figure(indicator, r.current)}
              </strong>
              . {r.reason} ({r.changedBy}, {formatDate(r.changedAt.slice(0, 10))})
            </li>
          ))}
        </ul>
      )}
      {permissions.administer ? (
        open ? (
          <CorrectionForm
            indicator={indicator}
            onDone={(message) => {
              setOpen(false);
              setSaved(message);
            }}
            onCancel={() => setOpen(false)}
          />
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setSaved(null);
              setOpen(true);
            }}
            {...CorrectionForm.intent}
          >
            Correct a figure
          </button>
        )
      ) : null}
    </section>
  );
}
