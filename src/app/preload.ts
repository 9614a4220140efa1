import type { QueryClient } from '@tanstack/react-query';
import { matchPath } from 'react-router';
import {
  actionPlanQueries,
  boardQueries,
  indicatorQueries,
  partnershipQueries,
  qualityAssuranceQueries,
} from '../api/queries';
import { featuredIndicatorId } from '../features/overview/featured-panel';
import * as pages from './pages';

type Prefetch = (queryClient: QueryClient, params: Record<string, string | undefined>) => unknown[];

/**
 * What each page needs: its code, and the data its first screen shows. Loaded when a link to the
 * page is pointed at, focused or touched, so that by the click the page can render at once.
 */
const routes: { path: string; page?: { preload: () => Promise<void> }; data?: Prefetch }[] = [
  {
    path: '/',
    data: (qc) => [
      // The featured indicator follows from the board's choice, or its first headline indicator.
      Promise.all([qc.fetchQuery(boardQueries.detail()), qc.fetchQuery(indicatorQueries.headline())])
        .then(([board, headline]) => {
          const id = featuredIndicatorId(board, headline.indicators);
          const counted = headline.indicators.some((i) => i.id === board.auditScheduleIndicatorId);
          return Promise.all([
            id ? qc.prefetchQuery(indicatorQueries.detail(id)) : undefined,
            counted ? qc.prefetchQuery(qualityAssuranceQueries.audits()) : undefined,
          ]);
        })
        .catch(() => undefined),
      qc.prefetchQuery(indicatorQueries.annotations()),
    ],
  },
  {
    path: '/indicators',
    page: pages.IndicatorsPage,
    data: (qc) => [qc.prefetchQuery(indicatorQueries.list())],
  },
  {
    path: '/indicators/:id',
    page: pages.IndicatorPage,
    data: (qc, { id }) => [
      qc.prefetchQuery(indicatorQueries.detail(id ?? '')),
      qc.prefetchQuery(indicatorQueries.annotations()),
    ],
  },
  {
    path: '/quality-assurance',
    page: pages.QualityAssurancePage,
    data: (qc) => [
      qc.prefetchQuery(qualityAssuranceQueries.audits()),
      qc.prefetchQuery(qualityAssuranceQueries.seriousCaseReviews()),
    ],
  },
  {
    path: '/action-plan',
    page: pages.ActionPlanPage,
    data: (qc) => [
      qc.prefetchQuery(actionPlanQueries.plan()),
      qc.prefetchQuery(actionPlanQueries.ofstedRecommendations()),
    ],
  },
  {
    path: '/partnership',
    page: pages.PartnershipPage,
    data: (qc) => [
      qc.prefetchQuery(partnershipQueries.funding()),
      qc.prefetchQuery(partnershipQueries.links()),
    ],
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
    void queryClient.prefetchQuery(boardQueries.detail());
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
