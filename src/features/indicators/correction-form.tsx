import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiSend } from '../../api/client';
import { correctionRequestSchema, type EesSymbol, type Indicator } from '../../api/contract';
import { ConflictError } from '../../api/errors';
import { indicatorQueries } from '../../api/queries';
import { Field } from '../../components/form/field';
import { RecordForm, type FormDone } from '../../components/form/record-form';
import { describeSaveFailure, fieldErrorsFromIssues, type FieldErrors } from '../../lib/field-errors';
import { figure, symbolLabels } from './correction-figures';

// Loaded when it is opened (corrections.tsx): the contract's schemas and the form kit stay out of
// the indicator page's own code.

const labels = { period: 'Period', value: 'Corrected figure', symbol: 'Mark', reason: 'Why it is corrected' };

/** Correct one published figure of the board's series; the earlier figure is kept, with why. */
export function CorrectionForm({ indicator, onDone, onCancel }: FormDone & { indicator: Indicator }) {
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
      onCancel={onCancel}
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
