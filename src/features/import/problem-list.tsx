import type { Problem } from './parse/types';

/** Every problem found in a file, with where to find it. */
export function ProblemList({ problems, fileName }: { problems: readonly Problem[]; fileName: string }) {
  return (
    <div className="problems" role="alert">
      <p className="problems__title">
        {fileName ? `${fileName} was not imported` : 'The file was not imported'}:{' '}
        {problems.length === 1 ? 'one problem' : `${problems.length.toLocaleString('en-GB')} problems`} to
        fix. Your existing data is unchanged.
      </p>
      <div className="table-scroll" role="region" aria-label="Problems found" tabIndex={0}>
        <table className="data-table data-table--text">
          <caption>Problems found</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td>{p.row ?? 'Whole file'}</td>
                <td>{p.column ?? '—'}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
