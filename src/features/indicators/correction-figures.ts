import type { EesSymbol, Indicator } from '../../api/contract';
import { formatValue, symbolMeanings } from '../../lib/format';

export const symbolLabels: Record<EesSymbol, string> = Object.fromEntries(
  Object.entries(symbolMeanings).map(([symbol, meaning]) => [symbol, `${symbol}: ${meaning}`]),
) as Record<EesSymbol, string>;

/** A published figure as the corrections show it: the value, its mark, or "no figure". */
export function figure(
  indicator: Indicator,
  f: { value: number | null; symbol: EesSymbol | null } | null,
): string {
  if (!f) return 'no figure';
  if (f.value === null) return f.symbol ? symbolLabels[f.symbol] : 'no figure';
  const text = formatValue(f.value, indicator.unit, indicator.decimalPlaces);
  return f.symbol === 'u' ? `${text} (low reliability)` : text;
}
