import { cloneElement, useId, type ReactElement } from 'react';

interface Props {
  label: string;
  hint?: string;
  error?: string | undefined;
  /** The input, select or textarea; it gets its id, aria-describedby and aria-invalid from here. */
  children: ReactElement<Record<string, unknown>>;
  id?: string;
}

/** A labelled form control with its hint and its error message next to it. */
export function Field({ label, hint, error, children, id: givenId }: Props) {
  const generated = useId();
  const id = givenId ?? generated;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {cloneElement(children, {
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
      })}
    </div>
  );
}
