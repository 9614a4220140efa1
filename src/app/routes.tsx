import type { RouteObject } from 'react-router';
import { OverviewPage } from '../features/overview/overview-page';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found-page';

/**
 * The overview is in the first bundle; every other area is loaded on demand (`lazy`) so the first
 * page stays small.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
