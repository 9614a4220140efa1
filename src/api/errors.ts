import type { z } from './zod';

/** Every failure the API client reports is one of these, so panels can explain it plainly. */
export type ApiError = NetworkError | TimeoutError | HttpError | ConflictError | ContractError;

export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(`Could not reach ${url}`, options);
  }
}

export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(
    readonly url: string,
    readonly afterMs: number,
  ) {
    super(`No answer from ${url} after ${afterMs / 1000} seconds`);
  }
}

export class HttpError extends Error {
  override readonly name: string = 'HttpError';
  constructor(
    readonly url: string,
    readonly status: number,
    /** The server's own message, when its error body follows the contract. */
    readonly serverMessage: string | null,
    /** Field errors of a 422 response, keyed by field name. */
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(`HTTP ${status} from ${url}${serverMessage ? `: ${serverMessage}` : ''}`);
  }
}

/**
 * 409: the save was based on a version someone has since changed. `current` is the record as it
 * now stands, already checked against the contract, so a form can show the other person's change.
 */
export class ConflictError extends HttpError {
  override readonly name = 'ConflictError';
  constructor(
    url: string,
    serverMessage: string,
    readonly current: unknown,
  ) {
    super(url, 409, serverMessage);
  }
}

export class ContractError extends Error {
  override readonly name = 'ContractError';
  /** Dotted path of the first field that breaks the contract, e.g. `indicators[0].series[2].value`. */
  readonly field: string;
  constructor(
    readonly url: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    const first = issues[0];
    const field = first ? formatPath(first.path) : '(response)';
    super(`Response from ${url} breaks the API contract at ${field}: ${first?.message ?? 'invalid'}`);
    this.field = field;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(response)';
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

export function isApiError(error: unknown): error is ApiError {
  return (
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    error instanceof HttpError ||
    error instanceof ContractError
  );
}

/** A plain-English explanation for a person, with what they can do about it. */
export function describeError(error: unknown): { title: string; detail: string } {
  if (error instanceof NetworkError) {
    return {
      title: 'We could not reach the data service',
      detail: 'Check your network connection, then try again.',
    };
  }
  if (error instanceof TimeoutError) {
    return {
      title: 'The data service is taking too long to answer',
      detail: `It did not reply within ${error.afterMs / 1000} seconds. Try again in a moment.`,
    };
  }
  if (error instanceof ConflictError) {
    return {
      title: 'Someone else saved a change first',
      detail: 'Their change is shown beside yours. Nothing you typed has been lost.',
    };
  }
  if (error instanceof HttpError) {
    if (error.status === 401) {
      return {
        title: 'Your session has ended',
        detail: 'Sign in again to see the board’s data, then try again.',
      };
    }
    if (error.status === 403) {
      return {
        title: 'You do not have access to this data',
        detail: 'Ask your board’s business manager to give your account access.',
      };
    }
    if (error.status === 404) {
      return {
        title: 'This data could not be found',
        detail: 'It may have been removed or renamed. Check the address, or go back to the overview.',
      };
    }
    if (error.status >= 500) {
      return {
        title: 'The data service had a problem',
        detail: `It answered with error ${error.status}. Nothing you did caused this; try again in a moment.`,
      };
    }
    return {
      title: 'The data service refused the request',
      detail: error.serverMessage ?? `It answered with error ${error.status}.`,
    };
  }
  if (error instanceof ContractError) {
    return {
      title: 'The data arrived in a form this dashboard does not understand',
      detail: `The field “${error.field}” is not as the API contract says (${error.issues[0]?.message ?? 'invalid'}). Tell your data team; trying again may help if the data has since been fixed.`,
    };
  }
  return {
    title: 'Something went wrong showing this panel',
    detail: 'Try again. If it keeps happening, tell your data team.',
  };
}
