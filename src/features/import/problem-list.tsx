import { useId, useState } from 'react';
import type { Problem } from './parse/types';
import { ScrollTable } from '../../components/scroll-table';

/** How many problems of a kind are listed before "Show all". */
const FIRST = 5;

const count = (n: number, noun: string) => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Every problem found in a file, grouped by kind with a count, the first few of each with where to
 * find them, and the rest on request: a file with a thousand unreadable rows is summed up in a line
 * and still lists every one.
 */
export function ProblemList({ problems, fileName }: { problems: readonly Problem[]; fileName: string }) {
  const groups = new Map<string, Problem[]>();
  for (const problem of problems) {
    const kind = problem.kind ?? 'Problem';
    groups.set(kind, [...(groups.get(kind) ?? []), problem]);
  }
  return (
    <div className="problems" role="alert">
      <p className="problems__title">
        {fileName ? `${fileName} was not imported` : 'The file was not imported'}:{' '}
        {problems.length === 1 ? 'one problem' : `${problems.length.toLocaleString('en-GB')} problems`} to fix
        {groups.size > 1 ? `, of ${groups.size} kinds` : ''}. Your existing data is unchanged.
      </p>
      {groups.size > 1 ? (
        <ul className="problems__kinds" aria-label="Problems by kind">
          {[...groups].map(([kind, items]) => (
            <li key={kind}>
              {kind}: {items.length.toLocaleString('en-GB')}
            </li>
          ))}
        </ul>
      ) : null}
      {[...groups].map(([kind, items]) => (
        <ProblemGroup key={kind} kind={kind} problems={items} />
      ))}
    </div>
  );
}

function ProblemGroup({ kind, problems }: { kind: string; problems: readonly Problem[] }) {
  const [all, setAll] = useState(false);
  const tableId = useId();
  const shown = all ? problems : problems.slice(0, FIRST);
  const caption = `${kind}: ${count(problems.length, 'problem')}`;
  return (
    <section className="problems__group" aria-label={kind}>
      <ScrollTable
        label={caption}
        id={tableId}
        caption={
          <caption>
            {caption}
            {problems.length > FIRST && !all ? `, the first ${FIRST} shown` : ''}
          </caption>
        }
        columns={['Row', 'Column', 'Problem']}
      >
        {shown.map((p, i) => (
          <tr key={i}>
            <td>{p.row ?? 'Whole file'}</td>
            <td>{p.column ?? '—'}</td>
            <td>{p.message}</td>
          </tr>
        ))}
      </ScrollTable>
      {problems.length > FIRST ? (
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={all}
          aria-controls={tableId}
          onClick={() => setAll((shownAll) => !shownAll)}
        >
          {all
            ? `Show the first ${FIRST} only`
            : `Show all ${count(problems.length, 'problem')} of this kind`}
        </button>
      ) : null}
    </section>
  );
}
