export interface FieldChange {
  label: string;
  theirs: string;
  yours: string;
}

/**
 * After a 409: what the other person saved beside what this person typed, field by field, so
 * they can decide. Their version is already on the page; saving again replaces it.
 */
export function ConflictNotice({ who, changes }: { who: string; changes: FieldChange[] }) {
  const differing = changes.filter((c) => c.theirs !== c.yours);
  return (
    <div className="notice notice--warning conflict-notice" role="alert">
      <p className="notice__title">Someone else saved a change to {who} while you were editing</p>
      <p>
        Their version is now shown on the page. What you typed is still in the form.{' '}
        {differing.length > 0
          ? 'Where the two differ:'
          : 'Their saved values are the same as yours, so saving again changes nothing.'}
      </p>
      {differing.length > 0 ? (
        <table className="data-table data-table--text conflict-notice__table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Their saved value</th>
              <th scope="col">Your value</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((c) => (
              <tr key={c.label}>
                <th scope="row">{c.label}</th>
                <td>{c.theirs}</td>
                <td>{c.yours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>Save again to replace their version with yours, or cancel to keep theirs.</p>
    </div>
  );
}
