import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiGet } from '../../api/client';
import type { AuditEntry } from '../../api/contract';
import { adminQueries } from '../../api/queries';
import { Panel } from '../../components/panel';
import { ErrorState, LoadingState } from '../../components/states';
import { toCsv } from '../../lib/csv';
import { downloadBlob } from '../../lib/download';
import { useSearchParamUpdater } from '../../lib/use-search-param-updater';
import { useSearchParams } from 'react-router';
import { AdminLayout } from './admin-layout';
import { ScrollTable } from '../../components/scroll-table';
import { EmailAddress } from '../../components/email-address';
import { DateTime } from '../../components/date-time';

const kinds = [
  ['', 'Every kind'],
  ['audit', 'Audits'],
  ['action', 'Actions'],
  ['return', 'Quarterly returns'],
  ['return-round', 'Return rounds'],
  ['indicator', 'Indicators and figures'],
  ['board', 'Board settings'],
  ['agency', 'Agencies'],
  ['user', 'People and sign-in'],
] as const;

const json = (value: unknown) => (value === null ? '' : JSON.stringify(value, null, 2));

function EntryRow({ entry }: { entry: AuditEntry }) {
  return (
    <tr>
      <td>
        <DateTime at={entry.at} />
      </td>
      <td>
        {entry.actor ? (
          <>
            {entry.actor.name} (<EmailAddress address={entry.actor.email} />)
          </>
        ) : (
          'The data service'
        )}
      </td>
      <th scope="row">
        {entry.summary}
        <span className="schedule-table__meta">
          {entry.action} · {entry.entityType} {entry.entityId}
        </span>
        {entry.before !== null || entry.after !== null ? (
          <details className="audit-entry__details">
            <summary>
              Before and after<span className="visually-hidden">: {entry.summary}</span>
            </summary>
            <div className="audit-entry__compare">
              <div>
                <p>Before</p>
                <pre>{json(entry.before) || 'nothing'}</pre>
              </div>
              <div>
                <p>After</p>
                <pre>{json(entry.after) || 'nothing'}</pre>
              </div>
            </div>
          </details>
        ) : null}
      </th>
    </tr>
  );
}

/** Every page of the trail for a filter, for the CSV download. */
async function allEntries(filter: {
  entityType?: string;
  from?: string;
  to?: string;
}): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let before: string | undefined;
  do {
    const page = await apiGet('auditTrail', {
      query: { ...filter, limit: '1000', ...(before ? { before } : {}) },
    });
    entries.push(...page.entries);
    before = page.nextBefore ?? undefined;
  } while (before);
  return entries;
}

export function AuditTrailPage() {
  return (
    <AdminLayout
      title="Audit trail"
      lede="Every change made through the data service: who made it, when, and the record before and after. It cannot be changed or deleted from the dashboard."
    >
      <AuditTrailContent />
    </AdminLayout>
  );
}

/** The page's content, for an administrator only: its data is not asked for otherwise. */
function AuditTrailContent() {
  const id = useId();
  const [params] = useSearchParams();
  const update = useSearchParamUpdater();
  const filter = {
    ...(params.get('kind') ? { entityType: params.get('kind')! } : {}),
    ...(params.get('from') ? { from: params.get('from')! } : {}),
    ...(params.get('to') ? { to: params.get('to')! } : {}),
  };
  const trail = useInfiniteQuery({
    queryKey: adminQueries.auditTrailKey(filter),
    staleTime: 0,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiGet('auditTrail', {
        signal,
        query: { ...filter, limit: '100', ...(pageParam ? { before: pageParam } : {}) },
      }),
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
  const [downloading, setDownloading] = useState<string | null>(null);

  const download = async () => {
    setDownloading('Preparing the download…');
    try {
      const entries = await allEntries(filter);
      const csv = toCsv([
        ['When (UTC)', 'Who', 'Email', 'Action', 'Record', 'Record id', 'Summary', 'Before', 'After'],
        ...entries.map((e) => [
          e.at,
          e.actor?.name ?? 'The data service',
          e.actor?.email ?? '',
          e.action,
          e.entityType,
          e.entityId,
          e.summary,
          e.before === null ? '' : JSON.stringify(e.before),
          e.after === null ? '' : JSON.stringify(e.after),
        ]),
      ]);
      downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), 'audit-trail.csv');
      setDownloading(`Downloaded ${entries.length} entries.`);
    } catch {
      setDownloading('The download failed: the data service did not answer. Try again.');
    }
  };

  const entries = trail.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <>
      <div className="filters" role="group" aria-label="Filter the audit trail">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind of record</label>
          <select
            id={`${id}-kind`}
            value={filter.entityType ?? ''}
            onChange={(e) => update({ kind: e.target.value })}
          >
            {kinds.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <input
            id={`${id}-from`}
            type="date"
            value={filter.from ?? ''}
            onChange={(e) => update({ from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <input
            id={`${id}-to`}
            type="date"
            value={filter.to ?? ''}
            onChange={(e) => update({ to: e.target.value })}
          />
        </div>
        <button type="button" className="button button--secondary" onClick={() => void download()}>
          Download as CSV
        </button>
      </div>
      {downloading ? <p role="status">{downloading}</p> : null}
      <Panel title="Changes, newest first">
        {trail.isPending ? (
          <LoadingState label="Loading the audit trail" />
        ) : trail.isError ? (
          <ErrorState error={trail.error} onRetry={() => void trail.refetch()} />
        ) : entries.length === 0 ? (
          <p className="state state--empty">No changes match these filters.</p>
        ) : (
          <>
            <ScrollTable
              label="Audit trail"
              className="data-table data-table--text audit-table"
              columns={['When', 'Who', 'What']}
            >
              {entries.map((entry) => (
                <EntryRow key={entry.id} entry={entry} />
              ))}
            </ScrollTable>
            {trail.hasNextPage ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={trail.isFetchingNextPage}
                onClick={() => void trail.fetchNextPage()}
              >
                {trail.isFetchingNextPage ? 'Loading…' : 'Show older changes'}
              </button>
            ) : null}
          </>
        )}
      </Panel>
    </>
  );
}
