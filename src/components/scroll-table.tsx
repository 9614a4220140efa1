import type { ReactNode } from 'react';

/**
 * A table of records that scrolls sideways on a narrow screen, in a region named for it that the
 * keyboard can reach: its column headings, then its rows.
 */
export function ScrollTable({
  label,
  columns,
  className = 'data-table data-table--text',
  caption,
  id,
  children,
}: {
  /** The region's name, said by a screen reader: "People", "2017-18 Q3 returns". */
  label: string;
  /** The column headings; a heading a sighted reader does not need is hidden in its cell. */
  columns: readonly ReactNode[];
  className?: string;
  /** The table's `<caption>` element, where it has one. */
  caption?: ReactNode;
  id?: string;
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0} id={id}>
      <table className={className}>
        {caption}
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A column heading only a screen reader needs (the column of buttons, say). */
export const hidden = (words: string) => <span className="visually-hidden">{words}</span>;
