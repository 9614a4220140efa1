import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** How long the presentation's controls stay after the pointer last moved or a key was pressed. */
export const CONTROLS_HIDE_MS = 3_000;

interface Point {
  x: number;
  y: number;
}

const within = (point: Point, box: DOMRect) =>
  point.x >= box.left && point.x <= box.right && point.y >= box.top && point.y <= box.bottom;

/**
 * The audience sees the slide, not the controls: they show when the pointer moves (or touches) or
 * a key is pressed, and go again after a few seconds of neither, unless the pointer rests on them.
 * Focus inside them keeps them shown too (in CSS, `:focus-within`). `reveal` is for the page's
 * own key handler.
 */
export function useIdleControls(bar: RefObject<HTMLElement | null>): { shown: boolean; reveal: () => void } {
  const [shown, setShown] = useState(false);
  // Bumped on every reveal, so the countdown starts again.
  const [wokenAt, setWokenAt] = useState(0);
  const pointer = useRef<Point | null>(null);

  const reveal = useCallback(() => {
    setShown(true);
    setWokenAt((n) => n + 1);
  }, []);

  useEffect(() => {
    const moved = (event: PointerEvent) => {
      const last = pointer.current;
      pointer.current = { x: event.clientX, y: event.clientY };
      // A browser may report a move when the page changed under a pointer that stayed put.
      if (event.type === 'pointermove' && last && last.x === event.clientX && last.y === event.clientY)
        return;
      reveal();
    };
    // Out of the window: no longer resting on the controls.
    const left = (event: PointerEvent) => {
      if (!event.relatedTarget) pointer.current = null;
    };
    document.addEventListener('pointermove', moved);
    document.addEventListener('pointerdown', moved);
    document.addEventListener('pointerout', left);
    return () => {
      document.removeEventListener('pointermove', moved);
      document.removeEventListener('pointerdown', moved);
      document.removeEventListener('pointerout', left);
    };
  }, [reveal]);

  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => {
      const box = bar.current?.getBoundingClientRect();
      // A pointer resting on the controls is about to use them.
      if (box && pointer.current && within(pointer.current, box)) setWokenAt((n) => n + 1);
      else setShown(false);
    }, CONTROLS_HIDE_MS);
    return () => clearTimeout(timer);
  }, [bar, shown, wokenAt]);

  return { shown, reveal };
}
