import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { AgencyLateness } from '../../api/contract';
import { returnQueries } from '../../api/queries';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { formatDate, plural } from '../../lib/format';
import { financialYearOfDate } from '../../lib/periods';
import { ScrollTable } from '../../components/scroll-table';

/** How many, then each one named and linked. */
function Items<T>({ items, children }: { items: readonly T[]; children: (item: T) => ReactNode }) {
  if (items.length === 0) return <>0</>;
  return (
    <>
      <span className="late-table__count">{items.length}</span>
      <ul className="late-table__items">{items.map(children)}</ul>
    </>
  );
}

function LateReturns({ row }: { row: AgencyLateness }) {
  return (
    <Items items={row.lateReturns}>
      {(r) => (
        <li key={r.roundId}>
          <Link
            to={`/returns/${r.roundId}/${row.agencyId ?? ''}`}
            aria-label={`${r.quarter} return of ${row.agencyName}`}
          >
            {r.quarter} return
          </Link>
          , due {formatDate(r.dueDate)}
        </li>
      )}
    </Items>
  );
}

function OverdueAudits({ row }: { row: AgencyLateness }) {
  return (
    <Items items={row.overdueAudits}>
      {(a) => (
        <li key={a.auditId}>
          {/* The quality assurance page opens on the audit's year, at its row. */}
          <Link to={`/quality-assurance?year=${financialYearOfDate(a.plannedDate)}#audit-${a.auditId}`}>
            {a.title}
          </Link>
          , planned {a.plannedQuarter ?? formatDate(a.plannedDate)}
        </li>
      )}
    </Items>
  );
}

/**
 * Which agencies are behind, the most behind first: their late returns and the overdue audits they
 * lead, each named and linked. The figures come from the data service (one request).
 */
export function LateByAgencyPanel() {
  const query = useQuery(returnQueries.lateByAgency());
  return (
    <Panel
      title="What is late, by agency"
      meta={query.data ? `Returns as at ${formatDate(query.data.returnsAsAt)}` : undefined}
    >
      <QueryState
        query={query}
        loadingLabel="Loading what is late, by agency"
        isEmpty={(data) => data.agencies.length === 0}
        empty="The board has no partner agencies yet, so there is nothing to be late."
      >
        {(data) => {
          const behind = data.agencies.filter((a) => a.lateReturns.length + a.overdueAudits.length > 0);
          const returns = data.agencies.reduce((n, a) => n + a.lateReturns.length, 0);
          const audits = data.agencies.reduce((n, a) => n + a.overdueAudits.length, 0);
          return (
            <>
              <p>
                {behind.length === 0
                  ? 'No agency is behind: no return is late and no audit is overdue.'
                  : `${plural(behind.length, 'agency is', 'agencies are')} behind: ${plural(returns, 'return', 'returns')} late and ${plural(audits, 'audit', 'audits')} overdue. The most behind come first.`}
              </p>
              <p>
                A return is late when it is due before {formatDate(data.returnsAsAt)} (today) and has not been
                submitted or published. An audit is overdue when it is neither complete nor cancelled and was
                planned before {formatDate(data.auditsAsAt)}, the date the board’s figures run to, as on the
                quality assurance page. An audit counts against the agency that leads it, as named on the
                audit; a lead agency that is not one of the board’s partner agencies is listed under that
                name.
              </p>
              <ScrollTable
                label="What is late, by agency"
                className="data-table data-table--text late-table"
                caption={
                  <caption className="visually-hidden">
                    Returns late and audits overdue, by agency, the most behind first
                  </caption>
                }
                columns={['Agency', 'Returns late', 'Audits overdue (as lead agency)']}
              >
                {data.agencies.map((row) => (
                  <tr key={row.agencyId ?? `lead:${row.agencyName}`}>
                    <th scope="row">
                      {row.agencyName}
                      {row.agencyId === null ? (
                        <span className="schedule-table__meta">Named as lead agency on audits</span>
                      ) : null}
                    </th>
                    <td>
                      <LateReturns row={row} />
                    </td>
                    <td>
                      <OverdueAudits row={row} />
                    </td>
                  </tr>
                ))}
              </ScrollTable>
            </>
          );
        }}
      </QueryState>
    </Panel>
  );
}
