import { createElement, lazy, type ComponentType } from 'react';

export interface LazyPage<P extends object> {
  (props: P): ReturnType<typeof createElement>;
  /** Starts loading the page's code; resolves when it is loaded. */
  preload: () => Promise<void>;
}

/**
 * A page in a chunk of its own that can be loaded ahead (when a link to it is pointed at or
 * focused). Once loaded it renders at once, without suspending: no "Loading the page" between
 * the click and the page.
 */
export function lazyPage<
  M extends Record<string, unknown>,
  K extends keyof M & string,
  P extends object = object,
>(load: () => Promise<M>, name: K): LazyPage<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (module) => {
        loaded = module[name] as ComponentType<P>;
      },
      (error: unknown) => {
        // A failed load may succeed later (a dropped connection): let the next attempt try again.
        loading = null;
        throw error;
      },
    ));
  const Suspending = lazy(() => preload().then(() => ({ default: loaded! })));
  const Page = (props: P) => createElement(loaded ?? Suspending, props);
  return Object.assign(Page, { preload });
}
