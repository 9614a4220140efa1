import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../api/client';
import { openRoundRequestSchema, PAST_DUE_DATE_PROBLEM, type ReturnRound } from '../../api/contract';
import { returnQueries } from '../../api/queries';
import { Field } from '../../components/form/field';
import { CheckboxField } from '../../components/form/fields';
import { SubmitFormFrame } from '../../components/form/record-form';
import { useCheckedSubmit } from '../../components/form/use-checked-submit';
import { describeSaveFailure } from '../../lib/field-errors';
import { financialYearStart } from '../../lib/periods';

/**
 * The quarters of the board's reporting years, oldest first: the only quarters a round can be
 * opened for (the data service refuses any other).
 */
export function boardQuarters(reportingYears: readonly string[]): string[] {
  return [...reportingYears]
    .filter((year) => financialYearStart(year) !== null)
    .sort((a, b) => financialYearStart(a)! - financialYearStart(b)!)
    .flatMap((year) => [1, 2, 3, 4].map((n) => `Q${n} ${year}`));
}

/** The last day of a quarter, `2018-03-31` for Q4 2017-18. */
export function quarterEnd(quarter: string): string | null {
  const match = /^Q([1-4]) (\d{4})-\d{2}$/.exec(quarter);
  if (!match) return null;
  const endMonth = 3 + Number(match[1]) * 3; // months after January of the start year: 6, 9, 12, 15
  return new Date(Date.UTC(Number(match[2]), endMonth, 0)).toISOString().slice(0, 10);
}

/** The same day a month on (or the month's last day): the time agencies usually have for a return. */
function aMonthAfter(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day, last))).toISOString().slice(0, 10);
}

/**
 * The day a quarter's returns are usually due: a month after it ends. A round opened late (for a
 * quarter long past) gets the same month from today, never a date that has already passed.
 */
export function defaultDueDate(quarter: string, today: string): string {
  const end = quarterEnd(quarter);
  if (!end) return '';
  const usual = aMonthAfter(end);
  return usual > today ? usual : aMonthAfter(today);
}

interface Values {
  quarter: string;
  dueDate: string;
  confirmPastDueDate: boolean;
}

export function OpenRoundForm({
  quarters,
  suggested,
  today,
  onOpened,
}: {
  /** The quarters of the board's reporting years, in order. */
  quarters: readonly string[];
  suggested: string;
  today: string;
  onOpened: (round: ReturnRound) => void;
}) {
  const queryClient = useQueryClient();
  const open = useMutation({
    mutationFn: (request: { quarter: string; dueDate: string; confirmPastDueDate?: boolean }) =>
      apiSend('openRound', request),
    onSuccess: async (round) => {
      await queryClient.invalidateQueries({ queryKey: returnQueries.all() });
      onOpened(round);
    },
  });
  const form = useCheckedSubmit({
    initial: {
      quarter: suggested,
      dueDate: defaultDueDate(suggested, today),
      confirmPastDueDate: false,
    } as Values,
    labels: { quarter: 'Quarter', dueDate: 'Returns due by' },
    schema: openRoundRequestSchema,
    mutation: open,
    describe: (error) => describeSaveFailure(error, 'The round was not opened'),
  });
  const { values, setValues } = form;
  const past = values.dueDate !== '' && values.dueDate < today;

  return (
    <SubmitFormFrame
      form={form}
      heading="Open a return round"
      submitLabel="Open the round"
      pendingLabel="Opening…"
      onSubmit={(e) => {
        const { quarter, dueDate, confirmPastDueDate } = values;
        const confirmed = past && confirmPastDueDate;
        form.submit(
          e,
          { quarter, dueDate, ...(confirmed ? { confirmPastDueDate: true } : {}) },
          past && !confirmed ? { dueDate: PAST_DUE_DATE_PROBLEM } : {},
        );
      }}
    >
      <p className="field__hint">
        Every agency that owns an indicator with figures for the quarter gets a return to fill in. The
        quarters are those of the board’s reporting years; add a year in board settings to open the next one.
      </p>
      <div className="record-form__grid">
        <Field label={form.labels.quarter!} error={form.errors.quarter} id={form.fieldIds.quarter}>
          <select
            value={values.quarter}
            onChange={(e) =>
              setValues({
                quarter: e.target.value,
                dueDate: defaultDueDate(e.target.value, today),
                confirmPastDueDate: false,
              })
            }
          >
            {quarters.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </Field>
        <Field label={form.labels.dueDate!} error={form.errors.dueDate} id={form.fieldIds.dueDate}>
          <input
            type="date"
            value={values.dueDate}
            onChange={(e) => setValues((v) => ({ ...v, dueDate: e.target.value, confirmPastDueDate: false }))}
          />
        </Field>
      </div>
      {past ? (
        <CheckboxField form={form} name="confirmPastDueDate" label="Open with a due date that has passed" />
      ) : null}
    </SubmitFormFrame>
  );
}
