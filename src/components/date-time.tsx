import { formatDateTime } from '../lib/format';

/**
 * An instant as the board's clock shows it, "7 Dec 2026, 06:11", which may break after its comma
 * and nowhere else: in a table its column need be no wider than the date, where on one line it took
 * the room of the columns beside it (the outbox ran past its frame at 1024 px).
 */
export function DateTime({ at }: { at: string }) {
  const text = formatDateTime(at);
  const comma = text.lastIndexOf(', ');
  return (
    <time dateTime={at}>
      {comma < 0 ? (
        <span className="nowrap">{text}</span>
      ) : (
        <>
          <span className="nowrap">{text.slice(0, comma + 1)}</span>{' '}
          <span className="nowrap">{text.slice(comma + 2)}</span>
        </>
      )}
    </time>
  );
}
