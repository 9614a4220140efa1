import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toPoints } from '../../lib/series';
import { BarFigure } from './bar-figure';
import { TrendChart } from './trend-chart';

/**
 * jsdom has no layout: the chart's box is given here, and its ResizeObserver is called by hand.
 */
let box = { width: 900, height: 0 };
let resized: (() => void) | undefined;

beforeEach(() => {
  box = { width: 900, height: 0 };
  resized = undefined;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        resized = callback;
      }
      observe() {}
      disconnect() {}
    },
  );
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('trend-chart')
      ? ({ x: 0, y: 0, top: 0, left: 0, right: box.width, bottom: box.height, ...box } as DOMRect)
      : ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0 } as DOMRect);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const funding = () => (
  <BarFigure
    title="Partner contributions to the board’s budget"
    narrative="Partners contributed £318,000."
    tableCaption="Partner contributions"
    categoryLabel="Partner"
    categories={['City of Wolverhampton Council', 'West Midlands Police']}
    series={[{ id: '2016-17', label: '2016-17', values: [190_000, 54_000], colorIndex: 1 }]}
    unit="count"
    decimalPlaces={0}
  />
);

const identifications = () => (
  <TrendChart
    series={[
      {
        id: 'own',
        label: 'Wolverhampton',
        points: toPoints(
          [
            { period: '2014-15', value: 10 },
            { period: '2015-16', value: 50 },
            { period: '2016-17', value: 130 },
          ],
          'annual',
        ),
        colorIndex: 0,
      },
    ]}
    unit="count"
    decimalPlaces={0}
  />
);

describe('a chart drawn for the room it has', () => {
  for (const [kind, chart] of [
    ['bar chart', funding],
    ['trend chart', identifications],
  ] as const) {
    it(`${kind}: drawn for its measured width before it is shown, and anew as a new element when the room changes`, () => {
      const { container } = render(chart());
      const drawing = () => container.querySelector('.trend-chart > svg')!;
      const first = drawing();
      expect(first.getAttribute('width')).toBe('900');
      expect(container.querySelector('.trend-chart')!.getAttribute('data-room')).toBe('900x0');

      // The room grows: the chart is drawn for it in a new SVG element, never the old one with new
      // attributes (see sizeKey: Chromium has kept laying out an SVG root at its first size).
      box = { width: 1200, height: 0 };
      act(() => resized!());
      const second = drawing();
      expect(second.getAttribute('width')).toBe('1200');
      expect(second.getAttribute('viewBox')).toMatch(/^0 0 1200 /);
      expect(second).not.toBe(first);
      expect(container.querySelectorAll('.trend-chart > svg')).toHaveLength(1);

      // Measured again at the same size, the drawing is kept.
      act(() => resized!());
      expect(drawing()).toBe(second);
    });
  }
});
