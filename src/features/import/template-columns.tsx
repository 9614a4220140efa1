import type { ReactNode } from 'react';

export interface TemplateColumn {
  key: string;
  name: ReactNode;
  required?: boolean;
  help: string;
}

/** A template's columns, whether each is required, and what to put in it. */
export function TemplateColumns({ columns }: { columns: readonly TemplateColumn[] }) {
  return (
    <div className="table-scroll" role="region" aria-label="Template columns" tabIndex={0}>
      <table className="data-table data-table--text">
        <caption>Template columns</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Required</th>
            <th scope="col">What to put in it</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.key}>
              <th scope="row">{c.name}</th>
              <td>{c.required ? 'Yes' : 'No'}</td>
              <td>{c.help}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
