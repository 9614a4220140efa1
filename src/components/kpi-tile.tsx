import { useId } from 'react';
import { Link, type To } from 'react-router';
import type { IndicatorSummaryItem } from '../api/contract';
import { formatValue } from '../lib/format';
import type { IndicatorSummary } from '../lib/indicator-summary';
import { RagBadge } from './rag-badge';
import { Sparkline } from './sparkline';
import { Unbroken } from './unbroken';

const arrows = { up: 'M12 19V5m-6 6 6-6 6 6', down: 'M12 5v14m-6-6 6 6 6-6', flat: 'M5 12h14' } as const;

/**
 * One headline indicator: latest value, its trend over the reporting range in the same words as its
 * chart, target with RAG status, and a small trend line.
 */
export function KpiTile({
  indicator,
  summary,
  to,
  note,
}: {
  indicator: IndicatorSummaryItem;
  summary: IndicatorSummary;
  to?: To;
  /** Where the figure comes from, when that is not the indicator's reported series. */
  note?: string | undefined;
}) {
  const titleId = useId();
  const { latest, change, rag, points } = summary;
  const fmt = (v: number) => formatValue(v, indicator.unit, indicator.decimalPlaces);
  const first = points.find((p) => p.value !== null);
  return (
    <article className="kpi-tile" aria-labelledby={titleId}>
      <h3 id={titleId} className="kpi-tile__title">
        {to ? <Link to={to}>{indicator.title}</Link> : indicator.title}
      </h3>
      {latest?.value != null ? (
        <p className="kpi-tile__value">
          <span className="kpi-tile__number">{fmt(latest.value)}</span>
          <span className="kpi-tile__period">{latest.period.label}</span>
        </p>
      ) : (
        <p className="kpi-tile__value">No figure for this period</p>
      )}
      {/* With no figures in the range, "No figure for this period" has said it already. */}
      {summary.points.length > 0 ? (
        <p className={`kpi-tile__change kpi-tile__change--${change?.judgement ?? 'neutral'}`}>
          {change ? (
            <svg className="kpi-tile__arrow" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d={arrows[change.direction]} />
            </svg>
          ) : null}
          <span>
            <Unbroken text={summary.trendText} />
          </span>
        </p>
      ) : null}
      <div className="kpi-tile__footer">
        <p className="kpi-tile__target">
          {indicator.target ? `Target ${fmt(indicator.target.value)}` : 'No target set'}
        </p>
        <RagBadge status={rag} />
      </div>
      {first?.value != null && latest?.value != null ? (
        <Sparkline
          points={points}
          label={`Trend from ${fmt(first.value)} in ${first.period.label} to ${fmt(latest.value)} in ${latest.period.label}`}
        />
      ) : null}
      {note ? <p className="kpi-tile__note">{note}</p> : null}
      {indicator.illustrative ? <p className="tag">Illustrative data</p> : null}
    </article>
  );
}
