import {
  auditRepeatKey,
  createAuditRequestSchema,
  type CreateAuditRequest,
  type FinancialYear,
} from '../../api/contract';
import type { SheetSpec } from '../import/sheet/sheet-rows';
import { auditPlanLabels as label } from './audit-plan-form';

type Column = keyof typeof label;

const kinds: Record<string, CreateAuditRequest['kind']> = {
  '': 'multi-agency',
  'multi-agency': 'multi-agency',
  'multi agency': 'multi-agency',
  'multi-agency case file audit': 'multi-agency',
  'single agency': 'single-agency',
  'single-agency': 'single-agency',
  'single agency audit': 'single-agency',
};
const kindOf = (text: string) => kinds[text.trim().replace(/\s+/g, ' ').toLowerCase()];

/** 15/10/2018, as a British spreadsheet writes a date, is 2018-10-15; anything else is sent as typed. */
function isoDate(text: string): string | null {
  if (text === '') return null;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : text;
}

/** The audit programme as the board keeps it in a spreadsheet: one row per audit, as the form adds it. */
export function auditSheet(year: FinancialYear): SheetSpec<Column, CreateAuditRequest> {
  return {
    noun: ['audit', 'audits'],
    columns: [
      { key: 'title', heading: label.title, help: 'The audit’s title.', required: true },
      { key: 'theme', heading: label.theme, help: 'For example Neglect, or Priority 2.', required: true },
      {
        key: 'kind',
        heading: label.kind,
        help: 'Multi-agency (a multi-agency case file audit) or Single agency. Left empty: multi-agency.',
      },
      {
        key: 'leadAgency',
        heading: label.leadAgency,
        help: 'The agency or person leading it.',
        required: true,
      },
      {
        key: 'agencies',
        heading: label.agencies,
        help: 'The agencies taking part, separated by semicolons.',
        required: true,
      },
      {
        key: 'plannedDate',
        heading: label.plannedDate,
        help: 'The planned date, such as 15/10/2018 or 2018-10-15; or leave it empty and give a quarter.',
        required: true,
      },
      {
        key: 'plannedQuarter',
        heading: label.plannedQuarter,
        help: `A quarter such as Q3 ${year}, when there is no planned date.`,
        required: true,
      },
      { key: 'casesToSample', heading: label.casesToSample, help: 'How many cases to sample; may be empty.' },
    ],
    example: {
      title: 'Neglect in under-fives',
      theme: 'Priority 2: neglect',
      kind: 'Multi-agency',
      leadAgency: 'Children’s social care',
      agencies: 'Children’s social care; West Midlands Police; Health',
      plannedDate: '',
      plannedQuarter: `Q3 ${year}`,
      casesToSample: '8',
    },
    check: (cells) =>
      kindOf(cells.kind) ? {} : { kind: 'Enter Multi-agency or Single agency (or leave it empty)' },
    toRequest: (cells) => ({
      title: cells.title,
      theme: cells.theme,
      kind: kindOf(cells.kind),
      leadAgency: cells.leadAgency,
      agencies: cells.agencies
        .split(';')
        .map((a) => a.trim())
        .filter((a) => a !== ''),
      plannedDate: isoDate(cells.plannedDate),
      plannedQuarter: cells.plannedQuarter === '' ? null : cells.plannedQuarter.replace(/^q/, 'Q'),
      casesToSample: cells.casesToSample === '' ? null : Number(cells.casesToSample),
    }),
    schema: createAuditRequestSchema,
    repeatKey: auditRepeatKey,
  };
}
