import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { LoadingState } from '../components/states';
import { OverviewPage } from '../features/overview/overview-page';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found-page';

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

const page = (element: ReactNode) => (
  <Suspense fallback={<LoadingState label="Loading the page" />}>{element}</Suspense>
);

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'indicators', element: page(<IndicatorsPage />) },
      { path: 'indicators/:id', element: page(<IndicatorPage />) },
      { path: 'quality-assurance', element: page(<QualityAssurancePage />) },
      { path: 'action-plan', element: page(<ActionPlanPage />) },
      { path: 'partnership', element: page(<PartnershipPage />) },
      { path: 'import', element: page(<ImportPage />) },
      { path: 'meeting-pack', element: page(<MeetingPackPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  // The presentation fills the screen: no header, navigation or footer.
  { path: '/meeting-pack/present', element: page(<PresentPage />) },
  // The presenter's second window: notes, next slide, time; in step with the presentation.
  { path: '/meeting-pack/presenter', element: page(<PresenterViewPage />) },
];
