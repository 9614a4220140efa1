import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { isNotFound } from '../../api/errors';
import type { ListedIndicator } from '../../api/local-indicators';
import { boardQueries, indicatorQueries } from '../../api/queries';
import { ChartFigure } from '../../components/charts/chart-figure';
import { indicatorChart } from '../../components/charts/indicator-chart';
import { Panel } from '../../components/panel';
import { PinButton } from '../../components/pin-button';
import { NotFound } from '../../components/not-found';
import { QueryState } from '../../components/query-state';
import { formatDate, formatValue } from '../../lib/format';
import { frequencyLabels, polarityLabels, themeLabels, unitLabel } from '../../lib/indicator-labels';
import { yearInWords } from '../../lib/periods';
import { useDocumentTitle } from '../../lib/use-document-title';
import { indicatorDefaultRange } from '../../lib/reporting-range';
import { useReportingRange } from '../../lib/use-reporting-range';
import { ChartEvents } from './chart-events';
import { Corrections } from './corrections';
import { useIndicatorView } from './use-indicator-view';

export function IndicatorPage() {
  const { id = '' } = useParams();
  const indicator = useQuery(indicatorQueries.detail(id));
  const { search } = useLocation();
  const yearParam = new URLSearchParams(search).get('year');
  const listLink = { pathname: '/indicators', search: yearParam ? `?year=${yearParam}` : '' };
  if (isNotFound(indicator.error)) {
    return (
      <NotFound
        title="Indicator not found"
        detail={`There is no indicator “${id}”. It may have been removed or renamed, or the link may be incomplete.`}
        link={{ to: listLink, label: 'See every indicator' }}
      />
    );
  }
  return <IndicatorFound id={id} listLink={listLink} />;
}

function IndicatorFound({ id, listLink }: { id: string; listLink: { pathname: string; search: string } }) {
  const indicator = useQuery(indicatorQueries.detail(id));
  useDocumentTitle(indicator.data?.title ?? 'Indicator');
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={listLink}>Indicators</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{indicator.data?.title ?? 'Indicator'}</span>
      </nav>
      <h1 className="page__title">{indicator.data?.title ?? 'Indicator'}</h1>
      <Panel title="Trend">
        <QueryState
          query={indicator}
          loadingLabel="Loading the indicator"
          cannot="Its chart, narrative and figures cannot be shown:"
        >
          {(data) => <IndicatorDetail indicator={data} />}
        </QueryState>
      </Panel>
    </div>
  );
}

