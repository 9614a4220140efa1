import type { Unit } from '../../api/contract';
import { formatValueShort } from '../../lib/format';
import type { ChartMarker, ChartSeries } from './chart-types';
import { fitText, wrapText, type Measure } from './chart-text';

/** Past this many series, lines are told apart by a legend instead of labels at their ends. */
export const MAX_DIRECT_LABELS = 5;

export interface EndLabel {
  seriesId: string;
  /** A series' colour, or 'target' for the target's label. */
  colorIndex: number | 'target';
  /** The name (wrapped), then the latest value. */
  lines: string[];
  /** Which lines are bold: the board's own series. */
  bold: boolean;
  /** The series' last point with a value: where the label points. */
  x: number;
  value: number;
}

export interface EventLabel {
  id: string;
  number: number;
  month: number;
  lines: string[];
  width: number;
  row: number;
  anchor: 'start' | 'end';
}

/** One entry of the legend below the x axis (past five lines): the line's swatch and its name. */
export interface LegendItem {
  seriesId: string;
  colorIndex: number;
  /** The name, wrapped to the chart's width. */
  lines: string[];
  /** Left of the swatch, and the top of the entry. */
  x: number;
  y: number;
}

/** The legend's swatch: a stretch of the line, long enough to show its dash. */
export const LEGEND_SWATCH = 28;

export interface TrendLayout {
  width: number;
  height: number;
  fontSize: number;
  lineHeight: number;
  margin: { top: number; right: number; bottom: number; left: number };
  yAxisWidth: number;
  xAxisHeight: number;
  /** Space the x axis leaves at each end, so end points and their labels are not on the edge. */
  xPadding: number;
  plot: { x: number; y: number; width: number; height: number };
  yDomain: [number, number];
  yTicks: number[];
  /** False when a percentage axis starts above zero (and says so in its caption). */
  zeroBased: boolean;
  /** What the value axis measures (and where it starts, if not at zero), wrapped to the width. */
  axisCaption: string[];
  xDomain: [number, number];
  xTicks: number[];
  endLabels: EndLabel[];
  labelColumn: number;
  legend: boolean;
  /** Past five lines: the legend, in rows below the x axis. */
  legendItems: LegendItem[];
  events: EventLabel[];
  /** Events too crowded to name on the chart are numbered only; the list below names them. */
  eventsNumberedOnly: boolean;
  eventRowHeight: number;
  /** Top of the first row of event labels. */
  eventTop: number;
}

const unitCaption: Record<Unit, string> = {
  count: 'Number',
  percent: 'Per cent',
  'rate-per-10000': 'Rate per 10,000 children',
  gbp: 'Pounds',
};

