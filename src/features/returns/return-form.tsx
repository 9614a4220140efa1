import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { apiSend } from '../../api/client';
import {
  isLargeChange,
  largeChangeProblem,
  saveReturnRequestSchema,
  type AgencyReturn,
  type EesSymbol,
  type ReturnValue,
} from '../../api/contract';
import { ConflictError, HttpError } from '../../api/errors';
import { returnQueries } from '../../api/queries';
import { ConflictNotice } from '../../components/form/conflict-notice';
import { DraftRestoredNotice } from '../../components/form/draft-restored-notice';
import { ErrorSummary } from '../../components/form/error-summary';
import { describeSaveFailure, type FieldErrors } from '../../lib/field-errors';
import { downloadBlob } from '../../lib/download';
import { dropDraft, keepDraft, readDraft } from '../../lib/form-drafts';
import { slugify } from '../../lib/csv';
import { describeFigureChange, figureText } from './figure-change';
import { returnStatusLabels, symbolChoices } from './return-labels';
import { itemKey, readReturnFile, returnTemplateCsv, type EnteredFigure } from './return-file';
import { ScrollTable } from '../../components/scroll-table';

type Figures = Record<string, EnteredFigure>;

const isFigures = (value: unknown): value is Figures =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every(
    (f) => typeof f === 'object' && f !== null && typeof (f as EnteredFigure).value === 'string',
  );

function figuresOf(data: AgencyReturn): Figures {
  return Object.fromEntries(
    data.items.map((item) => [
      itemKey(item),
      {
        value: item.entered?.value == null ? '' : String(item.entered.value),
        symbol: item.entered?.symbol ?? '',
        note: item.entered?.note ?? '',
        checked: item.entered?.checked ?? false,
      },
    ]),
  );
}

/** The figures typed, as the contract's values: blank rows are left out (not entered yet). */
function toValues(data: AgencyReturn, figures: Figures): unknown[] {
  return data.items.flatMap((item) => {
    const f = figures[itemKey(item)];
    if (!f || (f.value.trim() === '' && f.symbol === '')) return [];
    const number = f.value.trim() === '' ? null : Number(f.value.replaceAll(',', ''));
    return [
      {
        indicatorId: item.indicatorId,
        period: item.period,
        value: number,
        symbol: f.symbol === '' ? null : f.symbol,
        note: f.note.trim() === '' ? null : f.note,
        ...(f.checked ? { checked: true } : {}),
      },
    ];
  });
}

const numberOf = (f: EnteredFigure | undefined): number | null => {
  if (!f || f.value.trim() === '') return null;
  const number = Number(f.value.replaceAll(',', ''));
  return Number.isFinite(number) ? number : null;
};

/** Figures that moved by more than half from the last one with neither a note nor the tick. */
function uncheckedLargeChanges(data: AgencyReturn, figures: Figures): FieldErrors {
  return Object.fromEntries(
    data.items.flatMap((item) => {
      const f = figures[itemKey(item)];
      const large = isLargeChange(item.previous?.value, numberOf(f));
      return large && f && f.note.trim() === '' && !f.checked
        ? [[itemKey(item), largeChangeProblem(item)]]
        : [];
    }),
  );
}

/** Field errors keyed `values[i]...` from the contract or the server, mapped to rows of the table. */
function rowErrors(data: AgencyReturn, sent: unknown[], errors: Record<string, string[]>): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(errors)) {
    const match = /^(values|items)\[(\d+)\]/.exec(path);
    if (!match) {
      out.form = messages[0] ?? '';
      continue;
    }
    const index = Number(match[2]);
    const row =
      match[1] === 'items'
        ? data.items[index]
        : data.items.find((item) => {
            const value = sent[index] as ReturnValue | undefined;
            return value && value.indicatorId === item.indicatorId && value.period === item.period;
          });
    if (row) out[itemKey(row)] ??= messages[0] ?? '';
  }
  return out;
}

/**
 * The columns of a return's figures. On a screen narrower than a laptop's each figure is drawn as a
 * card of its own, each cell under its column's name (`data-label`, service.css).
 */
const FIGURE_COLUMNS = {
  indicator: 'Indicator',
  last: 'Last figure',
  entry: 'This return',
  change: 'Change',
  note: 'Note (why a figure changed)',
} as const;

