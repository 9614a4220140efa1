import { createContext, createElement, lazy, use, type ComponentType } from 'react';
import { loadOnce } from '../lib/load-once';

export interface LazyPage<P extends object> {
  (props: P): ReturnType<typeof createElement>;
  /** Starts loading the page's code; resolves when it is loaded. */
  preload: () => Promise<void>;
  /** The page's module, from the project's root (as the build's manifest names it). */
  source: string;
}

/**
 * Where the server's rendering of a page notes the lazy pages it drew, so that the page it sends
 * can ask for their code at once (`<link rel="modulepreload">`) rather than after the entry has run.
 * Absent in the browser.
 */
export const RenderedPagesContext = createContext<Set<string> | null>(null);

/** Every lazy page, by its source: the pages the data service drew are loaded before they are taken over. */
const bySource = new Map<string, LazyPage<never>>();

/**
 * Loads the code of the lazy pages named (by source, as the data service names the pages it drew
 * in the root's `data-pages`), so that taking the page over never waits on it: a page still
 * waiting on its code is not yet taken over, and a button pressed on it would do nothing. A page
 * whose code cannot be loaded is left to its own boundary, which says so.
 */
export function loadPages(sources: readonly string[]): Promise<void> {
  return Promise.all(
    sources.map((source) =>
      bySource
        .get(source)
        ?.preload()
        .catch(() => undefined),
    ),
  ).then(() => undefined);
}

/**
 * A page in a chunk of its own that can be loaded ahead (when a link to it is pointed at or
 * focused). Once loaded it renders at once, without suspending: no "Loading the page" between
 * the click and the page. `source` is the module `load` imports, from the project's root.
 */
export function lazyPage<
  M extends Record<string, unknown>,
  K extends keyof M & string,
  P extends object = object,
>(load: () => Promise<M>, name: K, source: string): LazyPage<P> {
  let loaded: ComponentType<P> | null = null;
  const preload = loadOnce(() =>
    load().then((module) => {
      loaded = module[name] as ComponentType<P>;
    }),
  );
  const Suspending = lazy(() => preload().then(() => ({ default: loaded! })));
  const Page = (props: P) => {
    use(RenderedPagesContext)?.add(source);
    return createElement(loaded ?? Suspending, props);
  };
  const page = Object.assign(Page, { preload, source });
  bySource.set(source, page as LazyPage<never>);
  return page;
}
