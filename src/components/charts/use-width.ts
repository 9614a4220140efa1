import { createContext, useContext, useLayoutEffect, useRef, useState } from 'react';

/**
 * The width a chart is laid out for before it has been measured: on the server, and while the
 * browser hydrates what the server drew (the two must agree). The data service guesses it from
 * the kind of device asking (see server-render); the browser reads the guess from the page.
 */
export const WidthGuessContext = createContext(640);

/**
 * The size of an element, kept up to date as it resizes, so a chart can lay out its labels for
 * the room it has. Until it is measured (and in jsdom, which has no layout) the width is the
 * guess above and the height 0. A chart says the room it was laid out for in `data-room`
 * ("640x0"): once that is its own size, it has been drawn for the room it has.
 */
export function useSize<T extends HTMLElement>() {
  const fallback = useContext(WidthGuessContext);
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const read = () => {
      const box = element.getBoundingClientRect();
      const next = { width: Math.floor(box.width), height: Math.floor(box.height) };
      setSize((current) => (current.width === next.width && current.height === next.height ? current : next));
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width: size.width > 0 ? size.width : fallback, height: size.height };
}
