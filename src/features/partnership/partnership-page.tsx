import { useQuery } from '@tanstack/react-query';
import type { PartnershipLink } from '../../api/contract';
import { partnershipQueries } from '../../api/queries';
import { BarFigure } from '../../components/charts/bar-figure';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { IllustrativeNote } from '../../components/illustrative-note';
import { PinButton } from '../../components/pin-button';
import { partnerFundingFigure } from '../../lib/board-charts';
import { formatDate } from '../../lib/format';
import { useIllustrative } from '../../lib/use-illustrative';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useReportingYear } from '../../lib/use-reporting-year';
import { useWording } from '../../lib/use-wording';
import { FundingEditor } from './funding-table-form';
import type { Wording } from '../../lib/wording';

const linkGroups: { kind: PartnershipLink['kind']; title: (words: Wording) => string }[] = [
  { kind: 'board-network', title: (words) => `Links with other ${words.noun}s` },
  { kind: 'black-country', title: () => 'Black Country arrangements' },
  { kind: 'engagement', title: () => 'Children, young people and schools' },
];

export function PartnershipPage() {
  useDocumentTitle('Partnership');
  const { year } = useReportingYear();
  const funding = useQuery(partnershipQueries.funding());
  const links = useQuery(partnershipQueries.links());
  const illustrative = useIllustrative();
  const words = useWording();
  return (
    <div className="page">
      <h1 className="page__title">Partnership</h1>
      <p className="page__lede">
        {words.The} is funded by its partners and works with other {words.noun}s across the region. Here is
        who contributes, and how {words.the} links with others and with children, young people and schools.
      </p>
      <div className="page-grid">
        <Panel title="Funding" className="page-grid__wide">
          <QueryState
            query={funding}
            loadingLabel="Loading funding"
            isEmpty={(d) => d.contributions.length === 0}
            empty="No contributions are recorded."
          >
            {(data) => {
              const figure = partnerFundingFigure(data, year, illustrative, words);
              const shown = figure.series[0]?.id;
              return (
                <BarFigure
                  {...figure}
                  pin={
                    shown ? (
                      <PinButton item={{ type: 'partner-funding', year: shown }} title={figure.title} />
                    ) : null
                  }
                />
              );
            }}
          </QueryState>
          {year && funding.data ? <FundingEditor year={year} funding={funding.data} /> : null}
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
                <IllustrativeNote>
                  The dates and descriptions of these links are invented for the demonstration.
                </IllustrativeNote>
                <p className="partnership__headline">
                  <strong>{data.linkedBoardsCount}</strong> other safeguarding {words.noun}s share
                  information, policies and procedures with this {words.noun}.
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
                        <h3 id={`links-${group.kind}`}>{group.title(words)}</h3>
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
