import { matchRoutes, type RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routeBranch, routes } from './routes';

/** Every path a route of the app names, with its parameters filled in, and some no route names. */
function addresses(list: RouteObject[], base = ''): string[] {
  return list.flatMap((route) => {
    const path = route.index
      ? base || '/'
      : `${base.replace(/\/$/, '')}/${(route.path ?? '').replace(/^\//, '')}`
          .replace(/:(\w+)/g, 'some-$1')
          .replace('*', 'no/such/page');
    return [path, ...addresses(route.children ?? [], path)];
  });
}

const where = (matches: ReturnType<typeof matchRoutes>) =>
  matches?.map((m) => ({
    path: m.route.path,
    index: m.route.index,
    element: m.route.element,
    params: m.params,
    pathname: m.pathname,
  }));

describe('routeBranch: the one branch of routes an address matches', () => {
  const paths = [
    ...new Set([
      ...addresses(routes),
      '/indicators/',
      '/INDICATORS',
      '/returns/a/b/c',
      '/meeting-pack/present',
    ]),
  ];

  it('matches every address as the whole set of routes does: the same pages, parameters and parts', () => {
    expect(paths.length).toBeGreaterThan(25);
    for (const path of paths)
      expect(where(matchRoutes(routeBranch(path), path)), path).toEqual(where(matchRoutes(routes, path)));
  });

  it('is worked out once for an address', () => {
    expect(routeBranch('/indicators/x')).toBe(routeBranch('/indicators/x'));
  });
});
