import { useQuery } from '@tanstack/react-query';
import type { Funding, PartnershipLink } from '../../api/contract';
import { partnershipQueries } from '../../api/queries';
import { BarFigure } from '../../components/charts/bar-figure';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { formatDate, formatValue } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useReportingYear } from '../../lib/use-reporting-year';

const money = (n: number) => formatValue(n, 'gbp', 0);

function fundingFigure(funding: Funding, year: string | null) {
  const years = [...new Set(funding.contributions.map((c) => c.year))].sort();
  const shownYear = year && years.includes(year) ? year : (years.at(-1) ?? '');
  const partners = [...new Set(funding.contributions.map((c) => c.partner))];
  const inYear = funding.contributions.filter((c) => c.year === shownYear);
  const total = inYear.reduce((s, c) => s + c.amount, 0);
  const largest = [...inYear].sort((a, b) => b.amount - a.amount)[0];
  const narrative = largest
    ? `In ${shownYear} partners contributed ${money(total)}. ${largest.partner} was the largest contributor, with ${money(largest.amount)} (${Math.round((largest.amount / total) * 100)}%).`
    : 'No contributions are recorded.';
  return {
    title: `Partner contributions to the board’s budget`,
    narrative,
    tableCaption: 'Contributions by partner and financial year, pounds',
    categoryLabel: 'Partner',
    categories: partners,
    series: years.map((y, i) => ({
      id: y,
      label: y,
      values: partners.map(
        (p) => funding.contributions.find((c) => c.partner === p && c.year === y)?.amount ?? null,
      ),
      colorIndex: i % 4,
    })),
    unit: 'gbp' as const,
    decimalPlaces: 0,
    fileName: 'partner-contributions',
    source: 'Board budget (illustrative)',
  };
}

const linkGroups: { kind: PartnershipLink['kind']; title: string }[] = [
  { kind: 'board-network', title: 'Links with other boards' },
  { kind: 'black-country', title: 'Black Country arrangements' },
  { kind: 'engagement', title: 'Children, young people and schools' },
];

export function PartnershipPage() {
  useDocumentTitle('Partnership');
  const { year } = useReportingYear();
  const funding = useQuery(partnershipQueries.funding());
  const links = useQuery(partnershipQueries.links());
  return (
    <div className="page">
      <h1 className="page__title">Partnership</h1>
      <p className="page__lede">
        The board is funded by its partners and works with other boards across the region. Here is who
        contributes, and how the board links with others and with children, young people and schools.
      </p>
      <div className="page-grid">
        <Panel title="Funding" className="page-grid__wide">
          <QueryState
            query={funding}
            loadingLabel="Loading funding"
            isEmpty={(d) => d.contributions.length === 0}
            empty="No contributions are recorded."
          >
            {(data) => <BarFigure {...fundingFigure(data, year)} />}
          </QueryState>
        </Panel>
        <Panel title="Links and engagement" className="page-grid__wide">
          <QueryState
            query={links}
            loadingLabel="Loading partnership links"
            isEmpty={(d) => d.links.length === 0}
            empty="No links are recorded."
          >
            {(data) => (
              <>
                <p className="partnership__headline">
                  <strong>{data.linkedBoardsCount}</strong> other safeguarding boards share information,
                  policies and procedures with this board.
                </p>
                <div className="link-groups">
                  {linkGroups.map((group) => {
                    const items = data.links.filter((l) => l.kind === group.kind);
                    return items.length === 0 ? null : (
                      <section
                        key={group.kind}
                        aria-labelledby={`links-${group.kind}`}
                        className="link-group"
                      >
                        <h3 id={`links-${group.kind}`}>{group.title}</h3>
                        <ul>
                          {items.map((l) => (
                            <li key={l.id}>
                              <strong>{l.title}</strong>
                              {l.since ? (
                                <span className="link-group__since"> (since {formatDate(l.since)})</span>
                              ) : null}
                              <br />
                              {l.description}
                            </li>
                          ))}
                        </ul>
                      </section>
                    );
                  })}
                </div>
              </>
            )}
          </QueryState>
        </Panel>
      </div>
    </div>
  );
}
