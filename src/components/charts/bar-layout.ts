import type { Unit } from '../../api/contract';
import { fitText, type Measure } from './chart-text';
import { formatAxisValue, niceStep } from './trend-layout';

export interface BarLayoutInput {
  width: number;
  /** The most height the chart may take (a slide); bars get thinner to fit, down to a floor. */
  maxHeight?: number | undefined;
  fontSize: number;
  categories: readonly string[];
  series: readonly { id: string; label: string; values: readonly (number | null)[] }[];
  unit: Unit;
  decimalPlaces: number;
  max?: number | undefined;
  formatValue: (value: number) => string;
  measure: Measure;
}

export interface BarRow {
  category: string;
  /** The category's name, in one or two lines. */
  lines: string[];
  /** Top of the row's name. */
  labelY: number;
  bars: { seriesIndex: number; y: number; value: number | null; width: number; text: string }[];
}

export interface BarLayout {
  width: number;
  height: number;
  fontSize: number;
  lineHeight: number;
  /** Names to the left of the bars, or above them on a narrow screen. */
  labelsAbove: boolean;
  labelWidth: number;
  plot: { x: number; y: number; width: number; height: number };
  barThickness: number;
  domainMax: number;
  ticks: { value: number; x: number; text: string }[];
  rows: BarRow[];
  key: { seriesIndex: number; label: string; x: number; y: number }[];
  keyHeight: number;
}

/**
 * A horizontal bar chart laid out for its width and type size: category names in at most two
 * lines (beside the bars, or above them when beside would squeeze the bars), bars from zero with
 * their values written at their ends, a zero drawn as a visible stub, an axis that stops at a
 * round number just past the largest value, and a key when there is more than one series.
 */
export function layoutBars(input: BarLayoutInput): BarLayout {
  const { width, fontSize, categories, series, unit, measure } = input;
  const lineHeight = Math.round(fontSize * 1.25);
  const gap = Math.round(fontSize * 0.5);

  // Key, across the top, wrapping.
  const swatch = Math.round(fontSize * 1.1);
  const key: BarLayout['key'] = [];
  let keyHeight = 0;
  if (series.length > 1) {
    let kx = 0;
    let ky = 0;
    series.forEach((s, i) => {
      const w = swatch + 6 + measure(s.label, fontSize) + fontSize;
      if (kx > 0 && kx + w > width) {
        kx = 0;
        ky += lineHeight + 4;
      }
      key.push({ seriesIndex: i, label: s.label, x: kx, y: ky });
      kx += w;
    });
    keyHeight = ky + lineHeight + gap;
  }

  // Category names: beside the bars in up to 40% of the width, or above them.
  const longest = Math.max(0, ...categories.map((c) => measure(c, fontSize)));
  const besideWidth = Math.min(longest, width * 0.4);
  const beside = categories.map((c) => fitText(c, besideWidth, width * 0.4, 2, fontSize, measure));
  const labelsAbove = beside.some((f) => !f.fits) || width < fontSize * 26;
  const labelLines = labelsAbove
    ? categories.map((c) => fitText(c, width, width, 2, fontSize, measure).lines)
    : beside.map((f) => f.lines);
  const labelWidth = labelsAbove ? 0 : Math.ceil(Math.max(0, ...beside.map((f) => f.width)));

  // Values and axis.
  const values = series.flatMap((s) => s.values.flatMap((v) => (v === null ? [] : [v])));
  const largest = Math.max(0, ...values);
  const integers = unit !== 'percent' && input.decimalPlaces === 0;
  const texts = series.map((s) => s.values.map((v) => (v === null ? 'No figure' : input.formatValue(v))));
  const valueWidth = Math.max(0, ...texts.flat().map((t) => measure(t, fontSize)));
  // The axis's first and last tick labels are centred on the plot's edges: leave room for halves.
  const tickHalf = measure(formatAxisValue(input.max ?? Math.max(largest, 1) * 10, unit), fontSize) / 2;
  const zeroHalf = measure(formatAxisValue(0, unit), fontSize) / 2;
  const plotX = Math.ceil(Math.max(labelsAbove ? 0 : labelWidth + gap, zeroHalf + 2));
  const plotWidth = Math.max(fontSize * 4, width - plotX - Math.max(valueWidth + gap * 2, tickHalf + 2));
  const tickTarget = Math.max(2, Math.min(6, Math.floor(plotWidth / (fontSize * 5))));
  let domainMax: number;
  let step: number;
  if (input.max !== undefined) {
    domainMax = input.max;
    step = niceStep(domainMax / tickTarget, integers);
  } else {
    step = niceStep(Math.max(largest, integers ? 1 : 0.1) / tickTarget, integers);
    domainMax = Math.max(step, Math.ceil(largest / step) * step);
  }
  const scale = (v: number) => (Math.max(0, v) / domainMax) * plotWidth;
  const ticks: BarLayout['ticks'] = [];
  for (let v = 0; v <= domainMax + step / 1e6; v += step) {
    const value = Math.round(v * 1e6) / 1e6;
    ticks.push({ value, x: plotX + scale(value), text: formatAxisValue(value, unit) });
  }

  // Rows: as thick as the space allows, between a floor and a ceiling.
  const barsPerRow = series.length;
  const labelBlock = (i: number) => labelLines[i]!.length * lineHeight;
  const axisHeight = Math.round(fontSize * 1.4 + 8);
  // On a slide (a height to fill) bars may be thicker, so the chart uses the screen.
  const ceiling = Math.round(fontSize * (input.maxHeight ? 2.6 : 1.5));
  const floor = Math.max(8, Math.round(fontSize * 0.7));
  const overhead = (thickness: number) =>
    categories.reduce((sum, _c, i) => {
      const bars = barsPerRow * thickness + (barsPerRow - 1) * 2;
      return sum + (labelsAbove ? labelBlock(i) + 4 + bars : Math.max(labelBlock(i), bars)) + gap * 1.5;
    }, 0) +
    keyHeight +
    fontSize * 0.3 +
    axisHeight;
  let thickness = ceiling;
  if (input.maxHeight) {
    while (thickness > floor && overhead(thickness) > input.maxHeight) thickness -= 1;
  }

  const rows: BarRow[] = [];
  const plotTop = keyHeight + Math.round(fontSize * 0.3);
  let y = plotTop;
  categories.forEach((category, i) => {
    const bars = barsPerRow * thickness + (barsPerRow - 1) * 2;
    const labelY = y;
    const barsTop = labelsAbove ? y + labelBlock(i) + 4 : y + Math.max(0, (labelBlock(i) - bars) / 2);
    const rowHeight = labelsAbove ? labelBlock(i) + 4 + bars : Math.max(labelBlock(i), bars);
    rows.push({
      category,
      lines: labelLines[i]!,
      labelY: labelsAbove ? labelY : y + Math.max(0, (rowHeight - labelBlock(i)) / 2),
      bars: series.map((s, k) => ({
        seriesIndex: k,
        y: barsTop + k * (thickness + 2),
        value: s.values[i] ?? null,
        width: s.values[i] == null ? 0 : scale(s.values[i]!),
        text: texts[k]![i]!,
      })),
    });
    y += rowHeight + gap * 1.5;
  });
  const plotHeight = y - plotTop;
  return {
    width,
    height: Math.ceil(y + axisHeight),
    fontSize,
    lineHeight,
    labelsAbove,
    labelWidth,
    plot: { x: plotX, y: plotTop, width: plotWidth, height: plotHeight },
    barThickness: thickness,
    domainMax,
    ticks,
    rows,
    key,
    keyHeight,
  };
}
