import { useSearchParams } from 'react-router';
import { decodePack, PACK_PARAM } from '../../lib/meeting-pack';
import { usePackActions, usePackItems } from '../../stores/meeting-pack-store';

const charts = (n: number) => `${n} chart${n === 1 ? '' : 's'}`;

/**
 * A `?pack=` link rebuilds a pack. It never replaces the user's own pack unasked: they choose to
 * open it, add it to theirs, or replace theirs. A broken link says so and changes nothing.
 */
export function SharedPackBanner() {
  const [params, setParams] = useSearchParams();
  const value = params.get(PACK_PARAM);
  const items = usePackItems();
  const { add, replace } = usePackActions();
  if (value === null) return null;

  const done = () =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete(PACK_PARAM);
        return next;
      },
      { replace: true },
    );
  const decoded = decodePack(value);

  if (!decoded.ok) {
    return (
      <div className="notice notice--error" role="alert">
        <p className="notice__title">This link’s meeting pack could not be read.</p>
        <p>
          It may have been cut short when it was copied. Ask the sender for the link again. Your own meeting
          pack has not been changed.
        </p>
        <button type="button" className="button button--secondary" onClick={done}>
          Dismiss
        </button>
      </div>
    );
  }

  const shared = decoded.items;
  return (
    <section className="notice" aria-labelledby="shared-pack-heading">
      <h2 id="shared-pack-heading" className="notice__title">
        A shared meeting pack
      </h2>
      <p>
        This link holds a meeting pack of {charts(shared.length)}.
        {items.length > 0 ? ` Your own pack has ${charts(items.length)}.` : ''}
      </p>
      <div className="button-row">
        {items.length === 0 ? (
          <button type="button" className="button" onClick={() => (replace(shared), done())}>
            Open this pack
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={() => (add(shared), done())}>
              Add these to your pack
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => (replace(shared), done())}
            >
              Replace your pack
            </button>
          </>
        )}
        <button type="button" className="button button--secondary" onClick={done}>
          Ignore the link
        </button>
      </div>
    </section>
  );
}