/** A contributor's form: one row per figure the return asks for. */
export function ReturnForm({
  data,
  onSubmitted,
}: {
  data: AgencyReturn;
  onSubmitted: (message: string) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const draftKey = `return:${data.roundId}/${data.agencyId}`;
  const [restored] = useState(() => readDraft(draftKey, isFigures));
  const [figures, setFigures] = useState<Figures>(() => ({ ...figuresOf(data), ...restored }));
  const [baseVersion, setBaseVersion] = useState(data.version);
  const [theirs, setTheirs] = useState<AgencyReturn | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [fileReport, setFileReport] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const { queryKey } = returnQueries.detail(data.roundId, data.agencyId);

  const send = useMutation({
    mutationFn: async ({ values, submit }: { values: unknown[]; submit: boolean }) => {
      const request = saveReturnRequestSchema.parse({ version: baseVersion, values });
      const params = { round: data.roundId, agency: data.agencyId };
      const saved = await apiSend('saveReturn', request, { params });
      queryClient.setQueryData(queryKey, saved);
      setBaseVersion(saved.version);
      return submit ? apiSend('submitReturn', { version: saved.version }, { params }) : saved;
    },
    // Here, not in mutate's callbacks: a submitted return replaces this form with its record.
    onSuccess: async (saved, { submit }) => {
      dropDraft(draftKey);
      if (submit)
        onSubmitted(`Submitted: the business unit will check the ${saved.quarter} return and publish it.`);
      queryClient.setQueryData(queryKey, saved);
      setBaseVersion(saved.version);
      await queryClient.invalidateQueries({ queryKey: returnQueries.rounds().queryKey });
    },
  });

  const set = (key: string, change: Partial<EnteredFigure>) =>
    setFigures((all) => ({ ...all, [key]: { value: '', symbol: '', note: '', ...all[key], ...change } }));

  const fieldId = (key: string, part: string) =>
    `${id}-${part}-${data.items.findIndex((i) => itemKey(i) === key)}`;

  const save = (submit: boolean) => {
    setMessage(null);
    const values = toValues(data, figures);
    const parsed = saveReturnRequestSchema.safeParse({ version: baseVersion, values });
    if (!parsed.success) {
      setErrors(
        rowErrors(
          data,
          values,
          Object.fromEntries(
            parsed.error.issues.map((i) => [i.path.join('.').replace(/\.(\d+)/, '[$1]'), [i.message]]),
          ),
        ),
      );
      return;
    }
    const unchecked = submit ? uncheckedLargeChanges(data, figures) : {};
    if (Object.keys(unchecked).length > 0) {
      setErrors(unchecked);
      setMessage({
        tone: 'error',
        text: 'The return was not submitted: a figure that changed by more than half needs a note saying why, or a tick to say you have checked it.',
      });
      return;
    }
    setErrors({});
    send.mutate(
      { values, submit },
      {
        onSuccess: () => {
          if (!submit) {
            setMessage({
              tone: 'success',
              text: 'Draft saved. Nothing is published until you submit and the business unit publishes it.',
            });
          }
        },
        onError: (error) => {
          if (error instanceof ConflictError) {
            const current = error.current as AgencyReturn;
            setTheirs(current);
            setBaseVersion(current.version);
            queryClient.setQueryData(queryKey, current);
          }
          if (error instanceof HttpError && error.status === 401) keepDraft(draftKey, figures);
          if (error instanceof HttpError && error.status === 422) {
            setErrors(rowErrors(data, values, error.fieldErrors));
            setMessage({
              tone: 'error',
              text: submit
                ? 'The return was not submitted: some figures need attention, shown in the table.'
                : 'The draft was not saved: some figures need attention, shown in the table.',
            });
            return;
          }
          setMessage({ tone: 'error', text: describeSaveFailure(error).message });
        },
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(true);
  };

  const fillFromFile = async (file: File) => {
    const result = await readReturnFile(file, data);
    if (result.problem) {
      setFileReport([result.problem]);
      return;
    }
    setFigures((all) => {
      const next = { ...all };
      for (const [key, figure] of result.figures) next[key] = figure;
      return next;
    });
    setFileReport([
      `${result.figures.size} of ${data.items.length} figures filled in from ${file.name}. Check them, then save or submit.`,
      ...result.skipped,
    ]);
  };

  // Kept while the errors stand: a new object each render would move focus back to the summary
  // at every key typed to correct a figure.
  const summary: FieldErrors = useMemo(
    () => Object.fromEntries(Object.entries(errors).filter(([key]) => key !== 'form')),
    [errors],
  );
  const summaryLabels = Object.fromEntries(
    data.items.map((item) => [itemKey(item), `${item.title}, ${item.period}`]),
  );
  const summaryIds = Object.fromEntries(
    data.items.map((item) => [itemKey(item), fieldId(itemKey(item), 'value')]),
  );

  return (
    <form
      className="return-form"
      onSubmit={submit}
      noValidate
      aria-label={`${data.agencyName}’s ${data.quarter} return`}
    >
      {restored ? <DraftRestoredNotice /> : null}
      {theirs ? (
        <ConflictNotice
          who="this return"
          changes={[
            {
              label: 'Status',
              theirs: returnStatusLabels[theirs.status],
              yours: returnStatusLabels[data.status],
            },
            ...theirs.items.map((item) => ({
              label: `${item.title}, ${item.period}`,
              theirs: figureText(item.entered, item),
              yours: (() => {
                const f = figures[itemKey(item)];
                return f && (f.value || f.symbol)
                  ? figureText({ value: f.value ? Number(f.value) : null, symbol: f.symbol || null }, item)
                  : 'none';
              })(),
            })),
          ]}
        />
      ) : null}
      {message ? (
        <p
          className={message.tone === 'success' ? 'notice notice--success' : 'record-form__failure'}
          role={message.tone === 'success' ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      ) : null}
      {errors.form ? (
        <p className="record-form__failure" role="alert">
          {errors.form}
        </p>
      ) : null}
      <ErrorSummary errors={summary} fieldIds={summaryIds} labels={summaryLabels} />

      <div className="return-form__file">
        <p>
          Fill it in here, or in a spreadsheet:{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() =>
              downloadBlob(
                new Blob([returnTemplateCsv({ ...data, items: data.items })], {
                  type: 'text/csv;charset=utf-8',
                }),
                `${slugify(`${data.agencyName} ${data.quarter} return`, 80, 'return')}.csv`,
              )
            }
          >
            Download this return as a template (CSV)
          </button>{' '}
          then{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => fileInput.current?.click()}
          >
            Fill in from a file
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            aria-label="Return file (CSV or Excel)"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void fillFromFile(file);
            }}
          />
        </p>
        {fileReport.length > 0 ? (
          <div className="notice" role="status">
            <p>{fileReport[0]}</p>
            {fileReport.length > 1 ? (
              <ul>
                {fileReport.slice(1).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>

      <ScrollTable
        label="Figures in this return"
        className="data-table data-table--text data-table--cards return-table"
        columns={Object.values(FIGURE_COLUMNS)}
      >
        {data.items.map((item) => {
          const key = itemKey(item);
          const f = figures[key] ?? { value: '', symbol: '', note: '' };
          const change = describeFigureChange(item, numberOf(f));
          const error = errors[key];
          const valueId = fieldId(key, 'value');
          return (
            <tr key={key} className={error ? 'return-table__row--error' : undefined}>
              <th scope="row">
                {item.title}
                <span className="schedule-table__meta">{item.period}</span>
                {item.published ? (
                  <span className="schedule-table__meta">
                    Already published: {figureText(item.published, item)}. A new figure corrects it.
                  </span>
                ) : null}
                {error ? (
                  <span className="field__error" id={`${valueId}-error`}>
                    <span className="visually-hidden">Error:</span> {error}
                  </span>
                ) : null}
              </th>
              <td data-label={FIGURE_COLUMNS.last}>
                {item.previous ? `${figureText(item.previous, item)} (${item.previous.period})` : 'none'}
              </td>
              <td data-label={FIGURE_COLUMNS.entry}>
                <div className="return-table__entry">
                  <label className="visually-hidden" htmlFor={valueId}>
                    {item.title}, {item.period}: value
                  </label>
                  <input
                    id={valueId}
                    type="text"
                    inputMode="decimal"
                    size={8}
                    value={f.value}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${valueId}-error` : undefined}
                    // A tick confirms the figure it was given for, not one typed since.
                    onChange={(e) => set(key, { value: e.target.value, checked: false })}
                  />
                  <label className="visually-hidden" htmlFor={fieldId(key, 'symbol')}>
                    {item.title}, {item.period}: mark
                  </label>
                  <select
                    id={fieldId(key, 'symbol')}
                    value={f.symbol}
                    onChange={(e) => set(key, { symbol: e.target.value as EesSymbol | '' })}
                  >
                    <option value="">No mark</option>
                    {symbolChoices.map((s) => (
                      <option key={s.value} value={s.value}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </div>
              </td>
              <td className="return-table__change" data-label={FIGURE_COLUMNS.change}>
                {change ? (
                  <span className={change.large ? 'return-table__warning' : undefined}>
                    {change.large ? (
                      <>
                        <span aria-hidden="true">⚠ </span>
                        {change.text}: more than half the last figure. Check it, and say why in a note.
                        <label className="return-table__check">
                          <input
                            type="checkbox"
                            aria-label={`${item.title}, ${item.period}: I have checked this figure`}
                            checked={f.checked === true}
                            onChange={(e) => set(key, { checked: e.target.checked })}
                          />{' '}
                          I have checked this figure
                        </label>
                      </>
                    ) : (
                      change.text
                    )}
                  </span>
                ) : (
                  '–'
                )}
              </td>
              <td className="return-table__note" data-label={FIGURE_COLUMNS.note}>
                <label className="visually-hidden" htmlFor={fieldId(key, 'note')}>
                  {item.title}, {item.period}: note
                </label>
                <input
                  id={fieldId(key, 'note')}
                  type="text"
                  maxLength={1000}
                  value={f.note}
                  onChange={(e) => set(key, { note: e.target.value })}
                />
              </td>
            </tr>
          );
        })}
      </ScrollTable>
      <div className="record-form__actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={send.isPending}
          onClick={() => save(false)}
        >
          Save draft
        </button>
        <button type="submit" className="button" disabled={send.isPending}>
          {send.isPending ? 'Sending…' : 'Submit to the business unit'}
        </button>
      </div>
    </form>
  );
}
