import { resolve } from 'node:path';
import { readSsoConfig, type SsoConfig } from './auth/sso-config';
import { MailConfigError, readMailConfig, type MailConfig } from './mail/config';

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
  /**
   * How many reverse proxies stand in front of the service (0: none, X-Forwarded-* ignored).
   * The client's address is the one this many entries from the end of X-Forwarded-For, the one
   * the nearest trusted proxy saw; entries before it are whatever the client sent.
   */
  trustProxy: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** The built dashboard to serve; null serves the API only. */
  staticDir: string | null;
  /** Most bytes a request body may have (publishing a whole imported indicator is the largest). */
  bodyLimitBytes: number;
  /** Connections this instance keeps to PostgreSQL (several instances share the server's limit). */
  databasePoolSize: number;
  /**
   * On SIGTERM, how long the instance goes on answering while `/readyz` says it is draining, so a
   * load balancer stops sending it requests before it stops listening. 5 s on PostgreSQL (several
   * instances); 0 on the embedded database, which one process has to itself.
   */
  shutdownDrainSeconds: number;
  /** Then, how long requests in flight may take to finish before the instance stops anyway. */
  shutdownGraceSeconds: number;
  /** pino's level: `info` logs each request; `warn` only problems. */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Single sign-on through the organisation's OpenID Connect provider; null when not set up. */
  sso: SsoConfig | null;
  /** Email over SMTP; without SMTP_URL mail waits in the outbox, which an administrator sees. */
  mail: MailConfig;
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

function logLevel(text: string | undefined): Config['logLevel'] {
  const level = (text ?? '').trim().toLowerCase() || 'info';
  if (level === 'debug' || level === 'info' || level === 'warn' || level === 'error') return level;
  throw new ConfigError(`LOG_LEVEL must be debug, info, warn or error; it is "${text}".`);
}

/** TRUST_PROXY: false (0), true (1 proxy) or the number of proxies in front, 0 to 10. */
function proxies(env: NodeJS.ProcessEnv): number {
  const text = (env.TRUST_PROXY ?? '').trim();
  if (/^\d+$/.test(text)) return integer(env, 'TRUST_PROXY', 0, 0, 10);
  try {
    return flag(env, 'TRUST_PROXY') ? 1 : 0;
  } catch {
    throw new ConfigError(
      `TRUST_PROXY must be true, false or the number of proxies in front (0 to 10); it is "${env.TRUST_PROXY}".`,
    );
  }
}

function mailConfig(env: NodeJS.ProcessEnv): MailConfig {
  try {
    return readMailConfig(env);
  } catch (error) {
    if (error instanceof MailConfigError) throw new ConfigError(error.message);
    throw error;
  }
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
    trustProxy: proxies(env),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 120, 5, 24 * 60),
    sessionMaxHours: integer(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 30),
    staticDir: env.STATIC_DIR === '' ? null : resolve(cwd, env.STATIC_DIR?.trim() || 'dist'),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    shutdownDrainSeconds: integer(env, 'SHUTDOWN_DRAIN_SECONDS', databaseUrl ? 5 : 0, 0, 600),
    shutdownGraceSeconds: integer(env, 'SHUTDOWN_GRACE_SECONDS', 20, 0, 600),
    logLevel: logLevel(env.LOG_LEVEL),
    sso: readSsoConfig(env, flag),
    mail: mailConfig(env),
  };
}
