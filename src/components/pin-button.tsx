import type { PackChart } from '../lib/meeting-pack';
import { useIsPinned, useTogglePin } from '../stores/meeting-pack-store';

/**
 * A toggle on a chart that adds it to, or takes it out of, the meeting pack. The name stays the
 * same; aria-pressed (and a visible tick) says whether it is pinned.
 */
export function PinButton({ item, title }: { item: PackChart; title: string }) {
  const pinned = useIsPinned(item);
  const toggle = useTogglePin();
  return (
    <button
      type="button"
      className="button button--secondary pin-button"
      aria-pressed={pinned}
      aria-label={`Pin to meeting pack: ${title}`}
      onClick={() => toggle(item)}
    >
      <span aria-hidden="true" className="pin-button__mark">
        {pinned ? '✓' : '+'}
      </span>
      Pin to meeting pack
    </button>
  );
}
