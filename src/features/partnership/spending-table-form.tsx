import {
  spendingYearRequestSchema,
  type FinancialYear,
  type Funding,
  type SpendingYear,
} from '../../api/contract';
import { partnershipQueries } from '../../api/queries';
import { CountField, InputField } from '../../components/form/fields';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { formatValue } from '../../lib/format';
import { checkedTable, YearTableEditor } from './funding-table-form';

/** The lines a board with no spending recorded starts from. */
export const usualLines = [
  'Business unit staff',
  'Independent chair',
  'Multi-agency training',
  'Reviews',
  'Other',
] as const;

/** One amount per line, `amount-0`, `amount-1`…, and a line of the user's own: `newItem`, `newAmount`. */
type Values = Record<string, string>;

const field = (i: number) => `amount-${i}`;
const pounds = (n: number) => formatValue(n, 'gbp', 0);

/** The lines the table offers: the year's first, then those of other years, or the usual ones. */
export function linesFor(funding: Funding, year: FinancialYear): string[] {
  const ordered = [
    ...funding.spending.filter((l) => l.year === year),
    ...[...funding.spending].filter((l) => l.year !== year).reverse(),
  ].map((l) => l.item);
  const lines = [...new Set(ordered)];
  return lines.length > 0 ? lines : [...usualLines];
}

const tableOf = (funding: Funding, year: FinancialYear): SpendingYear | undefined => {
  const version = funding.spendingYears.find((y) => y.year === year)?.version;
  return version === undefined
    ? undefined
    : { year, version, lines: funding.spending.filter((l) => l.year === year) };
};

interface FormProps extends FormDone {
  year: FinancialYear;
  funding: Funding;
}

/** The board's spending in a year as one table: an amount in whole pounds for each line. */
export function SpendingTableForm({ year, funding, onDone, onCancel }: FormProps) {
  const record = tableOf(funding, year);
  const lines = linesFor(funding, year);
  const labels = {
    ...Object.fromEntries(lines.map((item, i) => [field(i), item])),
    newItem: 'Another line',
    newAmount: 'Its amount',
  };
  const amountOf = (table: SpendingYear | undefined, item: string) =>
    table?.lines.find((l) => l.item === item)?.amount;
  const form = useRecordForm({
    who: `${year}’s spending`,
    compare: (theirs: SpendingYear, yours: Values) =>
      [...new Set([...lines, ...theirs.lines.map((l) => l.item)])].map((item) => {
        const amount = amountOf(theirs, item);
        const i = lines.indexOf(item);
        const typed = (i >= 0 ? yours[field(i)] : undefined)?.trim();
        return {
          label: item,
          theirs: amount === undefined ? 'none' : pounds(amount),
          yours: typed ? pounds(Number(typed)) : 'none',
        };
      }),
    draftKey: `spending:${year}`,
    initial: (): Values => ({
      ...Object.fromEntries(lines.map((item, i) => [field(i), String(amountOf(record, item) ?? '')])),
      newItem: '',
      newAmount: '',
    }),
    labels,
    record,
    schema: checkedTable(spendingYearRequestSchema, 'lines'),
    toRequest: (values: Values, version: number) => {
      const rows = lines.map((_, i) => i).filter((i) => values[field(i)]?.trim());
      const own = values.newItem?.trim() || values.newAmount?.trim();
      return {
        version,
        rowFields: [
          ...rows.map((i) => ({ '*': field(i) })),
          ...(own ? [{ item: 'newItem', '*': 'newAmount' }] : []),
        ],
        lines: [
          ...rows.map((i) => ({ item: lines[i]!, amount: Number(values[field(i)]) })),
          // An amount that is not a number is sent as typed, so the contract names the problem.
          ...(own ? [{ item: values.newItem ?? '', amount: Number(values.newAmount?.trim() || NaN) }] : []),
        ],
      };
    },
    save: useSaveRecord('saveSpendingYear', partnershipQueries.funding().queryKey, { year }),
    onSaved: (saved) =>
      onDone(
        `Saved ${year}’s spending: ${pounds(saved.lines.reduce((sum, l) => sum + l.amount, 0))} on ${saved.lines.length} line${saved.lines.length === 1 ? '' : 's'}.`,
      ),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={`Change ${year}’s spending`}
      submitLabel="Save the spending"
      onClose={onCancel}
    >
      <p>
        What the board spent on each line in {year}, in whole pounds. Leave a line blank if nothing was spent
        on it: the audit trail keeps what was spent before.
      </p>
      <div className="record-form__grid">
        {lines.map((item, i) => (
          <CountField key={item} form={form} name={field(i)} label={`${item} (£)`} />
        ))}
        <InputField
          form={form}
          name="newItem"
          label="Another line"
          hint="Optional: for example Website, or Serious case reviews"
          maxLength={200}
        />
        <CountField form={form} name="newAmount" label="Its amount (£)" />
      </div>
    </RecordFormFrame>
  );
}

/** "Change <year>'s spending" for editors and administrators, and the table form it opens. */
export function SpendingEditor({ year, funding }: { year: FinancialYear; funding: Funding }) {
  return (
    <YearTableEditor
      label={`Change ${year}’s spending`}
      draftKey={`spending:${year}`}
      form={(finish) => (
        <SpendingTableForm
          key={year}
          year={year}
          funding={funding}
          onDone={finish}
          onCancel={() => finish(null)}
        />
      )}
    />
  );
}
