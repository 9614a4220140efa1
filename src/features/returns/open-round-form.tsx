import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiSend } from '../../api/client';
import { openRoundRequestSchema, type ReturnRound } from '../../api/contract';
import { returnQueries } from '../../api/queries';
import { ErrorSummary } from '../../components/form/error-summary';
import { Field } from '../../components/form/field';
import { FormFailure } from '../../components/form/form-failure';
import { useCheckedSubmit } from '../../components/form/use-checked-submit';
import { describeSaveFailure } from '../../lib/field-errors';
import { financialYearCode } from '../../lib/periods';

/** The quarters around a date, newest first, for the administrator to choose from. */
export function quartersAround(isoDate: string, count = 8): string[] {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  // Quarter index: financial year start * 4 + (0..3); Q1 is April to June.
  const fyStart = month >= 4 ? year : year - 1;
  const q = Math.floor((((month + 8) % 12) / 3) % 4);
  const now = fyStart * 4 + q;
  return Array.from({ length: count }, (_, i) => {
    const index = now + 1 - i;
    return `Q${(index % 4) + 1} ${financialYearCode(Math.floor(index / 4))}`;
  });
}

/** The day a quarter's returns are usually due: a month after it ends. */
export function defaultDueDate(quarter: string): string {
  const match = /^Q([1-4]) (\d{4})-\d{2}$/.exec(quarter);
  if (!match) return '';
  const start = Number(match[2]);
  const endMonth = 3 + Number(match[1]) * 3; // months after January of the start year: 6, 9, 12, 15
  const due = new Date(Date.UTC(start, endMonth + 1, 0));
  return due.toISOString().slice(0, 10);
}

export function OpenRoundForm({
  suggested,
  onOpened,
}: {
  suggested: string;
  onOpened: (round: ReturnRound) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const quarters = quartersAround(new Date().toISOString().slice(0, 10), 12);
  const options = quarters.includes(suggested) ? quarters : [suggested, ...quarters];
  const [values, setValues] = useState({ quarter: suggested, dueDate: defaultDueDate(suggested) });
  const open = useMutation({
    mutationFn: (request: { quarter: string; dueDate: string }) => apiSend('openRound', request),
    onSuccess: async (round) => {
      await queryClient.invalidateQueries({ queryKey: returnQueries.all() });
      onOpened(round);
    },
  });
  const { errors, failure, submit } = useCheckedSubmit({
    schema: openRoundRequestSchema,
    mutation: open,
    describe: (error) => describeSaveFailure(error, 'The round was not opened'),
  });
  const fieldIds = { quarter: `${id}-quarter`, dueDate: `${id}-due` };
  const labels = { quarter: 'Quarter', dueDate: 'Returns due by' };

  return (
    <form
      className="record-form"
      onSubmit={(e) => submit(e, values)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} className="panel__title">
        Open a return round
      </h2>
      <p className="field__hint">
        Every agency that owns an indicator with figures for the quarter gets a return to fill in.
      </p>
      <FormFailure failure={failure} />
      <ErrorSummary errors={errors} fieldIds={fieldIds} labels={labels} />
      <div className="record-form__grid">
        <Field label={labels.quarter} error={errors.quarter} id={fieldIds.quarter}>
          <select
            value={values.quarter}
            onChange={(e) => setValues({ quarter: e.target.value, dueDate: defaultDueDate(e.target.value) })}
          >
            {options.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </Field>
        <Field label={labels.dueDate} error={errors.dueDate} id={fieldIds.dueDate}>
          <input
            type="date"
            value={values.dueDate}
            onChange={(e) => setValues((v) => ({ ...v, dueDate: e.target.value }))}
          />
        </Field>
      </div>
      <div className="record-form__actions">
        <button type="submit" className="button" disabled={open.isPending}>
          {open.isPending ? 'Opening…' : 'Open the round'}
        </button>
      </div>
    </form>
  );
}
