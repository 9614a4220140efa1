import { useId, useState } from 'react';
import type { LocalIndicator } from '../../api/local-indicators';
import { buildFromEes } from './parse/ees';
import { buildFromTemplate } from './parse/template';
import { ProblemList } from './problem-list';
import type { ImportStage } from './use-import-file';

type Readable = Extract<ImportStage, { kind: 'template' | 'ees' }>;

interface Props {
  stage: Readable;
  /** The board's own area, chosen first when the file has it. */
  boardArea: string | null;
  existingIds: ReadonlySet<string>;
  saving: boolean;
  onSave: (indicators: LocalIndicator[]) => void;
  onCancel: () => void;
}

/** What the file will add, or every problem in it, before anything is saved. */
export function ImportPreview({ stage, boardArea, existingIds, saving, onSave, onCancel }: Props) {
  const areaId = useId();
  // The user's choices; null means "not chosen yet", and the defaults are derived below.
  const [areaChoice, setAreaChoice] = useState<string | null>(null);
  const [columnChoice, setColumnChoice] = useState<string[] | null>(null);
  const ees = stage.kind === 'ees' ? stage.file : null;
  const areaCode =
    areaChoice ?? ees?.areas.find((a) => a.name === boardArea)?.code ?? ees?.areas[0]?.code ?? '';
  const columns = columnChoice ?? ees?.columns.map((c) => c.name) ?? [];

  const { indicators, problems } =
    stage.kind === 'ees'
      ? buildFromEes(stage.table, stage.file, { areaCode, columns }, stage.source)
      : buildFromTemplate(stage.table, stage.source);
  const values = indicators.reduce(
    (n, i) => n + i.series.length + i.comparators.reduce((m, c) => m + c.series.length, 0),
    0,
  );
  const replaced = indicators.filter((i) => existingIds.has(i.id)).length;
  const area = ees?.areas.find((a) => a.code === areaCode);

  const toggle = (name: string) =>
    setColumnChoice(columns.includes(name) ? columns.filter((c) => c !== name) : [...columns, name]);

  return (
    <div className="import-preview">
      {ees && ees.problems.length === 0 ? (
        <div className="import-options">
          <div className="field">
            <label htmlFor={areaId}>Local authority</label>
            <select id={areaId} value={areaCode} onChange={(e) => setAreaChoice(e.target.value)}>
              {ees.areas.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
            {area ? (
              <p className="field__hint">
                Compared with {area.regionName || 'its region'} and England, where the file has them.
              </p>
            ) : null}
          </div>
          <fieldset className="import-columns">
            <legend>Indicator columns to import</legend>
            {ees.columns.map((c) => (
              <label key={c.name} className="checkbox">
                <input type="checkbox" checked={columns.includes(c.name)} onChange={() => toggle(c.name)} />
                {c.label}{' '}
                <span className="import-columns__unit">({describeUnit(c.unit, c.decimalPlaces)})</span>
              </label>
            ))}
          </fieldset>
        </div>
      ) : null}

      {problems.length > 0 ? (
        <ProblemList problems={problems} fileName={stage.source.fileName} />
      ) : (
        <section className="import-summary" aria-labelledby="preview-heading">
          <h3 id="preview-heading">Preview of {stage.source.fileName}</h3>
          <p>
            {count(indicators.length, 'indicator')} and {count(values, 'value')} will be added
            {replaced > 0 ? `, replacing ${count(replaced, 'indicator')} imported before` : ''}.
          </p>
          <ul className="import-summary__list">
            {indicators.map((i) => (
              <li key={i.id}>
                <strong>{i.title}</strong>: {describeSpan(i)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="import-actions">
        {/* A file with problems cannot be imported at all: there is no button to press. */}
        {problems.length === 0 ? (
          <button
            type="button"
            className="button"
            disabled={indicators.length === 0 || saving}
            onClick={() => onSave(indicators)}
          >
            {saving ? 'Saving…' : `Import ${count(indicators.length, 'indicator')}`}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {problems.length === 0 ? 'Cancel' : 'Choose another file'}
        </button>
      </div>
    </div>
  );
}

const count = (n: number, noun: string) => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;

function describeUnit(unit: string, dp: number) {
  const name = { count: 'count', percent: '%', 'rate-per-10000': 'rate per 10,000', gbp: '£' }[unit] ?? unit;
  return `${name}, ${dp} decimal place${dp === 1 ? '' : 's'}`;
}

function describeSpan(indicator: LocalIndicator) {
  const first = indicator.series[0]?.period;
  const last = indicator.series.at(-1)?.period;
  const figures = count(indicator.series.length, 'figure');
  return first && last ? `${figures}, ${first} to ${last}` : 'no figures for the area';
}
