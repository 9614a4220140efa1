import { act, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toPoints } from '../../lib/series';
import { estimateText, measureText, type Measure } from '../../lib/text-measure';
import { HydrationState } from '../../lib/use-hydrated';
import { BarFigure } from './bar-figure';
import { useChartMeasure } from './chart-text';
import { TrendChart } from './trend-chart';
import { KEEP_WIDER, WidthGuessContext } from './use-width';

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

/**
 * A chart the browser takes over from the page the server drew, at the width the server guessed:
 * drawn on the server (renderToString), then hydrated here, its room given by `box`.
 */
function takenOver(chart: () => ReactElement, guess: number) {
  const tree = () => (
    <WidthGuessContext value={guess}>
      <HydrationState hydrating>{chart()}</HydrationState>
    </WidthGuessContext>
  );
  const container = document.createElement('div');
  container.innerHTML = renderToString(tree());
  document.body.append(container);
  const served = container.querySelector('.trend-chart > svg')!;
  const markup = served.outerHTML;
  act(() => void hydrateRoot(container, tree()));
  const drawing = () => container.querySelector('.trend-chart > svg')!;
  const room = () => container.querySelector<HTMLElement>('.trend-chart')!.dataset.room;
  return { served, markup, drawing, room, done: () => container.remove() };
}

describe('a chart taken over from the page the server drew (issue 22)', () => {
  for (const [kind, chart] of [
    ['bar chart', funding],
    ['trend chart', identifications],
  ] as const) {
    it(`${kind}: the server's drawing is kept, unchanged, in a room up to a tenth wider than it`, () => {
      box = { width: Math.floor(640 * KEEP_WIDER), height: 0 };
      const { served, markup, drawing, room, done } = takenOver(chart, 640);
      // The same element, not one attribute changed; drawn for the room it has.
      expect(drawing()).toBe(served);
      expect(drawing().outerHTML).toBe(markup);
      expect(room()).toBe(`${box.width}x0`);

      // A room more than a tenth wider is drawn for, and from then on every room is.
      box = { width: 900, height: 0 };
      act(() => resized!());
      expect(drawing().getAttribute('width')).toBe('900');
      box = { width: 660, height: 0 };
      act(() => resized!());
      expect(drawing().getAttribute('width')).toBe('660');
      expect(room()).toBe('660x0');
      done();
    });

    it(`${kind}: drawn again for a room narrower than the server's drawing (its text never scaled down) or much wider`, () => {
      for (const width of [600, Math.ceil(640 * KEEP_WIDER) + 1]) {
        box = { width, height: 0 };
        const { served, drawing, room, done } = takenOver(chart, 640);
        expect(drawing().getAttribute('width')).toBe(String(width));
        expect(drawing()).not.toBe(served);
        expect(room()).toBe(`${width}x0`);
        done();
      }
    });
  }

  it('keeps laying out with the metrics the server used; a chart the browser draws itself uses its own', () => {
    const used: Measure[] = [];
    const Probe = () => {
      used.push(useChartMeasure());
      return null;
    };
    const tree = () => (
      <HydrationState hydrating>
        <Probe />
      </HydrationState>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(tree());
    act(() => void hydrateRoot(container, tree()));
    // Rendered again once the page is taken over (HydrationState's transition): still the estimate.
    expect(used.length).toBeGreaterThan(2);
    expect(new Set(used)).toEqual(new Set([estimateText]));

    used.length = 0;
    render(<Probe />);
    expect(new Set(used)).toEqual(new Set([measureText]));
  });
});
