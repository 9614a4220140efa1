import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiSend } from '../../api/client';
import { correctionRequestSchema, type EesSymbol, type Indicator } from '../../api/contract';
import { ConflictError } from '../../api/errors';
import { adminQueries, indicatorQueries } from '../../api/queries';
import { Field } from '../../components/form/field';
import { RecordForm } from '../../components/form/record-form';
import { ErrorState } from '../../components/states';
import { describeSaveFailure, fieldErrorsFromIssues, type FieldErrors } from '../../lib/field-errors';
import { formatDate, formatValue, symbolMeanings } from '../../lib/format';
import { usePermissions } from '../../lib/use-permissions';

const symbolLabels: Record<EesSymbol, string> = Object.fromEntries(
  Object.entries(symbolMeanings).map(([symbol, meaning]) => [symbol, `${symbol}: ${meaning}`]),
) as Record<EesSymbol, string>;

function figure(indicator: Indicator, f: { value: number | null; symbol: EesSymbol | null } | null): string {
  if (!f) return 'no figure';
  if (f.value === null) return f.symbol ? symbolLabels[f.symbol] : 'no figure';
  const text = formatValue(f.value, indicator.unit, indicator.decimalPlaces);
  return f.symbol === 'u' ? `${text} (low reliability)` : text;
}

const labels = { period: 'Period', value: 'Corrected figure', symbol: 'Mark', reason: 'Why it is corrected' };

function CorrectionForm({
  indicator,
  onDone,
}: {
  indicator: Indicator;
  onDone: (message: string | null) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const last = indicator.series.at(-1);
  const [values, setValues] = useState({
    period: last?.period ?? '',
    value: '',
    symbol: '' as EesSymbol | '',
    reason: '',
  });
  const [version, setVersion] = useState(indicator.version ?? 1);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const correct = useMutation({
    mutationFn: (request: unknown) =>
      apiSend('correctIndicator', correctionRequestSchema.parse(request), { params: { id: indicator.id } }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(indicatorQueries.detail(indicator.id).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: indicatorQueries.all() });
    },
  });
  const fieldIds = {
    period: `${id}-period`,
    value: `${id}-value`,
    symbol: `${id}-symbol`,
    reason: `${id}-reason`,
  };
  const current = indicator.series.find((o) => o.period === values.period);

  const submit = () => {
    setFailure(null);
    const parsed = correctionRequestSchema.safeParse({
      period: values.period,
      value: values.value.trim() === '' ? null : Number(values.value.replaceAll(',', '')),
      symbol: values.symbol || null,
      reason: values.reason,
      version,
    });
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    correct.mutate(parsed.data, {
      onSuccess: () =>
        onDone(`Corrected ${indicator.title}, ${values.period}. The earlier figure is kept below.`),
      onError: (error) => {
        if (error instanceof ConflictError) {
          const latest = error.current as Indicator;
          setVersion(latest.version ?? version);
          queryClient.setQueryData(indicatorQueries.detail(indicator.id).queryKey, latest);
          setFailure(
            'Someone changed this indicator’s figures while you were correcting it. They are shown above as they now stand: check the period, then save again.',
          );
          return;
        }
        const result = describeSaveFailure(error);
        setErrors(result.fieldErrors);
        setFailure(result.message);
      },
    });
  };

  return (
    <RecordForm
      heading="Correct a published figure"
      headingLevel={4}
      saveError={failure}
      errors={errors}
      fieldIds={fieldIds}
      labels={labels}
      pending={correct.isPending}
      submitLabel="Save the correction"
      onSubmit={submit}
      onCancel={() => onDone(null)}
    >
      <div className="record-form__grid">
        <Field
          label={labels.period}
          hint={
            current
              ? `Published now: ${figure(indicator, { value: current.value, symbol: current.symbol ?? null })}`
              : 'No figure published for this period yet'
          }
          error={errors.period}
          id={fieldIds.period}
        >
          <select
            value={values.period}
            onChange={(e) => setValues((v) => ({ ...v, period: e.target.value }))}
          >
            {[...indicator.series].reverse().map((o) => (
              <option key={o.period} value={o.period}>
                {o.period}
              </option>
            ))}
          </select>
        </Field>
        <Field label={labels.value} error={errors.value} id={fieldIds.value}>
          <input
            type="text"
            inputMode="decimal"
            value={values.value}
            onChange={(e) => setValues((v) => ({ ...v, value: e.target.value }))}
          />
        </Field>
        <Field label={labels.symbol} error={errors.symbol} id={fieldIds.symbol}>
          <select
            value={values.symbol}
            onChange={(e) => setValues((v) => ({ ...v, symbol: e.target.value as EesSymbol | '' }))}
          >
            <option value="">No mark</option>
            {(Object.keys(symbolLabels) as EesSymbol[]).map((s) => (
              <option key={s} value={s}>
                {symbolLabels[s]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        label={labels.reason}
        hint="Kept with the earlier figure, for everyone to see"
        error={errors.reason}
        id={fieldIds.reason}
      >
        <textarea
          rows={2}
          maxLength={1000}
          value={values.reason}
          onChange={(e) => setValues((v) => ({ ...v, reason: e.target.value }))}
        />
      </Field>
    </RecordForm>
  );
}

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
          />
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setSaved(null);
              setOpen(true);
            }}
          >
            Correct a figure
          </button>
        )
      ) : null}
    </section>
  );
}
