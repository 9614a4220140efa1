import { z } from '../zod';
import { idSchema, nonEmpty } from './common';

/**
 * Who may do what (enforced by the data service on every endpoint; the dashboard only hides what
 * a role cannot do):
 * - viewer: board members and the scrutiny panel; read everything published.
 * - contributor: enters and submits the quarterly returns of the agencies named on the account.
 * - quality-assurance: the QA committee; records audit progress.
 * - editor: records audit progress and updates any action in the action plan.
 * - administrator: the business unit; people and roles, indicators, returns, reporting years,
 *   the audit trail, and everything the other roles do.
 * Anyone whose account names an action owner ("Head of Safeguarding") may update that owner's
 * actions, whatever their role.
 */
export const roleSchema = z.enum(['viewer', 'contributor', 'quality-assurance', 'editor', 'administrator']);

export const emailSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(254, 'An email address has at most 254 characters'),
    z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email address such as name@example.gov.uk'),
  );

/** Long rather than complicated (NCSC and NIST guidance): at least 12 characters, any characters. */
export const newPasswordSchema = z
  .string()
  .check(
    z.minLength(12, 'Use at least 12 characters: three random words work well'),
    z.maxLength(200, 'Use at most 200 characters'),
  );

export const sessionUserSchema = z.object({
  id: nonEmpty(),
  email: nonEmpty(),
  name: nonEmpty(),
  role: roleSchema,
  /** The agencies whose quarterly returns a contributor enters. */
  agencyIds: z.array(idSchema),
  /** The action-plan owner this person is, e.g. "Head of Safeguarding"; they may update those actions. */
  actionOwner: z.nullable(nonEmpty()),
});

/**
 * GET /session: who is signed in. A signed-out request gets 401. `method` says how the person
 * signed in: with a password, through single sign-on (`sso`), or `demo` when the dashboard runs on its demonstration API, which
 * has no accounts.
 */
export const sessionSchema = z.object({
  user: sessionUserSchema,
  method: z.enum(['password', 'sso', 'demo']),
  /** When the session ends at the latest, unless it ends sooner for being idle. */
  expiresAt: z.nullable(z.iso.datetime()),
  /** Minutes without a request after which the session ends. */
  idleMinutes: z.nullable(z.int().check(z.positive())),
});

/**
 * GET /sign-in-options: how people may sign in. `sso` is the organisation's single sign-on, when
 * the board has set it up (the button says "Sign in with <label>" and goes to `startUrl`);
 * `passwordRequired` is false when the board requires single sign-on (only its break-glass
 * administrator keeps a password).
 */
export const signInOptionsSchema = z.object({
  sso: z.nullable(z.object({ label: z.string(), startUrl: z.string() })),
  passwordRequired: z.boolean(),
});

export const signInRequestSchema = z.object({
  email: emailSchema,
  password: z.string().check(z.minLength(1, 'Enter your password'), z.maxLength(200)),
});

/** POST /setup: the first administrator, with the one-time link the data service printed at start. */
export const setupRequestSchema = z.object({
  token: z.string().check(z.minLength(20, 'This set-up link is not complete'), z.maxLength(200)),
  name: z.string().check(z.trim(), z.minLength(1, 'Enter your name'), z.maxLength(100)),
  email: emailSchema,
  password: newPasswordSchema,
});

/** POST /invitations/accept: a person invited by an administrator (or reset) chooses a password. */
export const acceptInvitationRequestSchema = z.object({
  token: z.string().check(z.minLength(20, 'This link is not complete'), z.maxLength(200)),
  password: newPasswordSchema,
});

export type Role = z.infer<typeof roleSchema>;
export type SessionUser = z.infer<typeof sessionUserSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/** GET /admin/sign-in-policy: whether passwords are refused in favour of single sign-on. */
export const signInPolicySchema = z.object({
  /** The administrator's setting. */
  ssoRequired: z.boolean(),
  /** SSO_REQUIRED is set in the data service's environment: required whatever the setting says. */
  requiredByEnvironment: z.boolean(),
  /** Single sign-on is set up (OIDC_*): without it, it cannot be required. */
  ssoAvailable: z.boolean(),
  /** The break-glass administrator (ADMIN_EMAIL), who keeps a password; null if none is set. */
  breakGlassEmail: z.nullable(z.string()),
  version: z.int().check(z.positive()),
});
export type SignInPolicy = z.infer<typeof signInPolicySchema>;

/** PUT /admin/sign-in-policy: require single sign-on, or let passwords be used again. */
export const saveSignInPolicyRequestSchema = z.object({ ssoRequired: z.boolean(), version: z.int() });
