import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { auditRepeatKey, type Audit, type FinancialYear } from '../../api/contract';
import { qualityAssuranceQueries } from '../../api/queries';
import { useSaveRecord } from '../../components/form/use-save-record';
import { QueryState } from '../../components/query-state';
import { SheetLoad } from '../import/sheet/sheet-load';
import { auditSheet } from './audit-sheet';

interface Props {
  year: FinancialYear;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * The audit programme loaded from the board's spreadsheet, in one request: all added, or none. A
 * sheet may hold any year's audits, so the ones already there are looked for in the whole
 * programme, read only once the person asks to load one (the page itself reads its year's).
 */
export function AuditSheetLoad({ year, ...done }: Props) {
  const programme = useQuery(qualityAssuranceQueries.audits());
  return (
    <QueryState query={programme} loadingLabel="Loading the audit programme" reportSkipped={false}>
      {(data) => (
        <SheetLoadAudits audits={data.audits} checking={programme.isFetching} year={year} {...done} />
      )}
    </QueryState>
  );
}

function SheetLoadAudits({
  audits,
  checking,
  year,
  onDone,
  onCancel,
}: Props & { audits: readonly Audit[]; checking: boolean }) {
  const save = useSaveRecord('importAudits', qualityAssuranceQueries.audits().queryKey);
  const spec = useMemo(() => auditSheet(year), [year]);
  const kept = useMemo(() => new Set(audits.map(auditRepeatKey)), [audits]);
  return (
    <SheetLoad
      spec={spec}
      kept={kept}
      checking={checking}
      templateName="audit-programme-template.csv"
      list="audits"
      save={(requests) => save.mutateAsync({ audits: requests })}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}
