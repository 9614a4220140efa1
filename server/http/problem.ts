import { formatPath } from '../../src/api/errors';
import type { z } from '../../src/api/zod';

/**
 * An answer that is not a success, with a message written for the person using the dashboard.
 * Anything else thrown becomes a 500 with a plain message and a reference; the details go to the
 * log, never to the response.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new Problem(404, `${what} was not found.`);

export const forbidden = (message = 'Your account does not allow this. Ask the board’s business unit.') =>
  new Problem(403, message);

export const unauthorised = () =>
  new Problem(401, 'Sign in to see the board’s data. If you were signed in, your session has ended.');

/** The save was based on an older version: 409, with the record as it now stands. */
export const conflict = (what: string, current: unknown) =>
  new Problem(
    409,
    `Someone else saved a change to this ${what} after you opened it. Their version is shown; your changes have not been saved.`,
    { current },
  );

/** 422 with the contract's messages keyed by field path, as the demo API answers. */
export function invalid(
  issues: readonly z.core.$ZodIssue[],
  message = 'Some fields need correcting',
): Problem {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) (fieldErrors[formatPath(issue.path)] ??= []).push(issue.message);
  return new Problem(422, message, { fieldErrors });
}

export function unprocessable(field: string, message: string): Problem {
  return new Problem(422, 'Some fields need correcting', { fieldErrors: { [field]: [message] } });
}
