import type { ReactNode } from 'react';

interface Props {
  /** What it does, shown: "Change", "Retire". */
  verb: string;
  /** Which record, for a screen reader, so that one "Change" among ten says which: "the link BeSafe". */
  name: ReactNode;
  /** Absent when the person may not do it: no button is drawn. */
  onClick?: (() => void) | undefined;
  disabled?: boolean;
  /** The form it opens, loaded when the button is pointed at or focused (a `lazyForm`'s `intent`). */
  intent?: { onPointerEnter: () => void; onFocus: () => void };
}

/** A small button that acts on one record of a list. */
export function RecordButton({ verb, name, onClick, disabled, intent }: Props) {
  return onClick ? (
    <button
      type="button"
      className="button button--secondary button--small"
      onClick={onClick}
      disabled={disabled}
      {...intent}
    >
      {verb} <span className="visually-hidden">{name}</span>
    </button>
  ) : null;
}
