import type { Section11Assurance } from '../../api/contract';
import { StatusTag } from '../status-tag';
import { toCsv } from '../../lib/csv';
import { downloadBlob } from '../../lib/download';
import { formatDate } from '../../lib/format';
import { useWording } from '../../lib/use-wording';
import {
  assuranceNarrative,
  judged,
  ratingLabels,
  ratingTones,
  section11StatusLabels,
  section11StatusTones,
} from './section11-labels';

/** The matrix as a CSV: one row per agency, per standard its rating, the committee's and the last cycle's. */
function assuranceCsv(assurance: Section11Assurance): string {
  return toCsv([
    [
      'Agency',
      'Status',
      ...assurance.standards.flatMap((s) => [
        `Standard ${s.code}: agency`,
        `Standard ${s.code}: committee`,
        `Standard ${s.code}: last cycle`,
      ]),
    ],
    ...assurance.rows.map((row) => [
      row.agencyName,
      `${section11StatusLabels[row.status]}${row.late ? ' (late)' : ''}`,
      ...row.ratings.flatMap((r) => [
        r.rating ? ratingLabels[r.rating] : '',
        r.committeeRating ? ratingLabels[r.committeeRating] : '',
        r.previous ? ratingLabels[r.previous] : '',
      ]),
    ]),
  ]);
}

/**
 * Agencies by standards: each accepted agency's rating as text and icon (never colour alone), the
 * committee's where it differs, and the agency's rating in the last cycle beside it. An agency not
 * yet accepted shows its status, and Late after the due date.
 */
export function AssuranceMatrix({
  assurance,
  toolbar = true,
  className,
}: {
  assurance: Section11Assurance;
  /** The CSV button: not on a slide. */
  toolbar?: boolean | undefined;
  className?: string | undefined;
}) {
  const { cycle } = assurance;
  const words = useWording();
  if (!cycle) return <p>No Section 11 cycle has been run yet.</p>;
  return (
    <div className={`section11-assurance ${className ?? ''}`}>
      <div className="section11-narrative">
        {assuranceNarrative(assurance).map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      <div
        className="table-scroll"
        role="region"
        aria-label={`${cycle.title}: agencies by standard`}
        tabIndex={0}
      >
        <table className="data-table data-table--text section11-matrix">
          <caption className="visually-hidden">
            {cycle.title}, due {formatDate(cycle.dueDate)}: each agency’s rating against each standard
          </caption>
          <thead>
            <tr>
              <th scope="col">Agency</th>
              {assurance.standards.map((s) => (
                <th scope="col" key={s.id}>
                  <abbr title={s.title}>{s.code}</abbr>
                  <span className="visually-hidden">. {s.title}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {assurance.rows.map((row) => (
              <tr key={row.agencyId}>
                <th scope="row">
                  {row.agencyName}
                  <br />
                  <StatusTag tone={section11StatusTones[row.status]}>
                    {section11StatusLabels[row.status]}
                  </StatusTag>
                  {row.late ? <StatusTag tone="bad">Late</StatusTag> : null}
                </th>
                {row.ratings.map((r) => {
                  const rating = judged(r);
                  return (
                    <td key={r.standardId}>
                      {rating ? (
                        <StatusTag tone={ratingTones[rating]}>{ratingLabels[rating]}</StatusTag>
                      ) : (
                        '–'
                      )}
                      {r.committeeRating && r.rating ? (
                        <span className="section11-matrix__note">
                          Committee’s rating; the agency said {ratingLabels[r.rating].toLowerCase()}
                        </span>
                      ) : null}
                      {r.previous && rating ? (
                        <span className="section11-matrix__note">
                          Last cycle: {ratingLabels[r.previous].toLowerCase()}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {toolbar ? (
        <div className="button-row no-print">
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              downloadBlob(
                new Blob([assuranceCsv(assurance)], { type: 'text/csv;charset=utf-8' }),
                `${cycle.id}-assurance.csv`,
              )
            }
          >
            Download CSV <span className="visually-hidden">of the {cycle.title} assurance table</span>
          </button>
        </div>
      ) : null}
      <h3>The standards</h3>
      <ol className="section11-standards">
        {assurance.standards.map((s) => (
          <li key={s.id} value={Number(s.code) || undefined}>
            {s.title}
            {s.statutory ? '' : ` (${words.the}’s own)`}
          </li>
        ))}
      </ol>
    </div>
  );
}
