import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import {
  fundingYearRequestSchema,
  type FinancialYear,
  type Funding,
  type FundingYear,
} from '../../api/contract';
import { adminQueries, partnershipQueries } from '../../api/queries';
import type { RequestSchema } from '../../components/form/use-record-form';
import { CountField } from '../../components/form/fields';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { SavedNotice } from '../../components/form/saved-notice';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { QueryFailure } from '../../components/query-state';
import { LoadingState } from '../../components/states';
import { draftKeys } from '../../lib/form-drafts';
import { useKeptDraft } from '../../lib/use-kept-draft';
import { formatValue } from '../../lib/format';
import { useHydrated } from '../../lib/use-hydrated';
import { usePermissions } from '../../lib/use-permissions';

type Partner = Pick<Funding['contributions'][number], 'partner' | 'partnerType'>;

/** One amount per partner, as typed: `amount-0`, `amount-1`… in the order of `partners`. */
type Values = Record<string, string>;

const field = (i: number) => `amount-${i}`;
const pounds = (n: number) => formatValue(n, 'gbp', 0);

/**
 * The partners the table offers: those of the year first, then any partner of another year (so one
 * left out can be put back), or, with no funding recorded at all, the board's agencies.
 */
export function partnersFor(funding: Funding, year: FinancialYear, agencies: readonly Partner[]): Partner[] {
  const ordered = [
    ...funding.contributions.filter((c) => c.year === year),
    ...[...funding.contributions].filter((c) => c.year !== year).reverse(),
  ];
  const partners = new Map<string, Partner>();
  for (const { partner, partnerType } of ordered)
    if (!partners.has(partner)) partners.set(partner, { partner, partnerType });
  return partners.size > 0 ? [...partners.values()] : [...agencies];
}

const tableOf = (funding: Funding, year: FinancialYear): FundingYear | undefined => {
  const version = funding.years.find((y) => y.year === year)?.version;
  return version === undefined
    ? undefined
    : { year, version, contributions: funding.contributions.filter((c) => c.year === year) };
};

/**
 * The contract's check of a year's table, its problems named by the field they are on: blank rows
 * are not sent, so the request's row `k` (in `key`) is typed in `rowFields[k]`, one field per
 * column (`*` for any column not named).
 */
export function checkedTable<R>(
  schema: { safeParse: RequestSchema<R>['safeParse'] },
  key: string,
): RequestSchema<R> {
  return {
    safeParse(input) {
      const { rowFields, ...request } = input as { rowFields: Record<string, string>[] };
      const parsed = schema.safeParse(request);
      if (parsed.success) return parsed;
      const issues = parsed.error.issues.map((issue) => {
        const [top, k, column] = issue.path;
        const fields = top === key && typeof k === 'number' ? rowFields[k] : undefined;
        const name = fields ? (fields[String(column)] ?? fields['*']) : undefined;
        return name ? { ...issue, path: [name] } : issue;
      });
      return { success: false, error: { issues } };
    },
  };
}

interface FormProps extends FormDone {
  year: FinancialYear;
  funding: Funding;
  partners: readonly Partner[];
}

