import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { LoadingState } from '../components/states';
import { OverviewPage } from '../features/overview/overview-page';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found-page';
import { RouteErrorBoundary } from './route-error-boundary';

// The overview is in the first bundle; every other area is its own chunk, loaded on demand, so
// the first page stays small.
const IndicatorsPage = lazy(() =>
  import('../features/indicators/indicators-page').then((m) => ({ default: m.IndicatorsPage })),
);
const IndicatorPage = lazy(() =>
  import('../features/indicators/indicator-page').then((m) => ({ default: m.IndicatorPage })),
);

const QualityAssurancePage = lazy(() =>
  import('../features/quality-assurance/quality-assurance-page').then((m) => ({
    default: m.QualityAssurancePage,
  })),
);
const ActionPlanPage = lazy(() =>
  import('../features/action-plan/action-plan-page').then((m) => ({ default: m.ActionPlanPage })),
);
const PartnershipPage = lazy(() =>
  import('../features/partnership/partnership-page').then((m) => ({ default: m.PartnershipPage })),
);
const ImportPage = lazy(() =>
  import('../features/import/import-page').then((m) => ({ default: m.ImportPage })),
);
const MeetingPackPage = lazy(() =>
  import('../features/meeting-pack/meeting-pack-page').then((m) => ({ default: m.MeetingPackPage })),
);
const PresentPage = lazy(() =>
  import('../features/meeting-pack/present-page').then((m) => ({ default: m.PresentPage })),
);
const PresenterViewPage = lazy(() =>
  import('../features/meeting-pack/presenter-view-page').then((m) => ({ default: m.PresenterViewPage })),
);

const SignInPage = lazy(() =>
  import('../features/session/sign-in-page').then((m) => ({ default: m.SignInPage })),
);
const SetPasswordPage = lazy(() =>
  import('../features/session/set-password-page').then((m) => ({ default: m.SetPasswordPage })),
);
const SetUpPage = lazy(() =>
  import('../features/session/set-password-page').then((m) => ({ default: m.SetUpPage })),
);
const ReturnsPage = lazy(() =>
  import('../features/returns/returns-page').then((m) => ({ default: m.ReturnsPage })),
);
const ReturnPage = lazy(() =>
  import('../features/returns/return-page').then((m) => ({ default: m.ReturnPage })),
);
const PeoplePage = lazy(() =>
  import('../features/admin/people-page').then((m) => ({ default: m.PeoplePage })),
);
const AgenciesPage = lazy(() =>
  import('../features/admin/agencies-page').then((m) => ({ default: m.AgenciesPage })),
);
const IndicatorSettingsPage = lazy(() =>
  import('../features/admin/indicator-settings-page').then((m) => ({ default: m.IndicatorSettingsPage })),
);
const BoardSettingsPage = lazy(() =>
  import('../features/admin/board-settings-page').then((m) => ({ default: m.BoardSettingsPage })),
);
const AuditTrailPage = lazy(() =>
  import('../features/admin/audit-trail-page').then((m) => ({ default: m.AuditTrailPage })),
);

const page = (element: ReactNode) => (
  <RouteErrorBoundary>
    <Suspense fallback={<LoadingState label="Loading the page" />}>{element}</Suspense>
  </RouteErrorBoundary>
);

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    children: [
      {
        index: true,
        element: (
          <RouteErrorBoundary>
            <OverviewPage />
          </RouteErrorBoundary>
        ),
      },
      { path: 'indicators', element: page(<IndicatorsPage />) },
      { path: 'indicators/:id', element: page(<IndicatorPage />) },
      { path: 'quality-assurance', element: page(<QualityAssurancePage />) },
      { path: 'action-plan', element: page(<ActionPlanPage />) },
      { path: 'partnership', element: page(<PartnershipPage />) },
      { path: 'import', element: page(<ImportPage />) },
      { path: 'meeting-pack', element: page(<MeetingPackPage />) },
      { path: 'returns', element: page(<ReturnsPage />) },
      { path: 'returns/:round/:agency', element: page(<ReturnPage />) },
      { path: 'admin', element: <Navigate to="/admin/people" replace /> },
      { path: 'admin/people', element: page(<PeoplePage />) },
      { path: 'admin/agencies', element: page(<AgenciesPage />) },
      { path: 'admin/indicators', element: page(<IndicatorSettingsPage />) },
      { path: 'admin/board', element: page(<BoardSettingsPage />) },
      { path: 'admin/audit-trail', element: page(<AuditTrailPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  // Before anyone is signed in: no navigation and no board data.
  { path: '/sign-in', element: page(<SignInPage />) },
  { path: '/set-up', element: page(<SetUpPage />) },
  { path: '/set-password', element: page(<SetPasswordPage />) },
  // The presentation fills the screen: no header, navigation or footer.
  { path: '/meeting-pack/present', element: page(<PresentPage />) },
  // The presenter's second window: notes, next slide, time; in step with the presentation.
  { path: '/meeting-pack/presenter', element: page(<PresenterViewPage />) },
];
