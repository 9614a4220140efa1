import { useEffect, useRef, useState, type ReactNode } from 'react';

/** How many rows a long list shows at first, and how many more each "Show more" adds. */
export const SCREENFUL = 25;

interface MoreProps {
  /** How many are shown, and how many there are in all. */
  shown: number;
  total: number;
  /** What the rows are, one and many: `['audit', 'audits']`. */
  noun: readonly [string, string];
  /** How many the button adds at most. */
  step: number;
  onMore: () => void;
  /** The next ones are on their way (read from the data service): the button waits. */
  loading?: boolean;
  /** The button's word for the next ones, "more" unless said: "older" in "Show 4 older rounds". */
  adjective?: string;
}

/**
 * Under a list that is longer than what it shows: how many there are in all ("Showing 1–25 of 180
 * audits") and a button for the next ones. Once the last ones show, the button goes and the focus it
 * held moves to the count (not to the top of the page).
 */
export function MoreFooter({ shown, total, noun, step, onMore, loading = false, adjective }: MoreProps) {
  const said = useRef<HTMLParagraphElement>(null);
  const asked = useRef(false);
  const left = total - shown;
  useEffect(() => {
    if (asked.current && left <= 0) said.current?.focus();
    if (left <= 0) asked.current = false;
  }, [left]);
  const name = (n: number) => (n === 1 ? noun[0] : noun[1]);
  const next = Math.min(step, left);
  return (
    <div className="show-more">
      <p className="show-more__count" ref={said} tabIndex={-1} role="status">
        {left <= 0 ? `Showing all ${total} ${name(total)}` : `Showing 1–${shown} of ${total} ${name(total)}`}
      </p>
      {left > 0 ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={loading}
          onClick={() => {
            asked.current = true;
            onMore();
          }}
        >
          {loading ? 'Loading…' : `Show ${next} ${adjective ?? 'more'} ${name(next)}`}
        </button>
      ) : null}
    </div>
  );
}

interface Props<T> {
  items: readonly T[];
  noun: readonly [string, string];
  /** Draws the rows shown (the first screenful, then as many more as asked for). */
  children: (shown: readonly T[]) => ReactNode;
  step?: number;
}

/**
 * A long list a screenful at a time, with `MoreFooter` under it. A list that fits one screenful is
 * drawn whole, with nothing added. Give it a `key` that changes with what the list is of (a year,
 * say) to start again.
 */
export function ShowMore<T>({ items, noun, children, step = SCREENFUL }: Props<T>) {
  const [count, setCount] = useState(step);
  const shown = items.slice(0, count);
  return (
    <>
      {children(shown)}
      {items.length > step ? (
        <MoreFooter
          shown={shown.length}
          total={items.length}
          noun={noun}
          step={step}
          onMore={() => setCount((n) => n + step)}
        />
      ) : null}
    </>
  );
}
