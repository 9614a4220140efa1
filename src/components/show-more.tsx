import { useEffect, useRef, useState, type ReactNode } from 'react';

/** How many rows a long list shows at first, and how many more each "Show more" adds. */
export const SCREENFUL = 25;

interface Props<T> {
  items: readonly T[];
  /** What the rows are, one and many: `['audit', 'audits']`. */
  noun: readonly [string, string];
  /** Draws the rows shown (the first screenful, then as many more as asked for). */
  children: (shown: readonly T[]) => ReactNode;
  step?: number;
}

/**
 * A long list a screenful at a time: the first rows, how many there are in all ("Showing 1–25 of
 * 180 audits") and a button for the next ones. A list that fits one screenful is drawn whole, with
 * nothing added. Give it a `key` that changes with what the list is of (a year, say) to start again.
 */
export function ShowMore<T>({ items, noun, children, step = SCREENFUL }: Props<T>) {
  const [count, setCount] = useState(step);
  const said = useRef<HTMLParagraphElement>(null);
  const shown = items.slice(0, count);
  const left = items.length - shown.length;
  const grew = useRef(false);
  // The button goes once the last rows show: what it held moves to the count, not to the page's top.
  useEffect(() => {
    if (grew.current && left === 0) said.current?.focus();
    grew.current = false;
  }, [left]);
  const name = (n: number) => (n === 1 ? noun[0] : noun[1]);
  return (
    <>
      {children(shown)}
      {items.length > step ? (
        <div className="show-more">
          <p className="show-more__count" ref={said} tabIndex={-1} role="status">
            {left === 0
              ? `Showing all ${items.length} ${name(items.length)}`
              : `Showing 1–${shown.length} of ${items.length} ${name(items.length)}`}
          </p>
          {left > 0 ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                grew.current = true;
                setCount((n) => n + step);
              }}
            >
              Show {Math.min(step, left)} more {name(Math.min(step, left))}
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
