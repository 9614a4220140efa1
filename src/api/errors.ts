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
    /** The data service's id for the request, for a person to quote to support. */
    readonly reference: string | null = null,
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

/**
 * What came back was a sign-in page, not data: a redirect (to a council's single sign-on, say)
 * or an HTML page where JSON was expected. Treated as a 401.
 */
export class SignInRequiredError extends HttpError {
  override readonly name = 'SignInRequiredError';
  constructor(
    url: string,
    readonly reason: 'redirect' | 'html',
  ) {
    super(url, 401, null);
  }
}

export class ContractError extends Error {
  override readonly name = 'ContractError';
  /** Dotted path of the first field that breaks the contract, e.g. `indicators[0].series[2].value`. */
  readonly field: string;
  /** The field is not there at all (rather than there and wrong), when the body was given. */
  readonly missing: boolean;
  constructor(
    readonly url: string,
    readonly issues: readonly z.core.$ZodIssue[],
    body?: unknown,
  ) {
    const first = issues[0];
    const field = first ? formatPath(first.path) : '(response)';
    super(`Response from ${url} breaks the API contract at ${field}: ${first?.message ?? 'invalid'}`);
    this.field = field;
    this.missing = first !== undefined && first.path.length > 0 && isAbsent(body, first.path);
  }
}

/** The first broken field in words: "Its field “series[0].value” is missing." */
function whatIsWrong(error: ContractError): string {
  const first = error.issues[0];
  if (!first) return 'Its data is not as the dashboard expects.';
  return `Its field “${error.field}” ${error.missing ? 'is missing' : 'is not as the dashboard expects'}.`;
}

/** Whether the body has nothing at the path: its last key absent from an object that is there. */
function isAbsent(body: unknown, path: readonly PropertyKey[]): boolean {
  let at: unknown = body;
  for (const key of path.slice(0, -1)) {
    if (typeof at !== 'object' || at === null) return false;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return typeof at === 'object' && at !== null && !(path.at(-1)! in at);
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(response)';
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

/** The service answered that nothing is at the address asked for (404): not a failure to try again. */
export function isNotFound(error: unknown): error is HttpError {
  return error instanceof HttpError && error.status === 404;
}

export function isApiError(error: unknown): error is ApiError {
  return (
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    error instanceof HttpError ||
    error instanceof ContractError
  );
}

export interface ErrorDescription {
  title: string;
  detail: string;
  /** For the data team, behind a disclosure: never in the headline. */
  technical?: string;
  /** The answer is "sign in": the page shows one banner with a sign-in link, not this in every panel. */
  signIn?: boolean;
}

/** The browser's words for code that could not be fetched (Chromium, Firefox, Safari). */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS/i.test(
    message,
  );
}

/** A plain-English explanation for a person, with what they can do about it. */
export function describeError(error: unknown): ErrorDescription {
  if (isChunkLoadError(error)) {
    return {
      title: 'A new version of the dashboard may be available',
      detail:
        'Part of the dashboard could not be loaded: it may have been updated since you opened it, or the connection dropped. Reload the page; nothing you have saved is lost.',
      technical: error instanceof Error ? error.message : String(error),
    };
  }
  if (error instanceof NetworkError) {
    return {
      title: 'We could not reach the data service',
      detail: 'Check your network connection, then try again.',
      technical: `No answer from ${error.url}: the connection failed.`,
    };
  }
  if (error instanceof TimeoutError) {
    return {
      title: 'The data service is not answering',
      detail: `It did not answer within ${Math.round(error.afterMs / 1000)} seconds. Try again in a moment.`,
      technical: `${error.url} did not answer within ${error.afterMs} ms.`,
    };
  }
  if (error instanceof SignInRequiredError) {
    return {
      title: 'You need to sign in',
      detail: 'The data service asked you to sign in before it shows the board’s data.',
      technical:
        error.reason === 'redirect'
          ? `${error.url} answered with a redirect, which the dashboard does not follow.`
          : `${error.url} answered with an HTML page where data was expected.`,
      signIn: true,
    };
  }
  if (error instanceof ConflictError) {
    return {
      title: 'Someone else saved a change first',
      detail: 'Their change is shown beside yours. Nothing you typed has been lost.',
    };
  }
  if (error instanceof HttpError) {
    const description = describeHttpError(error);
    if (!error.reference || description.signIn) return description;
    return { ...description, detail: `${description.detail} Reference: ${error.reference}.` };
  }
  if (error instanceof ContractError) {
    return {
      title: 'The data arrived in a form this dashboard does not understand',
      detail: `${whatIsWrong(error)} Tell your data team; trying again may help if the data has since been fixed.`,
      technical: `${error.url}: the field ${error.field} is not as the API contract says (${error.issues[0]?.message ?? 'invalid'}).`,
    };
  }
  return {
    title: 'Something went wrong showing this panel',
    detail: 'Try again. If it keeps happening, tell your data team.',
    technical: error instanceof Error ? error.message : undefined,
  };
}

function describeHttpError(error: HttpError): ErrorDescription {
  const technical = `${error.url} answered ${error.status}${error.serverMessage ? `: ${error.serverMessage}` : ''}.`;
  if (error.status === 401) {
    return {
      title: 'You need to sign in',
      detail: 'Sign in to see the board’s data.',
      technical,
      signIn: true,
    };
  }
  if (error.status === 403) {
    return {
      title: 'You do not have access to this data',
      detail: 'Ask your board’s business manager to give your account access.',
      technical,
    };
  }
  if (error.status === 404) {
    return {
      title: 'This data could not be found',
      detail: 'It may have been removed or renamed.',
      technical,
    };
  }
  if (error.status >= 500) {
    return {
      title: 'The data service had a problem',
      detail: 'Nothing you did caused this; try again in a moment.',
      technical,
    };
  }
  return {
    title: 'The data service refused the request',
    detail: error.serverMessage ?? `It answered with error ${error.status}.`,
    technical,
  };
}
