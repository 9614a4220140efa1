import { describe, expect, it } from 'vitest';
import { estimateText } from '../../lib/text-measure';
import { toPoints } from '../../lib/series';
import { layoutBars } from './bar-layout';
import type { ChartSeries } from './chart-types';
import { layoutTrend, spreadLabels, valueAxis } from './trend-layout';

const annual = (first: number, values: number[]) =>
  toPoints(
    values.map((value, i) => ({
      period: `${first + i}-${String((first + i + 1) % 100).padStart(2, '0')}`,
      value,
    })),
    'annual',
  );

const rereferrals: ChartSeries[] = [
  { id: 'own', label: 'Wolverhampton', points: annual(2015, [20.7, 24.3, 24.8]), colorIndex: 0 },
  { id: 'england', label: 'England', points: annual(2015, [22.5, 21.9, 21.9]), colorIndex: 1 },
  { id: 'region', label: 'West Midlands', points: annual(2015, [20.9, 23.4, 24.8]), colorIndex: 2 },
  {
    id: 'sn',
    label: 'Statistical neighbours (average of 10)',
    points: annual(2015, [21.8, 23.0, 22.9]),
    colorIndex: 3,
  },
];

function trend(width: number, fontSize: number, series = rereferrals, target: number | null = 22) {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.period.endMonth)))].sort(
    (a, b) => a - b,
  );
  const labels = new Map(
    series.flatMap((s) => s.points.map((p) => [p.period.endMonth, p.period.label] as const)),
  );
  return layoutTrend({
    width,
    height: 360,
    fontSize,
    series,
    unit: 'percent',
    decimalPlaces: 1,
    target,
    markers: [{ id: 'ofsted', month: 2016 * 12 + 5, label: 'Ofsted review published', number: 1 }],
    xs,
    xLabel: (x) => labels.get(x) ?? '',
    formatValue: (v) => `${v.toFixed(1)}%`,
    targetText: target === null ? '' : `Target ${target.toFixed(1)}%`,
    measure: estimateText,
  });
}

describe('value axis', () => {
  it('lets a percentage in a narrow band start above zero, and says so', () => {
    const axis = valueAxis([20.7, 24.8, 21.9, 22], 'percent', 1, 6);
    expect(axis.zeroBased).toBe(false);
    expect(axis.domain[0]).toBeGreaterThan(0);
    expect(axis.domain[0]).toBeLessThanOrEqual(20.7);
    expect(axis.domain[1]).toBeGreaterThanOrEqual(24.8);
    expect(trend(800, 14).axisCaption.join(' ')).toBe('Per cent: the axis starts at 20%, not zero');
  });

  it('starts counts at zero, and stops at a round number just past the largest value', () => {
    expect(valueAxis([3701, 6998], 'count', 0, 6)).toEqual({
      domain: [0, 8000],
      ticks: [0, 2000, 4000, 6000, 8000],
      zeroBased: true,
    });
  });

  it('starts a percentage that ranges widely at zero', () => {
    expect(valueAxis([10, 90], 'percent', 0, 6).zeroBased).toBe(true);
  });
});

describe('trend chart layout', () => {
  it('labels each line at its end with its name and latest value, and the target as a target', () => {
    const layout = trend(800, 14);
    expect(layout.legend).toBe(false);
    expect(layout.endLabels.map((l) => l.lines.join(' '))).toEqual([
      'Wolverhampton 24.8%',
      'England 21.9%',
      'West Midlands 24.8%',
      'Statistical neighbours 22.9%',
      'Target 22.0%',
    ]);
  });

  it('uses a legend instead past five lines', () => {
    const six = [0, 1, 2, 3, 4, 5].map((i) => ({ ...rereferrals[0]!, id: `s${i}`, colorIndex: i }));
    expect(trend(800, 14, six).legend).toBe(true);
  });

  it('names every line in its legend, below the x axis and inside the chart, at any width', () => {
    const six = [0, 1, 2, 3, 4, 5].map((i) => ({
      ...rereferrals[0]!,
      id: `s${i}`,
      label: i === 5 ? 'Statistical neighbours (average of 10 similar authorities)' : `Area ${i}`,
      colorIndex: i,
    }));
    for (const width of [300, 800]) {
      const layout = trend(width, 14, six);
      expect(layout.endLabels).toEqual([]);
      expect(layout.legendItems.map((item) => item.lines.join(' '))).toEqual(six.map((s) => s.label));
      const axisBottom = layout.plot.y + layout.plot.height + layout.xAxisHeight;
      for (const item of layout.legendItems) {
        expect(item.y).toBeGreaterThanOrEqual(axisBottom);
        expect(item.y + item.lines.length * layout.lineHeight).toBeLessThanOrEqual(layout.height);
        expect(item.x).toBeGreaterThanOrEqual(0);
        const widest = Math.max(...item.lines.map((line) => estimateText(line, 14, item.colorIndex === 0)));
        expect(item.x + 28 + widest).toBeLessThanOrEqual(width);
      }
      expect(layout.plot.height).toBeGreaterThanOrEqual(14 * 7);
    }
    expect(trend(800, 14).legendItems).toEqual([]);
  });

  it('keeps every label inside the chart at 360 px and at slide sizes', () => {
    for (const [width, fontSize] of [
      [300, 14],
      [800, 14],
      [1800, 28],
      [3600, 56],
    ] as const) {
      const layout = trend(width, fontSize);
      const right = layout.plot.x + layout.plot.width + fontSize * 0.6 + layout.labelColumn;
      expect(right).toBeLessThanOrEqual(width);
      expect(layout.plot.width).toBeGreaterThan(fontSize * 4);
      for (const e of layout.events) expect(e.width).toBeLessThanOrEqual(width);
    }
  });

  it('labels the latest period on the time axis, and no more periods than fit', () => {
    const quarters = toPoints(
      Array.from({ length: 11 }, (_, i) => ({
        period: `Q${(i % 4) + 1} ${2015 + Math.floor(i / 4)}-${16 + Math.floor(i / 4)}`,
        value: i,
      })),
      'quarterly',
    );
    const series: ChartSeries[] = [{ id: 'q', label: 'Q', points: quarters, colorIndex: 0 }];
    const narrow = trend(300, 14, series, null);
    expect(narrow.xTicks.at(-1)).toBe(quarters.at(-1)!.period.endMonth);
    expect(narrow.xTicks.length).toBeLessThan(5);
    expect(trend(1200, 14, series, null).xTicks.length).toBeGreaterThan(narrow.xTicks.length);
  });
});

