import { ConfigError } from '../config';

/** Single sign-on settings, from the OIDC_* environment variables (README "Running it for a board"). */
export interface SsoConfig {
  /** The provider's issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in button says: "Sign in with <label>". */
  label: string;
  /** Email domains whose verified addresses may sign in this way (lower case). */
  emailDomains: string[];
  /** Of those, the domains whose people may ask for a viewer account (an administrator approves it). */
  selfSignUpDomains: string[];
  /** Passwords are refused, except for the break-glass administrator (ADMIN_EMAIL). */
  required: boolean;
}

const domains = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter((d) => d.length > 0);

export function readSsoConfig(
  env: NodeJS.ProcessEnv,
  flag: (env: NodeJS.ProcessEnv, name: string) => boolean,
): SsoConfig | null {
  const issuer = env.OIDC_ISSUER?.trim() || null;
  const clientId = env.OIDC_CLIENT_ID?.trim() || null;
  const clientSecret = env.OIDC_CLIENT_SECRET || null;
  const required = flag(env, 'SSO_REQUIRED');
  if (!issuer && !clientId && !clientSecret) {
    if (required)
      throw new ConfigError('SSO_REQUIRED needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.');
    return null;
  }
  if (!issuer || !clientId || !clientSecret) {
    throw new ConfigError('Set all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none.');
  }
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError(`OIDC_ISSUER must be a URL; it is "${issuer}".`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError('OIDC_ISSUER must be an https:// address.');
  }
  const emailDomains = domains(env.OIDC_EMAIL_DOMAINS);
  if (emailDomains.length === 0) {
    throw new ConfigError(
      'OIDC_EMAIL_DOMAINS must list the email domains that may sign in, e.g. council.gov.uk,nhs.net.',
    );
  }
  const selfSignUpDomains = domains(env.OIDC_SELF_SIGN_UP_DOMAINS);
  const stray = selfSignUpDomains.find((d) => !emailDomains.includes(d));
  if (stray)
    throw new ConfigError(`OIDC_SELF_SIGN_UP_DOMAINS has "${stray}", which is not in OIDC_EMAIL_DOMAINS.`);
  return {
    issuer,
    clientId,
    clientSecret,
    label: env.OIDC_LABEL?.trim() || 'your organisation',
    emailDomains,
    selfSignUpDomains,
    required,
  };
}