/** A year's contributions as one table: an amount in whole pounds for each partner. */
export function FundingTableForm({ year, funding, partners, onDone, onCancel }: FormProps) {
  const record = tableOf(funding, year);
  const labels = Object.fromEntries(partners.map((p, i) => [field(i), p.partner]));
  const amountOf = (table: FundingYear | undefined, partner: string) =>
    table?.contributions.find((c) => c.partner === partner)?.amount;
  const form = useRecordForm({
    who: `${year}’s funding`,
    compare: (theirs: FundingYear, yours: Values) =>
      partners.map((p, i) => {
        const amount = amountOf(theirs, p.partner);
        const typed = yours[field(i)]?.trim();
        return {
          label: p.partner,
          theirs: amount === undefined ? 'none' : pounds(amount),
          yours: typed ? pounds(Number(typed)) : 'none',
        };
      }),
    draftKey: `funding:${year}`,
    initial: () =>
      Object.fromEntries(partners.map((p, i) => [field(i), String(amountOf(record, p.partner) ?? '')])),
    labels,
    record,
    schema: checkedTable(fundingYearRequestSchema, 'contributions'),
    toRequest: (values: Values, version: number) => {
      const rows = partners.map((_, i) => i).filter((i) => values[field(i)]?.trim());
      return {
        version,
        rowFields: rows.map((i) => ({ '*': field(i) })),
        contributions: rows.map((i) => ({ ...partners[i]!, amount: Number(values[field(i)]) })),
      };
    },
    save: useSaveRecord('saveFundingYear', partnershipQueries.funding().queryKey, { year }),
    onSaved: (saved) =>
      onDone(
        `Saved ${year}’s funding: ${pounds(saved.contributions.reduce((sum, c) => sum + c.amount, 0))} from ${saved.contributions.length} partner${saved.contributions.length === 1 ? '' : 's'}.`,
      ),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={`Change ${year}’s funding`}
      submitLabel="Save the funding"
      onClose={onCancel}
    >
      <p>
        Each partner’s contribution in whole pounds. Leave a partner blank if they do not contribute in {year}
        : the audit trail keeps what they gave before.
      </p>
      <div className="record-form__grid">
        {partners.map((p, i) => (
          <CountField key={p.partner} form={form} name={field(i)} label={`${p.partner} (£)`} />
        ))}
      </div>
    </RecordFormFrame>
  );
}

type Finish = (message: string | null) => void;

/** The form drawn with the function that closes it (so the closing is an event, not a render). */
function TableSlot({ form, finish }: { form: (finish: Finish) => ReactNode; finish: Finish }) {
  return form(finish);
}

/**
 * "Change <what>" for editors and administrators, and the year's table form it opens (drawn by
 * `form` with the function that closes it, saying what was saved).
 */
export function YearTableEditor({
  label,
  draftKey,
  form,
}: {
  label: string;
  draftKey: string;
  form: (finish: (message: string | null) => void) => ReactNode;
}) {
  const permissions = usePermissions();
  // Drawn by the browser only: who may change the table, and a draft kept in this browser, are
  // not known to the server that drew the page (hydration must draw what the server drew).
  const hydrated = useHydrated();
  // A form whose save failed because the session ended opens again with what was typed.
  const [open, setOpen] = useKeptDraft<boolean>(() => draftKeys(draftKey).length > 0 || null);
  const [saved, setSaved] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  if (!hydrated || !permissions.editBoardRecords) return null;
  const finish = (message: string | null) => {
    setOpen(false);
    setSaved(message);
    opener.current?.focus();
  };
  return (
    <div className="funding-editor">
      <SavedNotice message={saved} />
      <button
        ref={opener}
        type="button"
        className="button button--secondary"
        aria-expanded={open === true}
        onClick={() => {
          setSaved(null);
          setOpen(true);
        }}
      >
        {label}
      </button>
      {open === true ? <TableSlot form={form} finish={finish} /> : null}
    </div>
  );
}

/** The funding table once opened: its rows are the partners, or the board's agencies asked for now. */
function FundingTable({
  year,
  funding,
  finish,
}: {
  year: FinancialYear;
  funding: Funding;
  finish: (message: string | null) => void;
}) {
  const agencies = useQuery(adminQueries.agencies());
  const partners = partnersFor(
    funding,
    year,
    (agencies.data?.agencies ?? []).map((a) => ({ partner: a.name, partnerType: a.kind })),
  );
  return (
    <>
      {agencies.isPending ? (
        <LoadingState label="Loading the partner agencies" />
      ) : partners.length > 0 ? (
        <FundingTableForm
          key={year}
          year={year}
          funding={funding}
          partners={partners}
          onDone={finish}
          onCancel={() => finish(null)}
        />
      ) : (
        <p className="state state--empty">
          Add the partner agencies first (Administration, Agencies): the table has a row for each.
        </p>
      )}
      <QueryFailure
        query={agencies}
        what="The list of agencies"
        missing="the table has rows only for the partners already recorded"
      />
    </>
  );
}

/** "Change <year>'s funding" for editors and administrators, and the table form it opens. */
export function FundingEditor({ year, funding }: { year: FinancialYear; funding: Funding }) {
  return (
    <YearTableEditor
      label={`Change ${year}’s funding`}
      draftKey={`funding:${year}`}
      form={(finish) => <FundingTable year={year} funding={funding} finish={finish} />}
    />
  );
}
