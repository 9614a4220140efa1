import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import { matchPath } from 'react-router';
import {
  actionPlanQueries,
  boardQueries,
  indicatorQueries,
  partnershipQueries,
  qualityAssuranceQueries,
  section11Queries,
} from '../api/queries';
import { featuredIndicatorId } from '../features/overview/featured-panel';
import * as pages from './pages';

/**
 * Fetches ahead what is not in the cache yet (or is stale). A request that has failed is left to
 * its Try again: fetching it again here, because a pointer passed over a link, would put it back to
 * "loading" (it has no data) and take away the message saying it failed.
 */
function failed(queryClient: QueryClient, options: { queryKey: QueryKey }): boolean {
  return queryClient.getQueryState(options.queryKey)?.status === 'error';
}

function prefetch<T, K extends QueryKey>(
  queryClient: QueryClient,
  options: FetchQueryOptions<T, Error, T, K>,
) {
  if (failed(queryClient, options)) return Promise.resolve();
  return queryClient.prefetchQuery(options);
}

/**
 * A page's data for the board's current year, which the page opens on (a link to another year asks
 * for that one when it opens): read once the board is known, not when the board has failed.
 */
function prefetchCurrentYear<T, K extends QueryKey>(
  queryClient: QueryClient,
  forYear: (year: string) => FetchQueryOptions<T, Error, T, K>,
) {
  if (failed(queryClient, boardQueries.detail())) return undefined;
  return queryClient
    .fetchQuery(boardQueries.detail())
    .then((board) => prefetch(queryClient, forYear(board.currentYear)))
    .catch(() => undefined);
}

type Prefetch = (queryClient: QueryClient, params: Record<string, string | undefined>) => unknown[];

/**
 * What each page needs: its code, and the data its first screen shows. Loaded when a link to the
 * page is pointed at, focused or touched, so that by the click the page can render at once.
 */
const routes: { path: string; page?: { preload: () => Promise<void> }; data?: Prefetch }[] = [
  {
    path: '/',
    data: (qc) => [
      // The featured indicator follows from the board's choice, or its first headline indicator
      // (not asked again here when the board or the headline list has failed: the page says so).
      ...(failed(qc, boardQueries.detail()) || failed(qc, indicatorQueries.headline())
        ? []
        : [
            Promise.all([qc.fetchQuery(boardQueries.detail()), qc.fetchQuery(indicatorQueries.headline())])
              .then(([board, headline]) => {
                const id = featuredIndicatorId(board, headline.indicators);
                const counted = headline.indicators.some((i) => i.id === board.auditScheduleIndicatorId);
                return Promise.all([
                  id ? prefetch(qc, indicatorQueries.detail(id)) : undefined,
                  counted ? prefetch(qc, qualityAssuranceQueries.audits()) : undefined,
                ]);
              })
              .catch(() => undefined),
          ]),
      prefetch(qc, indicatorQueries.annotations()),
    ],
  },
  {
    path: '/indicators',
    page: pages.IndicatorsPage,
    data: (qc) => [prefetch(qc, indicatorQueries.summaries())],
  },
  {
    path: '/indicators/:id',
    page: pages.IndicatorPage,
    data: (qc, { id }) => [
      prefetch(qc, indicatorQueries.detail(id ?? '')),
      prefetch(qc, indicatorQueries.annotations()),
    ],
  },
  {
    path: '/quality-assurance',
    page: pages.QualityAssurancePage,
    data: (qc) => [
      prefetchCurrentYear(qc, qualityAssuranceQueries.auditsForYear),
      prefetch(qc, qualityAssuranceQueries.seriousCaseReviews()),
    ],
  },
  {
    path: '/action-plan',
    page: pages.ActionPlanPage,
    data: (qc) => [
      prefetchCurrentYear(qc, actionPlanQueries.planForYear),
      prefetch(qc, actionPlanQueries.ofstedRecommendations()),
    ],
  },
  {
    path: '/partnership',
    page: pages.PartnershipPage,
    data: (qc) => [prefetch(qc, partnershipQueries.funding()), prefetch(qc, partnershipQueries.links())],
  },
  {
    path: '/section11',
    page: pages.Section11Page,
    data: (qc) => [prefetch(qc, section11Queries.assurance())],
  },
  {
    path: '/section11/:cycle/:agency',
    page: pages.SelfAssessmentPage,
    data: (qc, { cycle, agency }) => [prefetch(qc, section11Queries.assessment(cycle ?? '', agency ?? ''))],
  },
  { path: '/meeting-pack', page: pages.MeetingPackPage },
  { path: '/import', page: pages.ImportPage },
  { path: '/returns', page: pages.ReturnsPage },
  { path: '/returns/:round/:agency', page: pages.ReturnPage },
  { path: '/admin/people', page: pages.PeoplePage },
  { path: '/admin/agencies', page: pages.AgenciesPage },
  { path: '/admin/indicators', page: pages.IndicatorSettingsPage },
  { path: '/admin/board', page: pages.BoardSettingsPage },
  { path: '/admin/audit-trail', page: pages.AuditTrailPage },
];

/**
 * Loads a page's code and first data ahead of a click on a link to it. Cheap to repeat: the code
 * loads once, and data already in the cache (and fresh) is not fetched again.
 */
export function preloadPath(pathname: string, queryClient: QueryClient): void {
  for (const route of routes) {
    const match = matchPath({ path: route.path, end: true }, pathname);
    if (!match) continue;
    // A failed load is reported when the page is opened, not here.
    route.page?.preload().catch(() => undefined);
    void prefetch(queryClient, boardQueries.detail());
    route.data?.(queryClient, match.params);
    return;
  }
}

/**
 * Watches the page for a pointer, focus or touch reaching a link to a page of the app, and loads
 * that page ahead. One listener for every link, so no link needs to know about it.
 */
export function watchLinkIntent(queryClient: QueryClient): () => void {
  const onIntent = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin) return;
    preloadPath(link.pathname, queryClient);
  };
  const options = { capture: true, passive: true };
  document.addEventListener('pointerover', onIntent, options);
  document.addEventListener('focusin', onIntent, options);
  document.addEventListener('touchstart', onIntent, options);
  return () => {
    document.removeEventListener('pointerover', onIntent, options);
    document.removeEventListener('focusin', onIntent, options);
    document.removeEventListener('touchstart', onIntent, options);
  };
}
