import { createElement, useEffect, useState, type ComponentType } from 'react';
import { loadOnce } from '../../lib/load-once';
import { ErrorState, LoadingState } from '../states';

type PropsOf<C> = C extends ComponentType<infer Q> ? Q & object : never;

export interface LazyForm<P extends object> {
  (props: P): ReturnType<typeof createElement>;
  /** Starts loading the form's code; resolves when it is loaded. */
  preload: () => Promise<void>;
  /**
   * For the button that opens it: the code starts loading when the button is pointed at or
   * focused, so that it is there by the click.
   */
  intent: { onPointerEnter: () => void; onFocus: () => void };
}

/**
 * A record form in a chunk of its own, loaded when it is first opened (or ahead, when the button
 * that opens it is pointed at or focused: `intent`). A form needs the contract's schemas and the
 * form kit; a page that only shows the records, as most people see it, then loads neither, and
 * taking the page over costs less. Forms only open in the browser (never in the page the server
 * draws), so the server's page and the browser's agree. While its code loads the form says so;
 * if it cannot be loaded it says that, with Try again, and with Cancel when the form has one.
 */
export function lazyForm<M extends Record<string, unknown>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyForm<PropsOf<M[K]>> {
  type P = PropsOf<M[K]>;
  let loaded: ComponentType<P> | null = null;
  const preload = loadOnce(() =>
    load().then((module) => {
      loaded = module[name] as ComponentType<P>;
    }),
  );
  const start = () => void preload().catch(() => undefined);

  function Form(props: P) {
    const [, setLoaded] = useState(loaded !== null);
    const [failure, setFailure] = useState<{ error: unknown } | null>(null);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (loaded) return;
      let current = true;
      preload().then(
        () => current && setLoaded(true),
        (error: unknown) => current && setFailure({ error }),
      );
      return () => {
        current = false;
      };
    }, [attempt]);
    if (loaded) return createElement(loaded, props);
    if (failure) {
      const cancel = (props as { onCancel?: () => void }).onCancel;
      return (
        <div className="record-form record-form--unloaded">
          <ErrorState
            error={failure.error}
            cannot="The form could not be opened."
            onRetry={() => {
              setFailure(null);
              setAttempt((n) => n + 1);
            }}
          />
          {cancel ? (
            <button type="button" className="button button--secondary" onClick={cancel}>
              Cancel
            </button>
          ) : null}
        </div>
      );
    }
    return <LoadingState label="Opening the form" />;
  }
  return Object.assign(Form, { preload, intent: { onPointerEnter: start, onFocus: start } });
}
