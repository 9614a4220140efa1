import { downloadBlob } from '../../lib/download';
import { TEMPLATE_COLUMNS, templateCsv } from './parse/template';
import { TemplateColumns } from './template-columns';

/** The downloadable template and what each of its columns means. */
export function TemplateHelp() {
  return (
    <details className="template-help">
      <summary>The dashboard’s template: columns and an example</summary>
      <p>
        One row per figure. An indicator’s rows share its <code>indicator_id</code>. Save it as CSV (UTF-8 or
        Windows) or as an Excel .xlsx workbook, with the columns on the first sheet.
      </p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          downloadBlob(
            new Blob([templateCsv()], { type: 'text/csv;charset=utf-8' }),
            'indicator-template.csv',
          )
        }
      >
        Download the template (CSV)
      </button>
      <TemplateColumns
        columns={TEMPLATE_COLUMNS.map((c) => ({ ...c, key: c.name, name: <code>{c.name}</code> }))}
      />
    </details>
  );
}