describe('spreadLabels', () => {
  it('moves labels apart so none overlaps, as near their lines as it can', () => {
    const tops = spreadLabels(
      [
        { centre: 100, height: 36 },
        { centre: 100, height: 36 },
        { centre: 300, height: 18 },
      ],
      0,
      400,
    );
    expect(Math.abs(tops[0]! - tops[1]!)).toBeGreaterThanOrEqual(36);
    expect(tops[2]).toBe(291);
  });

  it('keeps them within the space given', () => {
    const tops = spreadLabels(
      [
        { centre: 395, height: 20 },
        { centre: 398, height: 20 },
      ],
      0,
      400,
    );
    expect(Math.max(...tops) + 20).toBeLessThanOrEqual(400);
    expect(Math.abs(tops[0]! - tops[1]!)).toBeGreaterThanOrEqual(20);
  });
});

describe('bar chart layout', () => {
  const priorities = [
    'Priority 1: Scrutiny and challenge',
    'Priority 2: Child sexual exploitation and missing children',
    'Priority 3: The voice of children and young people',
    'Priority 4: Learning from reviews',
  ];
  const bars = (width: number, fontSize = 14, maxHeight?: number) =>
    layoutBars({
      width,
      maxHeight,
      fontSize,
      categories: priorities,
      series: [{ id: 'p', label: 'Progress', values: [77, 90, 82, 58] }],
      unit: 'percent',
      decimalPlaces: 0,
      max: 100,
      formatValue: (v) => `${v}%`,
      measure: estimateText,
    });

  it('never wraps a category name past two lines', () => {
    for (const width of [300, 640, 1200]) {
      for (const row of bars(width).rows) expect(row.lines.length).toBeLessThanOrEqual(2);
    }
  });

  it('puts long names above the bars on a narrow screen, beside them on a wide one', () => {
    expect(bars(300).labelsAbove).toBe(true);
    expect(bars(1200).labelsAbove).toBe(false);
  });

  it('ends the axis just past the largest value, and shows a zero as a zero', () => {
    const layout = layoutBars({
      width: 640,
      fontSize: 14,
      categories: ['Q1', 'Q2', 'Q3', 'Q4'],
      series: [
        { id: 'planned', label: 'Planned', values: [1, 2, 1, 2] },
        { id: 'completed', label: 'Completed', values: [1, 1, 0, 0] },
      ],
      unit: 'count',
      decimalPlaces: 0,
      formatValue: String,
      measure: estimateText,
    });
    expect(layout.domainMax).toBe(2);
    expect(layout.ticks.map((t) => t.text)).toEqual(['0', '1', '2']);
    expect(layout.rows[2]!.bars[1]).toMatchObject({ value: 0, text: '0' });
    expect(layout.key.map((k) => k.label)).toEqual(['Planned', 'Completed']);
  });

  it('makes bars thinner to fit a slide, and keeps the axis labels inside the chart', () => {
    const free = bars(900, 28);
    const fitted = bars(900, 28, 300);
    expect(fitted.height).toBeLessThan(free.height);
    expect(fitted.ticks[0]!.x).toBeGreaterThan(0);
    expect(fitted.ticks.at(-1)!.x).toBeLessThan(900);
  });
});
