import type { LocalIndicator } from '../../api/local-indicators';
import { formatDate } from '../../lib/format';
import { parsePeriod } from '../../lib/periods';
import { describeCell, type IndicatorChange } from './import-changes';
import type { EesFile } from './parse/ees';
import { fairAlternative, type EesChoice } from './parse/ees-build';
import type { UpdateChoice } from './use-ees-choice';

/** How many changed figures an indicator lists before "and N more". */
const SHOWN_CHANGES = 8;

interface Props {
  fileName: string;
  changes: readonly IndicatorChange[];
  /** Choices still to make. */
  todo: readonly string[];
  /** How the file was read and what was chosen for the user. */
  notes: readonly string[];
  todoId?: string;
  /** For an EES file: to offer a fair comparison where counts would be compared. */
  fair?: { file: EesFile; choice: EesChoice; update: UpdateChoice };
}

const count = (n: number, noun: string) => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;

const values = (i: LocalIndicator) =>
  i.series.length + i.comparators.reduce((m, c) => m + c.series.length, 0);

/**
 * What importing will do, before anything is saved: each indicator, new or replacing one imported
 * before (with every figure that changes), what is still to choose, and how the file was read.
 */
export function ImportSummary({ fileName, changes, todo, notes, todoId, fair }: Props) {
  const indicators = changes.map((c) => c.indicator);
  const replaced = changes.filter((c) => c.previous !== null);
  const total = indicators.reduce((n, i) => n + values(i), 0);
  return (
    <section className="import-summary" aria-labelledby="preview-heading">
      <h3 id="preview-heading">Preview of {fileName}</h3>
      {todo.length > 0 ? (
        <div className="import-todo" id={todoId}>
          <p className="import-todo__title">Before you can import:</p>
          <ul>
            {todo.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {indicators.length > 0 ? (
        <>
          <p>
            {count(indicators.length, 'indicator')} and {count(total, 'value')} will be added
            {replaced.length > 0
              ? `, replacing ${count(replaced.length, 'indicator')} imported before (listed below)`
              : ''}
            .
          </p>
          <ul className="import-summary__list">
            {changes.map((change) => (
              <li key={change.indicator.id}>
                <strong>{change.indicator.title}</strong>: {describeSpan(change.indicator)}.{' '}
                <ChangeText change={change} />
                {fair ? <FairComparison indicator={change.indicator} /> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {fair ? <FairOffer {...fair} /> : null}
      {notes.length > 0 ? (
        <ul className="import-notes" aria-label="How the file is read">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function describeSpan(indicator: LocalIndicator) {
  const label = (code: string | undefined) =>
    code === undefined ? undefined : (parsePeriod(code, indicator.frequency)?.label ?? code);
  const first = label(indicator.series[0]?.period);
  const last = label(indicator.series.at(-1)?.period);
  const figures = count(indicator.series.length, 'figure');
  const compared = indicator.comparators.map((c) => c.label);
  return `${first && last ? `${figures}, ${first === last ? first : `${first} to ${last}`}` : 'no figures for the area'}${compared.length > 0 ? `; compared with ${compared.join(' and ')}` : ''}`;
}

function ChangeText({ change }: { change: IndicatorChange }) {
  const { previous, cells, details } = change;
  if (!previous) return <>New.</>;
  const from = `${previous.importedFrom.fileName} on ${formatDate(previous.importedFrom.importedAt.slice(0, 10))}`;
  const differs =
    details.length > 0 ? ` Its ${details.join(', ')} ${details.length === 1 ? 'changes' : 'change'}.` : '';
  if (cells.length === 0) {
    return (
      <>
        Replaces the one imported from {from}: no figure changes.{differs}
      </>
    );
  }
  const shown = cells.slice(0, SHOWN_CHANGES);
  return (
    <>
      Replaces the one imported from {from}: {count(cells.length, 'figure')} change.{differs}
      <ul className="import-summary__changes" aria-label={`Figures that change: ${change.indicator.title}`}>
        {shown.map((cell) => (
          <li key={`${cell.series}|${cell.period}`}>{describeCell(cell)}</li>
        ))}
      </ul>
      {cells.length > SHOWN_CHANGES ? (
        <details>
          <summary>The other {count(cells.length - SHOWN_CHANGES, 'figure')} that change</summary>
          <ul className="import-summary__changes">
            {cells.slice(SHOWN_CHANGES).map((cell) => (
              <li key={`${cell.series}|${cell.period}`}>{describeCell(cell)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** A count beside England's is misread: say how the dashboard shows it. */
function FairComparison({ indicator }: { indicator: LocalIndicator }) {
  if ((indicator.unit !== 'count' && indicator.unit !== 'gbp') || indicator.comparators.length === 0)
    return null;
  return (
    <>
      {' '}
      {indicator.unit === 'count' ? 'A count' : 'An amount'} depends on the size of the area, so{' '}
      {indicator.comparators.map((c) => c.label).join(' and ')} will be drawn beside it, each on its own
      scale, not on one axis.
    </>
  );
}

/** Where a ticked count has a rate or percentage in the same file, offers to import that too. */
function FairOffer({ file, choice, update }: { file: EesFile; choice: EesChoice; update: UpdateChoice }) {
  const ticked = file.columns.filter((c) => choice.columns.includes(c.name));
  const offers = new Map<string, string[]>();
  for (const column of ticked) {
    const fair = fairAlternative(column, file.columns);
    if (fair && !choice.columns.includes(fair.name))
      offers.set(fair.name, [...(offers.get(fair.name) ?? []), column.label]);
  }
  if (offers.size === 0) return null;
  return (
    <ul className="import-fair" aria-label="Fairer comparisons in this file">
      {[...offers].map(([name, counts]) => {
        const fair = file.columns.find((c) => c.name === name)!;
        return (
          <li key={name}>
            To compare {counts.join(' and ')} fairly with England and the region, this file also has{' '}
            <strong>{fair.label}</strong> (<code>{fair.name}</code>), which does not depend on the size of the
            area.{' '}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() =>
                update((c) => ({
                  columns: file.columns
                    .map((col) => col.name)
                    .filter((n) => n === name || c.columns.includes(n)),
                }))
              }
            >
              Import {fair.label} too
            </button>
          </li>
        );
      })}
    </ul>
  );
}
