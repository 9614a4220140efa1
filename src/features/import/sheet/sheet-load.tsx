import { useId, useMemo, useState } from 'react';
import { HttpError } from '../../../api/errors';
import { FormFailure } from '../../../components/form/form-failure';
import { downloadBlob } from '../../../lib/download';
import { describeSaveFailure } from '../../../lib/field-errors';
import { FilePicker } from '../file-picker';
import type { Problem } from '../parse/types';
import { ProblemList } from '../problem-list';
import { TemplateColumns } from '../template-columns';
import {
  MAX_SHEET_ROWS,
  markRepeats,
  type MarkedRow,
  readSheet,
  rowProblems,
  sheetTemplateCsv,
  type SheetRow,
  type SheetSpec,
} from './sheet-rows';
import { ScrollTable } from '../../../components/scroll-table';

interface Props<K extends string, R> {
  spec: SheetSpec<K, R>;
  /** The repeat keys of the records already kept: a row repeating one is shown, not added. */
  kept: ReadonlySet<string>;
  /**
   * The records already kept are being read again (just after an add, say): until they are in,
   * which rows are already there is not known, and nothing is offered to add.
   */
  checking: boolean;
  /** The template's file name, `audit-programme-template.csv`. */
  templateName: string;
  /** The list's name in a 422 from the data service (`audits[2].title`). */
  list: string;
  /** Sends the rows to add, all in one request: the data service adds them all or none. */
  save: (requests: R[]) => Promise<unknown>;
  onDone: (message: string) => void;
  onCancel: () => void;
}

type State<K extends string, R> =
  | { step: 'choose' }
  | { step: 'reading'; name: string }
  | { step: 'problems'; name: string; problems: Problem[] }
  | { step: 'preview'; name: string; rows: SheetRow<K, R>[] };

const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

/**
 * Loads records from the board's spreadsheet as the Import page loads figures: the template to
 * download, a file chosen, a preview with each row's problems named by row and column, and
 * nothing saved until "Add N …" is pressed. A bad file or a refused save loses nothing.
 */
export function SheetLoad<K extends string, R>({
  spec,
  kept,
  checking,
  templateName,
  list,
  save,
  onDone,
  onCancel,
}: Props<K, R>) {
  const headingId = useId();
  const [state, setState] = useState<State<K, R>>({ step: 'choose' });
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [, plural] = spec.noun;

  const choose = async (file: File) => {
    setFailure(null);
    setState({ step: 'reading', name: file.name });
    const read = await readSheet(file, spec);
    setState(
      read.ok
        ? { step: 'preview', name: file.name, rows: read.rows }
        : { step: 'problems', name: file.name, problems: read.problems },
    );
  };

  const rows = useMemo(
    () => (state.step === 'preview' ? markRepeats(state.rows, spec, kept) : []),
    [state, spec, kept],
  );
  const toAdd = checking ? [] : rows.filter((r) => !r.repeat);
  const add = async () => {
    if (state.step !== 'preview') return;
    setSaving(true);
    setFailure(null);
    try {
      await save(toAdd.map((r) => r.request!));
      onDone(`Added ${count(toAdd.length, spec.noun)} from ${state.name}.`);
    } catch (error) {
      if (error instanceof HttpError && error.status === 422 && Object.keys(error.fieldErrors).length > 0) {
        setState({
          step: 'problems',
          name: state.name,
          problems: rowProblems(spec, list, error.fieldErrors, toAdd),
        });
      } else {
        setFailure(describeSaveFailure(error, `The ${plural} were not added`).message);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="record-form" aria-labelledby={headingId}>
      <h3 id={headingId}>Load {plural} from a spreadsheet</h3>
      <p>
        Download the template, fill in one row for each of the {plural} (up to {MAX_SHEET_ROWS}), save it as
        CSV or as an Excel .xlsx workbook and choose it here. You see every row before anything is added.
      </p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          downloadBlob(new Blob([sheetTemplateCsv(spec)], { type: 'text/csv;charset=utf-8' }), templateName)
        }
      >
        Download the template (CSV)
      </button>
      <details className="template-help">
        <summary>The template’s columns</summary>
        <TemplateColumns columns={spec.columns.map((c) => ({ ...c, name: c.heading }))} />
      </details>
      <FilePicker
        label="Choose the filled-in spreadsheet"
        hint="A CSV or an Excel .xlsx file, under 2 MB"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onFiles={([file]) => void choose(file!)}
      />
      {state.step === 'reading' ? <p role="status">Reading {state.name}…</p> : null}
      {state.step === 'problems' ? <ProblemList problems={state.problems} fileName={state.name} /> : null}
      {state.step === 'preview' && checking ? (
        <p role="status">Checking which rows of {state.name} are already there…</p>
      ) : null}
      {state.step === 'preview' && !checking ? (
        <SheetPreview spec={spec} name={state.name} rows={rows} />
      ) : null}
      <FormFailure failure={failure} />
      <div className="import-actions">
        {state.step === 'preview' && toAdd.length > 0 ? (
          <button type="button" className="button" disabled={saving} onClick={() => void add()}>
            {saving ? `Adding ${count(toAdd.length, spec.noun)}…` : `Add ${count(toAdd.length, spec.noun)}`}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {state.step === 'preview' ? 'Cancel: add nothing' : 'Close'}
        </button>
      </div>
    </section>
  );
}

function SheetPreview<K extends string, R>({
  spec,
  name,
  rows,
}: {
  spec: SheetSpec<K, R>;
  name: string;
  rows: MarkedRow<K, R>[];
}) {
  const repeats = rows.filter((r) => r.repeat).length;
  const adding = rows.length - repeats;
  const caption = `${name}: ${count(adding, spec.noun)} to add${
    repeats > 0 ? `, ${repeats} already there (not added again)` : ''
  }`;
  return (
    <div className="import-preview">
      {adding === 0 ? (
        <p role="status">Every row of {name} is already there: there is nothing to add.</p>
      ) : null}
      <ScrollTable
        label={caption}
        caption={<caption>{caption}</caption>}
        columns={['Row', ...spec.columns.map((c) => c.heading), 'Will be']}
      >
        {rows.map((r) => (
          <tr key={r.row}>
            <th scope="row">{r.row}</th>
            {spec.columns.map((c) => (
              <td key={c.key}>{r.cells[c.key]}</td>
            ))}
            <td>{r.repeat ? 'Already there: not added again' : 'Added'}</td>
          </tr>
        ))}
      </ScrollTable>
    </div>
  );
}
