import { useQuery } from '@tanstack/react-query';
import { Suspense, useId } from 'react';
import { useSearchParams } from 'react-router';
import { asAtYearFor } from '../../api/local-indicators';
import { indicatorQueries } from '../../api/queries';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { summariseIndicator } from '../../lib/indicator-summary';
import { themeLabels, themeOrder } from '../../lib/indicator-labels';
import { ragLabels, type RagStatus } from '../../lib/rag';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSearchParamUpdater } from '../../lib/use-search-param-updater';
import { useReportingYear } from '../../lib/use-reporting-year';
import { useReportingRange } from '../../lib/use-reporting-range';
import { formatDate } from '../../lib/format';
import { yearLabel } from '../../lib/reporting-range';
import { IndicatorTable } from './indicator-table';
import { useWording } from '../../lib/use-wording';

const RAG_FILTERS = ['red', 'amber', 'green', 'none'] as const satisfies readonly RagStatus[];
const isRag = (value: string | null): value is RagStatus => RAG_FILTERS.some((r) => r === value);

export function IndicatorsPage() {
  useDocumentTitle('Indicators');
  const { year } = useReportingYear();
  const range = useReportingRange();
  const [params] = useSearchParams();
  const searchId = useId();
  const statusId = useId();
  const query = params.get('q') ?? '';
  const ragParam = params.get('rag');
  const rag = isRag(ragParam) ? ragParam : null;
  const list = useQuery(indicatorQueries.summaries());
  const wording = useWording();

  // Filters live in the URL, so a filtered list can be shared; typing replaces history entries.
  const updateParams = useSearchParamUpdater();
  const setFilter = (name: 'q' | 'rag', value: string) => updateParams({ [name]: value });

  const clearFilters = () => updateParams({ q: null, rag: null });

  return (
    <div className="page">
      <h1 className="page__title">
        Indicators{year ? <span className="page__period"> {yearLabel(year, range, 'short')}</span> : null}
      </h1>
      <p className="page__lede">
        Every measure {wording.the} tracks
        {range ? (
          <>
            , from <span className="nowrap">{range.from}</span> up to {formatDate(range.asAt)}
          </>
        ) : null}
        . Open one to see its trend, target and how it compares with England, the region and similar areas.
        Imported indicators show the latest figure in their file.
      </p>
      <form
        className="filters"
        role="search"
        aria-label="Filter indicators"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor={searchId}>Search indicators</label>
          <input id={searchId} type="search" value={query} onChange={(e) => setFilter('q', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={statusId}>Status</label>
          <select id={statusId} value={rag ?? ''} onChange={(e) => setFilter('rag', e.target.value)}>
            <option value="">All statuses</option>
            {RAG_FILTERS.map((r) => (
              <option key={r} value={r}>
                {ragLabels[r]}
              </option>
            ))}
          </select>
        </div>
      </form>
      <Panel title="All indicators">
        <QueryState
          query={list}
          loadingLabel="Loading indicators"
          items={['indicator', 'indicators']}
          isEmpty={(data) => data.indicators.length === 0}
          empty={`${wording.The} has no indicators yet.`}
        >
          {({ indicators }) => {
            const words = query.toLowerCase().split(/\s+/).filter(Boolean);
            // Each row's figures are worked out by its group (below), in the group's own pass;
            // here only when the list is filtered by status.
            const rows = indicators.filter((indicator) => {
              const text = `${indicator.title} ${indicator.shortTitle} ${indicator.definition}`.toLowerCase();
              return (
                words.every((w) => text.includes(w)) &&
                (rag === null || summariseIndicator(indicator, asAtYearFor(indicator, range)).rag === rag)
              );
            });
            return (
              <>
                <p className="filters__count" aria-live="polite">
                  Showing {rows.length} of {indicators.length} indicators
                </p>
                {rows.length === 0 ? (
                  <div className="state state--empty">
                    <p>No indicators match these filters.</p>
                    <button type="button" className="button button--secondary" onClick={clearFilters}>
                      Clear filters
                    </button>
                  </div>
                ) : (
                  themeOrder.map((theme) => {
                    const themed = rows.filter((indicator) => indicator.theme === theme);
                    return themed.length === 0 ? null : (
                      <section key={theme} className="indicator-group" data-rows={themed.length}>
                        <h3>{themeLabels[theme]}</h3>
                        {/* A boundary of its own: a page drawn by the data service takes each
                            group over in a pass of its own, after the rest of the page, so a long
                            list does not hold the page in one long task. */}
                        <Suspense>
                          <IndicatorTable
                            caption={`${themeLabels[theme]} indicators`}
                            indicators={themed}
                            range={range}
                          />
                        </Suspense>
                      </section>
                    );
                  })
                )}
              </>
            );
          }}
        </QueryState>
      </Panel>
    </div>
  );
}
