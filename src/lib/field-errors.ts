import { ConflictError, HttpError, describeError, formatPath } from '../api/errors';
import type { z } from '../api/zod';

export type FieldErrors = Record<string, string>;

/** Names for fields, by path (`name`, `area.laCode`), for messages that must say which field is wrong. */
export type FieldLabels = Readonly<Record<string, string>>;

/** zod's own message when a check was given none: it says neither the field nor what is wrong. */
const isGeneric = (message: string) => /^Invalid\b/.test(message.trim());

/** "recommendationsPage" to "Recommendations page", when no label is given. */
function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function labelOf(path: string, labels: FieldLabels): string {
  if (labels[path]) return labels[path];
  const last = path
    .split(/[.[\]]/)
    .filter((k) => k && !/^\d+$/.test(k))
    .at(-1);
  return last ? (labels[last] ?? humanise(last)) : 'This field';
}

type IssueLike = Pick<z.core.$ZodIssue, 'code' | 'message'> & {
  expected?: unknown;
  format?: unknown;
  origin?: unknown;
};

/**
 * A field's message that names the field and says what is wrong: the contract's own message where
 * it gives one, and otherwise (zod's bare "Invalid input") one made from the kind of problem.
 */
export function fieldMessage(path: string, issue: IssueLike, labels: FieldLabels = {}): string {
  if (!isGeneric(issue.message)) return issue.message;
  const label = labelOf(path, labels);
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array' ? `${label} needs at least one entry` : `${label} is needed`;
    case 'invalid_format':
      return issue.format === 'date'
        ? `${label} needs a real date, such as 31 March 2018`
        : `${label} is not in the form expected`;
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int'
        ? `${label} needs a whole number`
        : `${label} is needed`;
    case 'invalid_value':
      return `${label}: choose one of the options`;
    default:
      return `${label} is not in the form expected`;
  }
}

/** The first message for each field, from the contract's own validation, naming the field. */
export function fieldErrorsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  labels: FieldLabels = {},
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = formatPath(issue.path.slice(0, 1));
    errors[field] ??= fieldMessage(formatPath(issue.path), issue, labels);
  }
  return errors;
}

/** The field errors of a 422 answer, keyed by top-level field, each naming its field. */
export function fieldErrorsFromResponse(error: unknown, labels: FieldLabels = {}): FieldErrors {
  if (!(error instanceof HttpError) || error.status !== 422) return {};
  const errors: FieldErrors = {};
  for (const [path, messages] of Object.entries(error.fieldErrors)) {
    const field = path.split(/[.[]/)[0] ?? path;
    if (messages[0]) errors[field] ??= fieldMessage(path, { code: 'custom', message: messages[0] }, labels);
  }
  return errors;
}

/** After a failed save: the server's field errors (422) and a plain sentence saying what happened. */
export function describeSaveFailure(
  error: unknown,
  notDone = 'Your changes were not saved',
  labels: FieldLabels = {},
): { fieldErrors: FieldErrors; message: string } {
  const fieldErrors = fieldErrorsFromResponse(error, labels);
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
