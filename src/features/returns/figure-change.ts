import { isLargeChange, type ReturnItem } from '../../api/contract';
import { formatDifference, formatValue } from '../../lib/format';

export interface FigureChange {
  text: string;
  large: boolean;
}

/**
 * How a figure entered compares with the last published one: "up 21 (16%)", and whether the
 * change is large enough to check before submitting.
 */
export function describeFigureChange(item: ReturnItem, value: number | null): FigureChange | null {
  const last = item.previous?.value;
  if (value === null || last === null || last === undefined) return null;
  const difference = value - last;
  if (difference === 0) return { text: 'no change', large: false };
  const size = formatDifference(difference, item.unit, item.decimalPlaces);
  const ratio = last === 0 ? Infinity : Math.abs(difference) / Math.abs(last);
  const percent = Number.isFinite(ratio) ? ` (${Math.round(ratio * 100)}%)` : '';
  return { text: `${difference > 0 ? 'up' : 'down'} ${size}${percent}`, large: isLargeChange(last, value) };
}

export function figureText(
  figure: { value: number | null; symbol: string | null } | null,
  item: Pick<ReturnItem, 'unit' | 'decimalPlaces'>,
): string {
  if (!figure) return 'none';
  if (figure.value === null) return figure.symbol ?? 'none';
  const text = formatValue(figure.value, item.unit, item.decimalPlaces);
  return figure.symbol === 'u' ? `${text} (u: low reliability)` : text;
}
