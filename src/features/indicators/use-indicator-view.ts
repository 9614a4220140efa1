import { useSearchParams } from 'react-router';
import type { ComparatorId, FinancialYear, Indicator } from '../../api/contract';
import { yearsCovered } from '../../components/charts/indicator-chart';
import { useSearchParamUpdater } from '../../lib/use-search-param-updater';

/**
 * The indicator page's view lives in the URL so it can be shared: `from` and `to` (financial
 * years) and `hide` (comparators switched off, comma-separated). Values the data cannot show
 * fall back to the defaults: the board's reporting years up to the selected year (see
 * indicatorDefaultRange), the range its overview tile describes.
 */
export function useIndicatorView(
  indicator: Indicator | undefined,
  defaults: { from: FinancialYear | null; to: FinancialYear | null },
) {
  const [params] = useSearchParams();
  const years = indicator ? yearsCovered(indicator) : [];
  const pick = (value: string | null, fallback: FinancialYear | null, edge: FinancialYear | undefined) =>
    value && years.includes(value) ? value : fallback && years.includes(fallback) ? fallback : edge;
  const chosenTo = params.get('to');
  let from = pick(params.get('from'), defaults.from, years[0]) ?? null;
  let to = pick(chosenTo, defaults.to, years.at(-1)) ?? null;
  if (from && to && from > to) [from, to] = [to, from];
  /** True when the user chose where the range ends; otherwise it ends at the reporting year's as-at date. */
  const toIsChosen = chosenTo !== null && years.includes(chosenTo);
  const hidden = new Set((params.get('hide') ?? '').split(',').filter(Boolean));

  const update = useSearchParamUpdater();

  const toggleComparator = (id: ComparatorId) => {
    const next = new Set(hidden);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    update({ hide: [...next].join(',') || null });
  };

  return {
    years,
    from,
    to,
    toIsChosen,
    isShown: (id: ComparatorId) => !hidden.has(id),
    setRange: (range: { from?: FinancialYear; to?: FinancialYear }) => update(range),
    toggleComparator,
  };
}
