import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { RETURN_ROUNDS_PAGE, type ReturnRound } from '../../api/contract';
import { boardQueries, returnQueries } from '../../api/queries';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { MoreFooter, ShowMore } from '../../components/show-more';
import { StatusTag } from '../../components/status-tag';
import { formatDate } from '../../lib/format';
import type { ReturnDue } from '../../lib/returns-due';
import { useDocumentTitle } from '../../lib/use-document-title';
import { usePermissions } from '../../lib/use-permissions';
import { LateByAgencyPanel } from './late-by-agency';
import { boardQuarters, OpenRoundForm, quarterEnd } from './open-round-form';
import { returnStatusLabels, returnStatusTones } from './return-labels';
import { hidden, ScrollTable } from '../../components/scroll-table';

const RETURNS = ['return', 'returns'] as const;
const ROUNDS = ['return round', 'return rounds'] as const;

/** A contributor's pointer to the work waiting for them, before every round's table. */
function YourReturns({ due }: { due: readonly ReturnDue[] }) {
  if (due.length === 0) return null;
  return (
    <section className="notice" aria-labelledby="your-returns-title">
      <h2 id="your-returns-title" className="notice__title">
        Your returns
      </h2>
      <ul>
        {due.map((r) => (
          <li key={`${r.roundId}/${r.agencyId}`}>
            <Link to={`/returns/${r.roundId}/${r.agencyId}`}>
              {r.agencyName}’s {r.quarter} return
            </Link>
            , due {formatDate(r.dueDate)}
            {r.late ? <StatusTag tone="bad">Late</StatusTag> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface RoundTableProps {
  round: ReturnRound;
  administer: boolean;
  enterReturn: (agencyId: string) => boolean;
}

function RoundTable({ round, administer, enterReturn }: RoundTableProps) {
  return (
    <ScrollTable
      label={`${round.quarter} returns`}
      className="data-table data-table--text returns-table"
      caption={
        <caption className="visually-hidden">
          {round.quarter} returns, due {formatDate(round.dueDate)}
        </caption>
      }
      columns={['Agency', 'Status', 'Figures entered', 'Submitted', 'Published', hidden('Open')]}
    >
      {round.agencies.map((a) => {
        const action =
          administer && a.status === 'submitted'
            ? 'Review'
            : a.status === 'published' || (administer && a.status !== 'draft' && a.status !== 'not-started')
              ? 'View'
              : enterReturn(a.agencyId)
                ? 'Fill in'
                : 'View';
        return (
          <tr key={a.agencyId}>
            <th scope="row">{a.agencyName}</th>
            <td>
              <StatusTag tone={returnStatusTones[a.status]}>{returnStatusLabels[a.status]}</StatusTag>
              {a.late ? <StatusTag tone="bad">Late</StatusTag> : null}
            </td>
            <td>
              {a.filledCount} of {a.itemCount}
            </td>
            <td>{a.submitted ? `${a.submitted.name}, ${formatDate(a.submitted.at.slice(0, 10))}` : '–'}</td>
            <td>{a.published ? `${a.published.name}, ${formatDate(a.published.at.slice(0, 10))}` : '–'}</td>
            <td className="data-table__actions">
              <Link to={`/returns/${round.id}/${a.agencyId}`}>
                {action}{' '}
                <span className="visually-hidden">
                  {a.agencyName}’s {round.quarter} return
                </span>
              </Link>
            </td>
          </tr>
        );
      })}
    </ScrollTable>
  );
}

/**
 * The board's quarters without a round yet, and the usual next one among them: the first after the
 * date the board's figures run to (else the latest still open to a round).
 */
function openableQuarters(
  opened: readonly string[],
  board: { reportingYears: string[]; dataAsAt: string },
): { quarters: string[]; suggested: string | null } {
  const quarters = boardQuarters(board.reportingYears).filter((q) => !opened.includes(q));
  const next = quarters.find((q) => (quarterEnd(q) ?? '') > board.dataAsAt);
  return { quarters, suggested: next ?? quarters.at(-1) ?? null };
}

export function ReturnsPage() {
  useDocumentTitle('Quarterly returns');
  const permissions = usePermissions();
  // A page of rounds at a time (a year's quarters), newest first, with every round's quarter and
  // the returns still due in any of them.
  const rounds = useInfiniteQuery(returnQueries.roundPages());
  const first = rounds.data?.pages[0];
  const board = useQuery(boardQueries.detail());
  const [opened, setOpened] = useState<string | null>(null);

  return (
    <div className="page">
      <h1 className="page__title">Quarterly returns</h1>
      <p className="page__lede">
        Each partner agency sends the board its figures every quarter. A contributor fills in and submits the
        agency’s return; the business unit checks it and publishes it to the dashboard, or returns it with a
        comment. Only published figures are shown to board members.
      </p>
      {permissions.readAllReturns && !permissions.administer ? (
        <p>
          You can read every agency’s return and see which agencies are behind. Entering, submitting and
          publishing returns stay with the agencies and the business unit’s administrator.
        </p>
      ) : null}
      {opened ? (
        <p className="notice notice--success" role="status">
          {opened}
        </p>
      ) : null}
      {permissions.administer && first && board.data
        ? (() => {
            const { quarters, suggested } = openableQuarters(first.quarters ?? [], board.data);
            return suggested ? (
              <OpenRoundForm
                key={suggested}
                quarters={quarters}
                suggested={suggested}
                today={new Date().toISOString().slice(0, 10)}
                onOpened={(round) =>
                  setOpened(
                    `Opened the ${round.quarter} round: ${round.agencies.length} agencies have a return due by ${formatDate(round.dueDate)}.`,
                  )
                }
              />
            ) : (
              <p className="notice">
                Every quarter of the board’s reporting years has a return round. Add the next reporting year
                in board settings to open a round for it.
              </p>
            );
          })()
        : null}
      {permissions.readAllReturns ? <LateByAgencyPanel /> : null}
      <QueryState
        query={rounds}
        loadingLabel="Loading the return rounds"
        isEmpty={(data) => data.pages[0]?.rounds.length === 0}
        empty={
          permissions.administer
            ? 'No return rounds yet. Open one above for the quarter the agencies should report.'
            : permissions.readAllReturns
              ? 'No return rounds have been opened yet. The business unit opens one each quarter.'
              : 'No return rounds are open for your agency yet. The business unit opens one each quarter.'
        }
      >
        {(data) => {
          const shown = data.pages.flatMap((page) => page.rounds);
          return (
            <>
              {permissions.administer || permissions.readAllReturns ? null : (
                <YourReturns due={data.pages[0]?.due ?? []} />
              )}
              {shown.map((round) => (
                <Panel
                  key={round.id}
                  title={`${round.quarter} returns`}
                  meta={`Due ${formatDate(round.dueDate)}`}
                >
                  <ShowMore items={round.agencies} noun={RETURNS}>
                    {(agencies) => (
                      <RoundTable
                        round={{ ...round, agencies: [...agencies] }}
                        administer={permissions.administer}
                        enterReturn={permissions.enterReturn}
                      />
                    )}
                  </ShowMore>
                </Panel>
              ))}
              {(data.pages[0]?.total ?? 0) > RETURN_ROUNDS_PAGE ? (
                <MoreFooter
                  shown={shown.length}
                  total={data.pages[0]?.total ?? shown.length}
                  noun={ROUNDS}
                  adjective="older"
                  step={RETURN_ROUNDS_PAGE}
                  loading={rounds.isFetchingNextPage}
                  onMore={() => void rounds.fetchNextPage()}
                />
              ) : null}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
