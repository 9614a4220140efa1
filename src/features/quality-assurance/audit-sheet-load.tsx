import { useMemo } from 'react';
import { auditRepeatKey, type Audit, type FinancialYear } from '../../api/contract';
import { qualityAssuranceQueries } from '../../api/queries';
import { useSaveRecord } from '../../components/form/use-save-record';
import { SheetLoad } from '../import/sheet/sheet-load';
import { auditSheet } from './audit-sheet';

interface Props {
  audits: readonly Audit[];
  year: FinancialYear;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** The audit programme loaded from the board's spreadsheet, in one request: all added, or none. */
export function AuditSheetLoad({ audits, year, onDone, onCancel }: Props) {
  const save = useSaveRecord('importAudits', qualityAssuranceQueries.audits().queryKey);
  const spec = useMemo(() => auditSheet(year), [year]);
  const kept = useMemo(() => new Set(audits.map(auditRepeatKey)), [audits]);
  return (
    <SheetLoad
      spec={spec}
      kept={kept}
      templateName="audit-programme-template.csv"
      list="audits"
      save={(requests) => save.mutateAsync({ audits: requests })}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}