function IndicatorDetail({ indicator }: { indicator: ListedIndicator }) {
  const board = useQuery(boardQueries.detail());
  const annotations = useQuery(indicatorQueries.annotations());
  const range = useReportingRange();
  // By default the range its overview tile describes; the URL can choose another. An imported
  // indicator is shown whole by default: the board's reporting years say nothing about the years
  // its file covers.
  const defaults = indicator.importedFrom
    ? { from: null, to: null, asAt: null }
    : range
      ? indicatorDefaultRange(indicator, range)
      : { from: board.data?.reportingYears[0] ?? null, to: null, asAt: null };
  const view = useIndicatorView(indicator, defaults);
  const headingId = useId();
  const fromId = useId();
  const toId = useId();
  const { from, to } = view;
  // An imported EES indicator may describe another local authority than the board's.
  const area = indicator.importedFrom?.area ?? board.data?.area.name ?? 'This board';

  if (!from || !to) {
    return <p className="state state--empty">There are no figures for this indicator yet.</p>;
  }

  const hidden = indicator.comparators.map((c) => c.id).filter((c) => !view.isShown(c));
  const { comparators, comparatorFigures, events, figure } = indicatorChart(indicator, {
    from,
    to,
    asAt: view.toIsChosen ? null : defaults.asAt,
    hidden,
    areaName: area,
    annotations: annotations.data?.annotations ?? [],
    eventsFailed: annotations.isError,
  });

  return (
    <>
      <div className="indicator-controls">
        <fieldset className="range">
          <legend>Period shown</legend>
          <div className="field">
            <label htmlFor={fromId}>From</label>
            <select id={fromId} value={from} onChange={(e) => view.setRange({ from: e.target.value })}>
              {view.years
                .filter((y) => y <= to)
                .map((y) => (
                  <option key={y} value={y}>
                    {yearInWords(y, indicator.frequency)}
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={toId}>To</label>
            <select id={toId} value={to} onChange={(e) => view.setRange({ to: e.target.value })}>
              {view.years
                .filter((y) => y >= from)
                .map((y) => (
                  <option key={y} value={y}>
                    {yearInWords(y, indicator.frequency)}
                  </option>
                ))}
            </select>
          </div>
        </fieldset>
        {comparators.length > 0 ? (
          <fieldset className="comparators">
            <legend>Compare with</legend>
            {comparators.map((c) => (
              <label key={c.id} className={`checkbox checkbox--series-${c.colorIndex}`}>
                <input
                  type="checkbox"
                  checked={view.isShown(c.id)}
                  onChange={() => view.toggleComparator(c.id)}
                />
                {c.label}
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>

      <ChartFigure
        {...figure}
        height={420}
        pin={
          <PinButton
            item={{ type: 'indicator', indicatorId: indicator.id, from, to, hidden }}
            title={indicator.title}
          />
        }
      />

      {comparatorFigures.length > 0 ? (
        <section className="own-scales" aria-labelledby={headingId}>
          <h3 id={headingId}>{comparatorFigures.map((f) => f.title).join(' and ')}, each on its own scale</h3>
          <p>
            {indicator.unit === 'count' ? 'A count' : 'An amount'} depends on the size of the area, so {area}
            ’s figures are not drawn on the same axis as theirs. Compare the shape of each line.
          </p>
          <div className="own-scales__grid">
            {comparatorFigures.map((f) => (
              <ChartFigure key={f.fileName} {...f} height={220} />
            ))}
          </div>
        </section>
      ) : null}

      {/* An imported indicator is kept in this browser only: events are not added to it. */}
      <ChartEvents
        indicatorId={indicator.id}
        events={events}
        annotations={annotations}
        readOnly={Boolean(indicator.importedFrom)}
      />

      <section className="about" aria-labelledby="about-heading">
        <h3 id="about-heading">About this indicator</h3>
        <dl className="definition-list">
          <dt>Definition</dt>
          <dd>{indicator.definition}</dd>
          <dt>Theme</dt>
          <dd>{themeLabels[indicator.theme]}</dd>
          <dt>Unit</dt>
          <dd>{unitLabel(indicator)}</dd>
          <dt>Which way is better</dt>
          <dd>{polarityLabels[indicator.polarity]}</dd>
          <dt>Frequency</dt>
          <dd>{frequencyLabels[indicator.frequency]}</dd>
          <dt>Target</dt>
          <dd>
            {indicator.target
              ? `${formatValue(indicator.target.value, indicator.unit, indicator.decimalPlaces)}${indicator.target.description ? ` (${indicator.target.description})` : ''}`
              : 'No target set'}
          </dd>
          <dt>Source</dt>
          <dd>
            {indicator.source.url ? (
              <a href={indicator.source.url} rel="noreferrer" target="_blank">
                {indicator.source.name}
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            ) : (
              indicator.source.name
            )}
            , {indicator.source.publisher}
            {indicator.source.licence ? `. ${indicator.source.licence}` : ''}
          </dd>
          <dt>Data</dt>
          <dd>
            {indicator.importedFrom
              ? `Imported from ${indicator.importedFrom.fileName} on ${formatDate(indicator.importedFrom.importedAt.slice(0, 10))}; kept only in this browser`
              : indicator.illustrative
                ? 'Illustrative: invented for the demonstration'
                : 'Published figures'}
          </dd>
        </dl>
      </section>
      {indicator.importedFrom ? null : <Corrections indicator={indicator} />}
    </>
  );
}
