import { createContext, startTransition, useContext, useLayoutEffect, useRef, useState } from 'react';
import { useDrawnOnServer } from '../../lib/use-hydrated';

/**
 * The width a chart is laid out for before it has been measured: on the server, and while the
 * browser hydrates what the server drew (the two must agree). The data service guesses it from
 * the kind of device asking (see server-render); the browser reads the guess from the page.
 */
export const WidthGuessContext = createContext(640);

/**
 * How much wider than the server's drawing a chart's room may be and the drawing kept (see useSize).
 */
export const KEEP_WIDER = 1.1;

/**
 * The size of an element, kept up to date as it resizes, so a chart can lay out its labels for
 * the room it has. Until it is measured (and in jsdom, which has no layout) the width is the
 * guess above and the height 0. A chart says the room it has been drawn for in `data-room`
 * (`drawnFor`, "640x0"): once that is its own size, it has been drawn for the room it has.
 *
 * Measured as it is first shown, and drawn again for that size before the browser paints; except
 * in a page the browser is taking over from the server, which is already on the screen at the
 * guessed width. There the server's drawing is kept while its room is no narrower than it and at
 * most a tenth wider (`KEEP_WIDER`: its text at its own size, a little room to spare at its right),
 * so that taking the page over changes none of its charts: drawing each again for a few pixels
 * more changed every line, point and label of every chart, in one long task. A room outside that
 * is drawn for as a transition, in slices, rather than in the same long task as the hydration;
 * from then on the chart is drawn for every size it is given.
 */
export function useSize<T extends HTMLElement>() {
  const fallback = useContext(WidthGuessContext);
  const drawnOnServer = useDrawnOnServer();
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0, drawn: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // The size last asked for, not the state (a transition may not have been drawn yet): the
    // observer's first call, with the same size, asks for nothing.
    let last = { width: 0, height: 0 };
    // Still showing the drawing the server made, at the guessed width.
    let keeping = drawnOnServer;
    const read = (first: boolean) => {
      const box = element.getBoundingClientRect();
      const next = { width: Math.floor(box.width), height: Math.floor(box.height) };
      if (next.width === last.width && next.height === last.height) return;
      last = next;
      keeping &&= next.width >= fallback && next.width <= fallback * KEEP_WIDER;
      const drawn = keeping ? fallback : next.width;
      const apply = () =>
        setSize((current) =>
          current.width === next.width && current.height === next.height && current.drawn === drawn
            ? current
            : { ...next, drawn },
        );
      if (first && drawnOnServer) startTransition(apply);
      else apply();
    };
    read(true);
    const observer = new ResizeObserver(() => read(false));
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallback, drawnOnServer]);
  return {
    ref,
    width: size.drawn > 0 ? size.drawn : fallback,
    height: size.height,
    drawnFor: `${size.width > 0 ? size.width : fallback}x${size.height}`,
  };
}

/**
 * The key of a chart's drawing for its size: a chart drawn for a new size is a new SVG element,
 * not the old one with new attributes. Chromium has been seen (on a 2-core machine at a load
 * average above 20) to keep laying out an SVG root at the width and height it was first given
 * (the guessed width) after its attributes and viewBox had changed to the measured size: the chart
 * was drawn at a third of its size, and ran off the bottom of a slide. A new element is laid out
 * from its own attributes.
 */
export function sizeKey(layout: { width: number; height: number }): string {
  return `${layout.width}x${layout.height}`;
}