/** 1, 2 or 5 times a power of ten: steps people read easily (20, 25, 30; never 17.5). */
export function niceStep(rough: number, integers: boolean): number {
  if (!(rough > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  return integers ? Math.max(1, Math.ceil(step)) : step;
}

/**
 * The value axis. Counts, rates and money start at zero. A percentage whose figures sit in a narrow
 * band (spread no more than half the largest) may start above zero, as the ONS guidance allows for
 * line charts, so the movement is visible; the caption then says where it starts.
 */
export function valueAxis(
  values: readonly number[],
  unit: Unit,
  decimalPlaces: number,
  tickCount: number,
): { domain: [number, number]; ticks: number[]; zeroBased: boolean } {
  const max = values.length ? Math.max(...values) : 1;
  const min = values.length ? Math.min(...values) : 0;
  const integers = unit !== 'percent' && decimalPlaces === 0;
  const narrow = unit === 'percent' && min > 0 && max - min <= max * 0.5;
  if (!narrow) {
    const top = Math.max(max, integers ? 1 : 0.1);
    const step = niceStep(top / Math.max(1, tickCount - 1), integers);
    const hi = Math.ceil(top / step) * step;
    return { domain: [0, hi], ticks: range(0, hi, step), zeroBased: true };
  }
  let step = niceStep((max - min) / Math.max(1, tickCount - 2), false);
  let lo = Math.floor(min / step) * step;
  if (lo === min) lo -= step;
  let hi = Math.ceil(max / step) * step;
  if (hi === max) hi += step;
  // Too many gridlines: double the step.
  while ((hi - lo) / step > tickCount + 1) {
    step *= 2;
    lo = Math.floor(min / step) * step;
    hi = Math.ceil(max / step) * step;
  }
  lo = Math.max(0, lo);
  return { domain: [lo, hi], ticks: range(lo, hi, step), zeroBased: lo === 0 };
}

function range(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let v = lo; v <= hi + step / 1e6; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/** A tick label on the value axis: short units, thousands as "k" for money. */
export function formatAxisValue(value: number, unit: Unit): string {
  if (unit === 'gbp' && Math.abs(value) >= 1000) return `£${formatValueShort(value / 1000, 'count', 0)}k`;
  const places = Number.isInteger(value) ? 0 : Math.min(2, String(value).split('.')[1]?.length ?? 0);
  return formatValueShort(value, unit, places);
}

/** Drops the part of a comparator's name in brackets for its line label: "Statistical neighbours". */
export function shortSeriesName(label: string): string {
  return label.replace(/\s*\([^)]*\)\s*$/, '') || label;
}

export interface TrendLayoutInput {
  width: number;
  height: number;
  fontSize: number;
  series: readonly ChartSeries[];
  unit: Unit;
  decimalPlaces: number;
  target?: number | null | undefined;
  markers?: readonly ChartMarker[];
  /** Labels for the x values (periods), by month index. */
  xLabel: (x: number) => string;
  /** Every x value with a row of data, in order. */
  xs: readonly number[];
  formatValue: (value: number) => string;
  /** The target's label, "Target 22.0%", drawn with the lines' labels. */
  targetText?: string;
  measure: Measure;
}

/**
 * Everything about a trend chart that depends on its size and type size, worked out before it is
 * drawn: margins that fit the labels, the axes and their ticks, the labels at the lines' ends and
 * the event labels above the plot. Pure, so it is tested without a browser.
 */
export function layoutTrend(input: TrendLayoutInput): TrendLayout {
  const { width, fontSize, series, unit, decimalPlaces, target, markers = [], xs, xLabel, measure } = input;
  const lineHeight = Math.round(fontSize * 1.25);
  const gap = Math.round(fontSize * 0.6);
  const legend = series.length > MAX_DIRECT_LABELS;

  // End labels: the series' name (two lines at most) and its latest value.
  const single = series.length === 1;
  const maxColumn = Math.max(fontSize * 5, Math.min(fontSize * 12, width * 0.3));
  const endLabels: EndLabel[] = legend
    ? []
    : series.flatMap((s) => {
        const last = [...s.points].reverse().find((p) => p.value !== null);
        if (!last || last.value === null) return [];
        const value = input.formatValue(last.value);
        const name = single
          ? []
          : fitText(shortSeriesName(s.label), maxColumn, maxColumn, 2, fontSize, measure, s.colorIndex === 0)
              .lines;
        return [
          {
            seriesId: s.id,
            colorIndex: s.colorIndex,
            lines: [...name, value],
            bold: s.colorIndex === 0,
            x: last.period.endMonth,
            value: last.value,
          },
        ];
      });
  if (target != null && input.targetText && !legend) {
    endLabels.push({
      seriesId: 'target',
      colorIndex: 'target',
      lines: fitText(input.targetText, maxColumn, maxColumn, 2, fontSize, measure, true).lines,
      bold: true,
      x: xs.at(-1) ?? 0,
      value: target,
    });
  }
  const labelColumn = Math.max(
    0,
    ...endLabels.flatMap((l) => l.lines.map((line) => measure(line, fontSize, l.bold))),
  );

  // X axis: every tick label fits beside its neighbours; the latest period is always labelled.
  const xAxisHeight = Math.round(fontSize * 1.4 + 8);
  const xPadding = Math.round(fontSize * 0.8);
  const tickWidths = xs.map((x) => measure(xLabel(x), fontSize));
  const widestTick = Math.max(0, ...tickWidths);
  const firstTickHalf = (tickWidths[0] ?? 0) / 2;
  const lastTickHalf = (tickWidths.at(-1) ?? 0) / 2;

  // Value axis: its width fits its longest tick label.
  const values = series.flatMap((s) => s.points.flatMap((p) => (p.value === null ? [] : [p.value])));
  if (target != null) values.push(target);
  const roughPlotHeight = Math.max(fontSize * 6, input.height - xAxisHeight - fontSize * 3);
  const tickCount = Math.max(3, Math.min(8, Math.floor(roughPlotHeight / (fontSize * 2.6))));
  const axis = valueAxis(values, unit, decimalPlaces, tickCount);
  const yAxisWidth =
    Math.max(...axis.ticks.map((t) => measure(formatAxisValue(t, unit), fontSize))) +
    Math.round(fontSize * 0.7);

  const left = Math.max(4, Math.ceil(firstTickHalf - xPadding - yAxisWidth + 4));
  const right = Math.ceil(Math.max(labelColumn ? labelColumn + gap * 2 : gap, lastTickHalf - xPadding + 4));
  const plotX = left + yAxisWidth;
  const plotWidth = Math.max(fontSize * 4, width - plotX - right);

  const xMin = xs.length ? xs[0]! : 0;
  const xMax = xs.length ? xs.at(-1)! : 1;
  const xDomain: [number, number] = xMin === xMax ? [xMin - 1, xMax + 1] : [xMin, xMax];
  const xToPx = (x: number) =>
    plotX + xPadding + ((x - xDomain[0]) / (xDomain[1] - xDomain[0])) * (plotWidth - 2 * xPadding);

  const xTicks = chooseTicks(xs, tickWidths, xToPx, widestTick, gap);

  // Event labels in rows above the plot; numbered only when three rows cannot hold their names.
  const shownMarkers = markers.filter((m) => m.month >= xDomain[0] && m.month <= xDomain[1]);
  let events = placeEvents(shownMarkers, xToPx, plotX, width, fontSize, measure, false);
  let numberedOnly = false;
  if (events.some((e) => e.row > 2)) {
    numberedOnly = true;
    events = placeEvents(shownMarkers, xToPx, plotX, width, fontSize, measure, true);
  }
  const rows = events.length ? Math.max(...events.map((e) => e.row)) + 1 : 0;
  const eventRowHeight = Math.round(
    numberedOnly ? fontSize * 1.45 + fontSize * 0.3 : lineHeight * 2 + fontSize * 0.4,
  );
  const caption = wrapText(
    `${unitCaption[unit]}${axis.zeroBased ? '' : `: the axis starts at ${formatAxisValue(axis.domain[0], unit)}, not zero`}`,
    width - 4,
    fontSize,
    measure,
  );
  const captionHeight = caption.length * lineHeight + 4;
  const eventTop = captionHeight + 2;
  const top = eventTop + rows * eventRowHeight + Math.round(fontSize * 0.6);
  const legendRows = legend ? placeLegend(series, width, fontSize, lineHeight, measure) : [];
  const legendHeight = legendRows.length
    ? Math.max(...legendRows.map((item) => item.y + item.lines.length * lineHeight)) + gap
    : 0;
  const bottom = 4 + legendHeight;
  const minPlot = fontSize * 7;
  const height = Math.max(input.height, top + bottom + xAxisHeight + minPlot);
  const legendTop = height - legendHeight + gap;
  const legendItems = legendRows.map((item) => ({ ...item, y: item.y + legendTop }));

  return {
    width,
    height,
    fontSize,
    lineHeight,
    margin: { top, right, bottom, left },
    yAxisWidth,
    xAxisHeight,
    xPadding,
    plot: { x: plotX, y: top, width: plotWidth, height: height - top - bottom - xAxisHeight },
    yDomain: axis.domain,
    yTicks: axis.ticks,
    zeroBased: axis.zeroBased,
    axisCaption: caption,
    xDomain,
    xTicks,
    endLabels,
    labelColumn,
    legend,
    legendItems,
    events,
    eventsNumberedOnly: numberedOnly,
    eventRowHeight,
    eventTop,
  };
}

/** Ticks counted back from the latest period, as many as fit without touching. */
function chooseTicks(
  xs: readonly number[],
  widths: readonly number[],
  toPx: (x: number) => number,
  widest: number,
  gap: number,
): number[] {
  if (xs.length === 0) return [];
  for (let step = 1; step <= xs.length; step++) {
    const picked: number[] = [];
    for (let i = xs.length - 1; i >= 0; i -= step) picked.unshift(i);
    let fits = true;
    for (let k = 1; k < picked.length; k++) {
      const a = picked[k - 1]!;
      const b = picked[k]!;
      const space = toPx(xs[b]!) - toPx(xs[a]!);
      if (space < (widths[a]! + widths[b]!) / 2 + gap) fits = false;
    }
    if (fits) return picked.map((i) => xs[i]!);
  }
  void widest;
  return [xs.at(-1)!];
}

function placeEvents(
  markers: readonly ChartMarker[],
  toPx: (x: number) => number,
  plotX: number,
  width: number,
  fontSize: number,
  measure: Measure,
  numberedOnly: boolean,
): EventLabel[] {
  const rows: [number, number][][] = [];
  const badge = Math.round(fontSize * 1.45);
  const maxText = Math.max(fontSize * 6, Math.min(fontSize * 11, (width - plotX) * 0.45));
  return [...markers]
    .sort((a, b) => a.month - b.month)
    .map((m) => {
      const x = toPx(m.month);
      const fitted = numberedOnly
        ? { lines: [], width: 0 }
        : fitText(m.label, maxText * 0.6, maxText, 2, fontSize, measure);
      const w = badge + (fitted.lines.length ? Math.round(fontSize * 0.3) + fitted.width : 0);
      const anchor: 'start' | 'end' = x + w + 4 <= width ? 'start' : 'end';
      const x0 = anchor === 'start' ? x - 1 : x - w - 1;
      const x1 = x0 + w + 2;
      let row = rows.findIndex((spans) =>
        spans.every(([a, b]) => x1 + fontSize * 0.5 <= a || x0 >= b + fontSize * 0.5),
      );
      if (row < 0) {
        rows.push([]);
        row = rows.length - 1;
      }
      rows[row]!.push([x0, x1]);
      return { id: m.id, number: m.number ?? 0, month: m.month, lines: fitted.lines, width: w, row, anchor };
    });
}

/**
 * Spreads labels apart vertically so none overlaps another, keeping each as near its line's end as
 * it can and all of them between `min` and `max`. Returns each label's top, in the order given.
 */
export function spreadLabels(
  items: readonly { centre: number; height: number }[],
  min: number,
  max: number,
): number[] {
  const order = items.map((item, i) => ({ ...item, i })).sort((a, b) => a.centre - b.centre);
  const tops = order.map((item) => item.centre - item.height / 2);
  for (let k = 0; k < order.length; k++) {
    tops[k] = Math.max(tops[k]!, k === 0 ? min : tops[k - 1]! + order[k - 1]!.height);
  }
  // Pushed past the bottom: move them back up, keeping them apart.
  for (let k = order.length - 1; k >= 0; k--) {
    const limit = k === order.length - 1 ? max - order[k]!.height : tops[k + 1]! - order[k]!.height;
    tops[k] = Math.max(min, Math.min(tops[k]!, limit));
  }
  const result = new Array<number>(items.length);
  order.forEach((item, k) => (result[item.i] = tops[k]!));
  return result;
}

/**
 * The legend's entries, in rows as wide as the chart (relative to the legend's top): each a swatch
 * and the series' full name, wrapped to two lines at most where a row cannot hold it.
 */
function placeLegend(
  series: readonly ChartSeries[],
  width: number,
  fontSize: number,
  lineHeight: number,
  measure: Measure,
): LegendItem[] {
  const gap = Math.round(fontSize * 0.4);
  const spacing = Math.round(fontSize * 1.2);
  const room = Math.max(fontSize * 4, width - 4 - LEGEND_SWATCH - gap);
  const items: LegendItem[] = [];
  let x = 2;
  let y = 0;
  let rowHeight = 0;
  for (const s of [...series].sort((a, b) => a.colorIndex - b.colorIndex)) {
    const { lines, width: textWidth } = fitText(
      s.label,
      room,
      room,
      2,
      fontSize,
      measure,
      s.colorIndex === 0,
    );
    const itemWidth = LEGEND_SWATCH + gap + textWidth;
    if (x > 2 && x + itemWidth > width - 2) {
      x = 2;
      y += rowHeight;
      rowHeight = 0;
    }
    items.push({ seriesId: s.id, colorIndex: s.colorIndex, lines, x, y });
    x += itemWidth + spacing;
    rowHeight = Math.max(rowHeight, lines.length * lineHeight);
  }
  return items;
}
