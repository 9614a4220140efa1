import { ConflictError, HttpError, describeError, formatPath } from '../api/errors';
import type { z } from '../api/zod';

export type FieldErrors = Record<string, string>;

/** The first message for each field, from the contract's own validation. */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = formatPath(issue.path.slice(0, 1));
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The field errors of a 422 answer, keyed by top-level field. */
export function fieldErrorsFromResponse(error: unknown): FieldErrors {
  if (!(error instanceof HttpError) || error.status !== 422) return {};
  const errors: FieldErrors = {};
  for (const [path, messages] of Object.entries(error.fieldErrors)) {
    const field = path.split(/[.[]/)[0] ?? path;
    if (messages[0]) errors[field] ??= messages[0];
  }
  return errors;
}

/** After a failed save: the server's field errors (422) and a plain sentence saying what happened. */
export function describeSaveFailure(
  error: unknown,
  notDone = 'Your changes were not saved',
): { fieldErrors: FieldErrors; message: string } {
  const fieldErrors = fieldErrorsFromResponse(error);
  if (Object.keys(fieldErrors).length > 0) {
    return {
      fieldErrors,
      message: `${notDone}: the data service found problems with them, shown below.`,
    };
  }
  if (error instanceof ConflictError) {
    return {
      fieldErrors,
      message: `${notDone}: someone else saved this first (see below).`,
    };
  }
  if (error instanceof HttpError && error.status === 401) {
    return {
      fieldErrors,
      message: `${notDone} because your session has ended. Sign in again: what you typed is kept and will be here when you come back.`,
    };
  }
  const { title, detail } = describeError(error);
  return {
    fieldErrors,
    message: `${notDone}. ${title}. ${detail} What you entered is still here, so you can try again.`,
  };
}
