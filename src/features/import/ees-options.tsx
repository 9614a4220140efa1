import { memo, useId } from 'react';
import type { Polarity, Theme } from '../../api/contract';
import { polarityLabels, themeLabels, themeOrder } from '../../lib/indicator-labels';
import type { EesArea, EesFile, EesFilter } from './parse/ees';
import { areaLabel, NOT_CHOSEN, periodKindWords, type EesChoice } from './parse/ees-build';
import type { UpdateChoice } from './use-ees-choice';

const EACH = 'each';
const value = (i: number) => `value-${i}`;

interface Props {
  file: EesFile;
  choice: EesChoice;
  update: UpdateChoice;
}

/**
 * The choices an EES file offers: the area (by name, with its code), the join of a council whose
 * code changed, the kind of period, a value for each breakdown (or one indicator per value), the
 * theme, and the columns to import with which way is better for each. Nothing is ticked until the
 * user ticks it.
 */
export function EesOptions({ file, choice, update }: Props) {
  const periodId = useId();
  const themeId = useId();
  const area = file.areas.find((a) => a.code === choice.areaCode);
  const twins = area ? file.areas.filter((a) => area.twins.includes(a.code)) : [];
  return (
    <div className="import-options">
      <AreaChoice areas={file.areas} area={area} update={update} />
      {area && twins.length > 0 ? (
        <label className="checkbox import-join">
          <input type="checkbox" checked={choice.join} onChange={(e) => update({ join: e.target.checked })} />
          Join {area.name}’s {twins.length === 1 ? 'other code' : 'other codes'} into one series:{' '}
          {[area, ...twins]
            .sort((a, b) => a.lastEnd - b.lastEnd)
            .map((a) => `${a.code} (${a.first === a.last ? a.first : `${a.first} to ${a.last}`})`)
            .join(', then ')}
          . The council’s code changed; its name did not.
        </label>
      ) : null}
      {file.periodKinds.length > 1 ? (
        <div className="field">
          <label htmlFor={periodId}>Periods</label>
          <select
            id={periodId}
            value={choice.frequency ?? ''}
            onChange={(e) => update({ frequency: (e.target.value || null) as EesChoice['frequency'] })}
          >
            {choice.frequency === null ? <option value="">Choose the periods to import</option> : null}
            {file.periodKinds.map((k) => (
              <option key={k.frequency} value={k.frequency}>
                {periodKindWords[k.frequency]} ({k.identifiers.join(', ')})
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {file.filters.length > 0 ? (
        <fieldset className="import-filters">
          <legend>Breakdowns</legend>
          <p className="field__hint">
            The file breaks its figures down by{' '}
            {file.filters.map((f, i) => (
              <span key={f.name}>
                {i > 0 ? (i === file.filters.length - 1 ? ' and ' : ', ') : ''}
                <code>{f.name}</code>
              </span>
            ))}
            . Choose one value of each, or make one indicator for each value of one of them.
          </p>
          {file.filters.map((filter) => (
            <FilterChoice key={filter.name} filter={filter} choice={choice} update={update} />
          ))}
        </fieldset>
      ) : null}
      {file.attributes.length > 0 ? (
        <p className="field__hint">
          Read as describing each row, not as breakdowns, since they never differ within an area and period:{' '}
          {file.attributes.map((a) => a.name).join(', ')}.
        </p>
      ) : null}
      {file.constants.length > 0 ? (
        <p className="field__hint">
          Every row of the file is{' '}
          {file.constants.map((c) => `${c.value || '(blank)'} (${c.name})`).join(', ')}.
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={themeId}>Theme</label>
        <select
          id={themeId}
          value={choice.theme}
          aria-describedby={`${themeId}-hint`}
          onChange={(e) => update({ theme: e.target.value as Theme })}
        >
          {themeOrder.map((t) => (
            <option key={t} value={t}>
              {themeLabels[t]}
            </option>
          ))}
        </select>
        <p className="field__hint" id={`${themeId}-hint`}>
          Guessed from the file’s name and labels: the imported indicators are listed under this theme.
        </p>
      </div>
      <ColumnChoice file={file} choice={choice} update={update} />
    </div>
  );
}

/**
 * The local authority, by name with its code. A national file lists every council, so this is a
 * long list: it is drawn again only when the area changes, not on every tick of a column.
 */
const AreaChoice = memo(function AreaChoice({
  areas,
  area,
  update,
}: {
  areas: readonly EesArea[];
  area: EesArea | undefined;
  update: UpdateChoice;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Local authority</label>
      <select
        id={id}
        value={area?.code ?? ''}
        onChange={(e) => update({ areaCode: e.target.value, join: false })}
      >
        {areas.map((a) => (
          <option key={a.code} value={a.code}>
            {areaLabel(a)}
          </option>
        ))}
      </select>
      {area ? (
        <p className="field__hint">
          {area.name}, code {area.code}
          {area.regionName ? `, in ${area.regionName}` : ''}. Compared with {area.regionName || 'its region'}{' '}
          and England, where the file has them.
        </p>
      ) : null}
    </div>
  );
});

function FilterChoice({
  filter,
  choice,
  update,
}: {
  filter: EesFilter;
  choice: EesChoice;
  update: UpdateChoice;
}) {
  const id = useId();
  const chosen = choice.filterValues[filter.name] ?? NOT_CHOSEN;
  const current = choice.splitBy === filter.name ? EACH : chosen === NOT_CHOSEN ? '' : value(chosen);
  return (
    <div className="field">
      <label htmlFor={id}>
        <code>{filter.name}</code>
        {filter.label !== filter.name ? ` (${filter.label})` : ''}
      </label>
      <select
        id={id}
        value={current}
        onChange={(e) => {
          const next = e.target.value;
          if (next === EACH) update({ splitBy: filter.name });
          else
            update((c) => ({
              splitBy: c.splitBy === filter.name ? null : c.splitBy,
              filterValues: {
                ...c.filterValues,
                [filter.name]: next === '' ? NOT_CHOSEN : Number(next.slice(6)),
              },
            }));
        }}
      >
        {current === '' ? <option value="">Choose a value</option> : null}
        {filter.values.map((v, i) => (
          <option key={v} value={value(i)}>
            {v || '(blank)'}
            {v === filter.total ? ' (all of them)' : ''}
          </option>
        ))}
        <option value={EACH}>Every value: one indicator each</option>
      </select>
    </div>
  );
}

const POLARITIES: Polarity[] = ['neutral', 'up-is-good', 'down-is-good'];
const polarityOptions: Record<Polarity, string> = {
  neutral: 'Neither (neutral)',
  'up-is-good': polarityLabels['up-is-good'],
  'down-is-good': polarityLabels['down-is-good'],
};

function ColumnChoice({ file, choice, update }: Props) {
  const hintId = useId();
  const all = file.columns.map((c) => c.name);
  const toggle = (name: string) =>
    update((c) => ({
      columns: c.columns.includes(name)
        ? c.columns.filter((n) => n !== name)
        : all.filter((n) => n === name || c.columns.includes(n)),
    }));
  return (
    <fieldset className="import-columns" aria-describedby={hintId}>
      <legend>Indicator columns to import</legend>
      <p className="field__hint" id={hintId}>
        {choice.columns.length} of {file.columns.length} ticked. Which way is better is “neither” for each
        column until you choose: the dashboard then describes changes without calling them better or worse.
      </p>
      <div className="import-columns__actions">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={choice.columns.length === all.length}
          onClick={() => update({ columns: all })}
        >
          {file.columns.length === 1 ? 'Select the only column' : `Select all ${file.columns.length} columns`}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={choice.columns.length === 0}
          onClick={() => update({ columns: [] })}
        >
          Clear all
        </button>
      </div>
      {file.columns.map((c) => {
        const ticked = choice.columns.includes(c.name);
        return (
          <div key={c.name} className="import-columns__row">
            <label className="checkbox">
              <input type="checkbox" checked={ticked} onChange={() => toggle(c.name)} />
              {c.label}{' '}
              <span className="import-columns__unit">
                ({c.name}: {describeUnit(c.unit, c.decimalPlaces)})
              </span>
            </label>
            {ticked ? (
              <PolarityChoice column={c.name} label={c.label} choice={choice} update={update} />
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

function PolarityChoice({
  column,
  label,
  choice,
  update,
}: {
  column: string;
  label: string;
  choice: EesChoice;
  update: UpdateChoice;
}) {
  const id = useId();
  return (
    <div className="field field--inline import-columns__polarity">
      <label htmlFor={id}>
        Which way is better<span className="visually-hidden">: {label}</span>
      </label>
      <select
        id={id}
        value={choice.polarity[column] ?? 'neutral'}
        onChange={(e) =>
          update((c) => ({ polarity: { ...c.polarity, [column]: e.target.value as Polarity } }))
        }
      >
        {POLARITIES.map((p) => (
          <option key={p} value={p}>
            {polarityOptions[p]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function describeUnit(unit: string, dp: number) {
  const name = { count: 'count', percent: '%', 'rate-per-10000': 'rate per 10,000', gbp: '£' }[unit] ?? unit;
  return `${name}, ${dp} decimal place${dp === 1 ? '' : 's'}`;
}
