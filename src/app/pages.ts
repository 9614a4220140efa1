import { lazyPage } from './lazy-page';

// The overview is in the first bundle; every other area is its own chunk, loaded on demand (or
// ahead, when a link to it is pointed at or focused: see preload), so the first page stays small.
export const IndicatorsPage = lazyPage(
  () => import('../features/indicators/indicators-page'),
  'IndicatorsPage',
);
export const IndicatorPage = lazyPage(() => import('../features/indicators/indicator-page'), 'IndicatorPage');
export const QualityAssurancePage = lazyPage(
  () => import('../features/quality-assurance/quality-assurance-page'),
  'QualityAssurancePage',
);
export const ActionPlanPage = lazyPage(
  () => import('../features/action-plan/action-plan-page'),
  'ActionPlanPage',
);
export const PartnershipPage = lazyPage(
  () => import('../features/partnership/partnership-page'),
  'PartnershipPage',
);
export const ImportPage = lazyPage(() => import('../features/import/import-page'), 'ImportPage');
export const MeetingPackPage = lazyPage(
  () => import('../features/meeting-pack/meeting-pack-page'),
  'MeetingPackPage',
);
export const PresentPage = lazyPage(() => import('../features/meeting-pack/present-page'), 'PresentPage');
export const PresenterViewPage = lazyPage(
  () => import('../features/meeting-pack/presenter-view-page'),
  'PresenterViewPage',
);
export const SignInPage = lazyPage(() => import('../features/session/sign-in-page'), 'SignInPage');
export const SetPasswordPage = lazyPage(
  () => import('../features/session/set-password-page'),
  'SetPasswordPage',
);
export const SetUpPage = lazyPage(() => import('../features/session/set-password-page'), 'SetUpPage');
export const ReturnsPage = lazyPage(() => import('../features/returns/returns-page'), 'ReturnsPage');
export const ReturnPage = lazyPage(() => import('../features/returns/return-page'), 'ReturnPage');
export const PeoplePage = lazyPage(() => import('../features/admin/people-page'), 'PeoplePage');
export const AgenciesPage = lazyPage(() => import('../features/admin/agencies-page'), 'AgenciesPage');
export const IndicatorSettingsPage = lazyPage(
  () => import('../features/admin/indicator-settings-page'),
  'IndicatorSettingsPage',
);
export const BoardSettingsPage = lazyPage(
  () => import('../features/admin/board-settings-page'),
  'BoardSettingsPage',
);
export const AuditTrailPage = lazyPage(() => import('../features/admin/audit-trail-page'), 'AuditTrailPage');
