import { useState } from 'react';
import type { PackChart } from '../lib/meeting-pack';
import { useIsPinned, useKeptPack, usePackCount, useTogglePin } from '../stores/meeting-pack-store';

const charts = (n: number) => `${n} ${n === 1 ? 'chart' : 'charts'}`;

/**
 * A button on a chart that adds it to, or takes it out of, the meeting pack. Its name and look
 * say which: "Pin to meeting pack", or "Pinned" with a tick; and each press says what it did, and
 * how many charts the pack now holds.
 */
export function PinButton({ item, title }: { item: PackChart; title: string }) {
  const pinned = useIsPinned(item);
  const count = usePackCount();
  const toggle = useTogglePin();
  // How many the pack holds is said only once the pack kept in this browser has been read.
  const read = useKeptPack() === 'read';
  const [message, setMessage] = useState('');
  const press = () => {
    toggle(item);
    const now = read ? `, which now has ${charts(pinned ? count - 1 : count + 1)}` : '';
    setMessage(
      pinned ? `Unpinned: taken out of the meeting pack${now}.` : `Pinned: added to the meeting pack${now}.`,
    );
  };
  return (
    <>
      <button
        type="button"
        className={`button button--secondary pin-button${pinned ? ' pin-button--pinned' : ''}`}
        aria-label={`${pinned ? 'Pinned to meeting pack' : 'Pin to meeting pack'}: ${title}`}
        onClick={press}
      >
        {/* Both labels take their place, one unseen, so that the button keeps its width when
            pressed, and when the pack kept in this browser is read after the page is drawn. */}
        <span className="pin-button__labels">
          <span className={pinned ? 'pin-button__label pin-button__label--unseen' : 'pin-button__label'}>
            <span aria-hidden="true" className="pin-button__mark">
              +
            </span>
            Pin to meeting pack
          </span>
          <span className={pinned ? 'pin-button__label' : 'pin-button__label pin-button__label--unseen'}>
            <span aria-hidden="true" className="pin-button__mark">
              ✓
            </span>
            Pinned
          </span>
        </span>
      </button>
      <span className="pin-button__message" aria-live="polite">
        {message}
      </span>
    </>
  );
}
