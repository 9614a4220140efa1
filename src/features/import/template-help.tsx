import { downloadBlob } from '../../lib/download';
import { TEMPLATE_COLUMNS, templateCsv } from './parse/template';

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
            {TEMPLATE_COLUMNS.map((c) => (
              <tr key={c.name}>
                <th scope="row">
                  <code>{c.name}</code>
                </th>
                <td>{c.required ? 'Yes' : 'No'}</td>
                <td>{c.help}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
