import { Suspense, type ReactNode } from 'react';
import { matchRoutes, Navigate, type RouteObject } from 'react-router';
import { LoadingState } from '../components/states';
import { useHydrated } from '../lib/use-hydrated';
import { OverviewPage } from '../features/overview/overview-page';
import { AppShell } from './app-shell';
import {
  IndicatorsPage,
  IndicatorPage,
  QualityAssurancePage,
  ActionPlanPage,
  PartnershipPage,
  ImportPage,
  MeetingPackPage,
  PresentPage,
  PresenterViewPage,
  SignInPage,
  SetPasswordPage,
  SetUpPage,
  ReturnsPage,
  ReturnPage,
  PeoplePage,
  AgenciesPage,
  IndicatorSettingsPage,
  BoardSettingsPage,
  AuditTrailPage,
  AccountPage,
  OutboxPage,
  Section11Page,
  SelfAssessmentPage,
} from './pages';
import { NotFoundPage } from './not-found-page';
import { PageTakenOver } from './page-taken-over';
import { RouteErrorBoundary } from './route-error-boundary';

/** A page in a chunk of its own: loading it is said, and a failure to load it. */
const page = (element: ReactNode) => (
  <RouteErrorBoundary>
    <Suspense fallback={<LoadingState label="Loading the page" />}>
      {element}
      <PageTakenOver />
    </Suspense>
  </RouteErrorBoundary>
);

/** A page in the entry's own code. */
const entryPage = (element: ReactNode) => (
  <RouteErrorBoundary>
    {element}
    <PageTakenOver />
  </RouteErrorBoundary>
);

/**
 * A page drawn from what this browser keeps (the meeting pack, in local storage): the server and
 * the first, hydrating render show it loading, and the browser draws it straight after.
 */
function BrowserOnly({ children }: { children: ReactNode }) {
  return useHydrated() ? children : <LoadingState label="Loading the page" />;
}

const browserPage = (element: ReactNode) => page(<BrowserOnly>{element}</BrowserOnly>);

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    children: [
      {
        index: true,
        element: entryPage(<OverviewPage />),
      },
      { path: 'indicators', element: page(<IndicatorsPage />) },
      { path: 'indicators/:id', element: page(<IndicatorPage />) },
      { path: 'quality-assurance', element: page(<QualityAssurancePage />) },
      { path: 'action-plan', element: page(<ActionPlanPage />) },
      { path: 'partnership', element: page(<PartnershipPage />) },
      { path: 'import', element: page(<ImportPage />) },
      { path: 'meeting-pack', element: browserPage(<MeetingPackPage />) },
      { path: 'section11', element: page(<Section11Page />) },
      { path: 'section11/:cycle/:agency', element: page(<SelfAssessmentPage />) },
      { path: 'returns', element: page(<ReturnsPage />) },
      { path: 'returns/:round/:agency', element: page(<ReturnPage />) },
      { path: 'admin', element: <Navigate to="/admin/people" replace /> },
      { path: 'admin/people', element: page(<PeoplePage />) },
      { path: 'admin/agencies', element: page(<AgenciesPage />) },
      { path: 'admin/indicators', element: page(<IndicatorSettingsPage />) },
      { path: 'admin/board', element: page(<BoardSettingsPage />) },
      { path: 'admin/audit-trail', element: page(<AuditTrailPage />) },
      { path: 'admin/outbox', element: page(<OutboxPage />) },
      { path: 'account', element: page(<AccountPage />) },
      { path: '*', element: entryPage(<NotFoundPage />) },
    ],
  },
  // Before anyone is signed in: no navigation and no board data.
  { path: '/sign-in', element: page(<SignInPage />) },
  { path: '/set-up', element: page(<SetUpPage />) },
  { path: '/set-password', element: page(<SetPasswordPage />) },
  // The presentation fills the screen: no header, navigation or footer.
  { path: '/meeting-pack/present', element: browserPage(<PresentPage />) },
  // The presenter's second window: notes, next slide, time; in step with the presentation.
  { path: '/meeting-pack/presenter', element: browserPage(<PresenterViewPage />) },
];

/** What an address matches: its one branch of routes, and the page at its end (none if no route). */
interface RouteMatch {
  branch: RouteObject[];
  page: RouteObject | undefined;
}

const matched = new Map<string, RouteMatch>();

/**
 * What `pathname` matches, worked out once per address (a bounded number of them): React Router
 * flattens and ranks every route, and compiles each path it tries, on every match (about half a
 * millisecond here), the data service draws a page for every person who opens one, and the answer
 * for an address never changes.
 */
function routeMatch(pathname: string): RouteMatch {
  const known = matched.get(pathname);
  if (known) return known;
  const matches = matchRoutes(routes, pathname);
  let branch: RouteObject[] = routes;
  if (matches) {
    branch = [];
    for (const { route } of [...matches].reverse()) {
      const { children: _, ...own } = route;
      branch = [(branch.length ? { ...own, children: branch } : own) as RouteObject];
    }
  }
  const match = { branch, page: matches?.at(-1)?.route };
  if (matched.size >= 2000) matched.clear();
  matched.set(pathname, match);
  return match;
}

/**
 * The routes that `pathname` matches, as a tree of that one branch: the same route objects'
 * elements and paths, so matching it gives the same page and parameters as matching `routes`.
 * An address no route matches gets every route, for React Router to say so.
 */
export function routeBranch(pathname: string): RouteObject[] {
  return routeMatch(pathname).branch;
}

/**
 * 404 for an address the app has no page for (the router's catch-all draws the not-found page),
 * 200 otherwise. Read from the router itself, so a new page is known the day it is added.
 */
export function routeStatus(pathname: string): 200 | 404 {
  const { page } = routeMatch(pathname);
  return !page || page.path === '*' ? 404 : 200;
}
