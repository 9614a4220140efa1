import { resolve } from 'node:path';
import { readSsoConfig, type SsoConfig } from './auth/sso-config';

/** The data service's settings, from environment variables; README "Running it for a board". */
export interface Config {
  host: string;
  port: number;
  /** Folder of the embedded database, when `databaseUrl` is not set. */
  dataDir: string;
  databaseUrl: string | null;
  /** `demo` loads the demo board into an empty database; `none` starts empty. */
  seed: 'demo' | 'none';
  adminEmail: string | null;
  adminPassword: string | null;
  adminName: string;
  /** The address people use, `https://safeguarding.example.gov.uk`; links and the Origin check use it. */
  publicUrl: string | null;
  /** Believe X-Forwarded-Proto/Host/For from a reverse proxy in front of the service. */
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** The built dashboard to serve; null serves the API only. */
  staticDir: string | null;
  /** Most bytes a request body may have (publishing a whole imported indicator is the largest). */
  bodyLimitBytes: number;
  /** Single sign-on through the organisation's OpenID Connect provider; null when not set up. */
  sso: SsoConfig | null;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${text}".`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const text = (env[name] ?? '').trim().toLowerCase();
  if (['', '0', 'false', 'no', 'off'].includes(text)) return false;
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  throw new ConfigError(`${name} must be true or false; it is "${env[name]}".`);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const seed = (env.SEED ?? 'demo').trim().toLowerCase();
  if (seed !== 'demo' && seed !== 'none') {
    throw new ConfigError(`SEED must be "demo" or "none"; it is "${env.SEED}".`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(?:ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://.');
  }
  const publicUrl = env.PUBLIC_URL?.trim().replace(/\/+$/, '') || null;
  if (publicUrl && !/^https?:\/\/[^/]+$/.test(publicUrl)) {
    throw new ConfigError(
      `PUBLIC_URL must be an origin such as https://safeguarding.example.gov.uk; it is "${publicUrl}".`,
    );
  }
  const adminEmail = env.ADMIN_EMAIL?.trim() || null;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError('Set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither.');
  }
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0, 65535),
    dataDir: resolve(cwd, env.DATA_DIR?.trim() || 'data'),
    databaseUrl,
    seed,
    adminEmail,
    adminPassword,
    adminName: env.ADMIN_NAME?.trim() || 'Administrator',
    publicUrl,
    trustProxy: flag(env, 'TRUST_PROXY'),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 120, 5, 24 * 60),
    sessionMaxHours: integer(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 30),
    staticDir: env.STATIC_DIR === '' ? null : resolve(cwd, env.STATIC_DIR?.trim() || 'dist'),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    sso: readSsoConfig(env, flag),
  };
}
