import { lazyPage } from './lazy-page';

// The overview is in the first bundle; every other area is its own chunk, loaded on demand (or
// ahead, when a link to it is pointed at or focused: see preload), so the first page stays small.
export const IndicatorsPage = lazyPage(
  () => import('../features/indicators/indicators-page'),
  'IndicatorsPage',
  'src/features/indicators/indicators-page.tsx',
);
export const IndicatorPage = lazyPage(
  () => import('../features/indicators/indicator-page'),
  'IndicatorPage',
  'src/features/indicators/indicator-page.tsx',
);
export const QualityAssurancePage = lazyPage(
  () => import('../features/quality-assurance/quality-assurance-page'),
  'QualityAssurancePage',
  'src/features/quality-assurance/quality-assurance-page.tsx',
);
export const ActionPlanPage = lazyPage(
  () => import('../features/action-plan/action-plan-page'),
  'ActionPlanPage',
  'src/features/action-plan/action-plan-page.tsx',
);
export const PartnershipPage = lazyPage(
  () => import('../features/partnership/partnership-page'),
  'PartnershipPage',
  'src/features/partnership/partnership-page.tsx',
);
export const ImportPage = lazyPage(
  () => import('../features/import/import-page'),
  'ImportPage',
  'src/features/import/import-page.tsx',
);
export const MeetingPackPage = lazyPage(
  () => import('../features/meeting-pack/meeting-pack-page'),
  'MeetingPackPage',
  'src/features/meeting-pack/meeting-pack-page.tsx',
);
export const PresentPage = lazyPage(
  () => import('../features/meeting-pack/present-page'),
  'PresentPage',
  'src/features/meeting-pack/present-page.tsx',
);
export const PresenterViewPage = lazyPage(
  () => import('../features/meeting-pack/presenter-view-page'),
  'PresenterViewPage',
  'src/features/meeting-pack/presenter-view-page.tsx',
);
export const SignInPage = lazyPage(
  () => import('../features/session/sign-in-page'),
  'SignInPage',
  'src/features/session/sign-in-page.tsx',
);
export const SetPasswordPage = lazyPage(
  () => import('../features/session/set-password-page'),
  'SetPasswordPage',
  'src/features/session/set-password-page.tsx',
);
export const SetUpPage = lazyPage(
  () => import('../features/session/set-password-page'),
  'SetUpPage',
  'src/features/session/set-password-page.tsx',
);
export const ReturnsPage = lazyPage(
  () => import('../features/returns/returns-page'),
  'ReturnsPage',
  'src/features/returns/returns-page.tsx',
);
export const ReturnPage = lazyPage(
  () => import('../features/returns/return-page'),
  'ReturnPage',
  'src/features/returns/return-page.tsx',
);
export const PeoplePage = lazyPage(
  () => import('../features/admin/people-page'),
  'PeoplePage',
  'src/features/admin/people-page.tsx',
);
export const AgenciesPage = lazyPage(
  () => import('../features/admin/agencies-page'),
  'AgenciesPage',
  'src/features/admin/agencies-page.tsx',
);
export const IndicatorSettingsPage = lazyPage(
  () => import('../features/admin/indicator-settings-page'),
  'IndicatorSettingsPage',
  'src/features/admin/indicator-settings-page.tsx',
);
export const BoardSettingsPage = lazyPage(
  () => import('../features/admin/board-settings-page'),
  'BoardSettingsPage',
  'src/features/admin/board-settings-page.tsx',
);
export const AuditTrailPage = lazyPage(
  () => import('../features/admin/audit-trail-page'),
  'AuditTrailPage',
  'src/features/admin/audit-trail-page.tsx',
);
export const AccountPage = lazyPage(
  () => import('../features/session/account-page'),
  'AccountPage',
  'src/features/session/account-page.tsx',
);
export const OutboxPage = lazyPage(
  () => import('../features/admin/outbox-page'),
  'OutboxPage',
  'src/features/admin/outbox-page.tsx',
);
export const Section11Page = lazyPage(
  () => import('../features/section11/section11-page'),
  'Section11Page',
  'src/features/section11/section11-page.tsx',
);
export const SelfAssessmentPage = lazyPage(
  () => import('../features/section11/self-assessment-page'),
  'SelfAssessmentPage',
  'src/features/section11/self-assessment-page.tsx',
);
