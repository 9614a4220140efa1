import { useQuery } from '@tanstack/react-query';
import { partnershipQueries } from '../../api/queries';
import { BarFigure } from '../../components/charts/bar-figure';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { IllustrativeNote } from '../../components/illustrative-note';
import { PinButton } from '../../components/pin-button';
import { boardSpendingFigure, partnerFundingFigure } from '../../lib/board-charts';
import { useIllustrative } from '../../lib/use-illustrative';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useReportingYear } from '../../lib/use-reporting-year';
import { useWording } from '../../lib/use-wording';
import { FundingEditor } from './funding-table-form';
import { PartnershipLinks } from './partnership-links';
import { SpendingEditor } from './spending-table-form';

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
        <Panel title="Spending" className="page-grid__wide">
          <QueryState query={funding} loadingLabel="Loading spending">
            {(data) =>
              data.spending.length === 0 ? (
                <p className="state state--empty">
                  No spending is recorded. {words.Theirs} spending, line by line, is set here against its
                  partners’ contributions.
                </p>
              ) : (
                <BarFigure {...boardSpendingFigure(data, year, illustrative, words)} />
              )
            }
          </QueryState>
          {year && funding.data ? <SpendingEditor year={year} funding={funding.data} /> : null}
        </Panel>
        <Panel title="Links and engagement" className="page-grid__wide">
          <QueryState query={links} loadingLabel="Loading partnership links">
            {(data) => (
              <>
                <IllustrativeNote>
                  The dates and descriptions of these links are invented for the demonstration.
                </IllustrativeNote>
                <PartnershipLinks partnership={data} />
              </>
            )}
          </QueryState>
        </Panel>
      </div>
    </div>
  );
}
