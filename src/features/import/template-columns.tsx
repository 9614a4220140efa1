import type { ReactNode } from 'react';
import { ScrollTable } from '../../components/scroll-table';

export interface TemplateColumn {
  key: string;
  name: ReactNode;
  required?: boolean;
  help: string;
}

/** A template's columns, whether each is required, and what to put in it. */
export function TemplateColumns({ columns }: { columns: readonly TemplateColumn[] }) {
  return (
    <ScrollTable
      label="Template columns"
      caption={<caption>Template columns</caption>}
      columns={['Column', 'Required', 'What to put in it']}
    >
      {columns.map((c) => (
        <tr key={c.key}>
          <th scope="row">{c.name}</th>
          <td>{c.required ? 'Yes' : 'No'}</td>
          <td>{c.help}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
