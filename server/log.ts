import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream } from 'pino';

/** What the data service writes to its log; every line a request causes carries its id. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, error?: unknown, fields?: Record<string, unknown>): void;
}

/** The request being answered, for every log line written while answering it. */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Fields that must never reach a log line, whoever passes them: passwords, tokens, cookies and
 * what a return holds. The service logs only what it chooses; this is the net beneath that.
 */
const REDACTED = [
  'password',
  'newPassword',
  'token',
  'cookie',
  'authorization',
  'figures',
  'values',
  'note',
  '*.password',
  '*.token',
  '*.cookie',
  '*.authorization',
  'headers.cookie',
  'headers.authorization',
];

/** JSON lines (pino), one object per line, with the request id where there is one. */
export function jsonLogger(
  options: { level?: string; destination?: DestinationStream; base?: Record<string, unknown> } = {},
): Logger {
  const log = pino(
    {
      level: options.level ?? 'info',
      base: { service: 'safeguarding-board', pid: process.pid, ...options.base },
      redact: { paths: REDACTED, censor: '[redacted]' },
      mixin: () => {
        const scope = requestScope.getStore();
        return scope ? { requestId: scope.requestId } : {};
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    // Written in the background: a request's line no longer waits for the write (a tenth of a
    // cached read's time, issue 22). pino writes what is left synchronously when the process
    // exits, however it exits short of being killed.
    options.destination ?? pino.destination({ fd: 1, sync: false }),
  );
  return {
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, error, fields) =>
      log.error({ ...fields, ...(error === undefined ? {} : { err: error }) }, message),
  };
}

/** For tests: says nothing. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
