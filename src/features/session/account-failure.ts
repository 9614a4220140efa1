import { describeError, HttpError } from '../../api/errors';
import { fieldErrorsFromResponse, type FieldErrors } from '../../lib/field-errors';

/**
 * Why a sign-in or password form failed, in the data service's own words where it gave them
 * (a wrong password, a locked address, a used link), with any field errors.
 */
export function describeAccountFailure(error: unknown): { message: string; fieldErrors: FieldErrors } {
  const fieldErrors = fieldErrorsFromResponse(error);
  if (Object.keys(fieldErrors).length > 0) {
    return { message: 'Some answers need correcting, shown below.', fieldErrors };
  }
  if (error instanceof HttpError && error.serverMessage && error.status < 500) {
    return { message: error.serverMessage, fieldErrors };
  }
  const { title, detail } = describeError(error);
  return { message: `${title}. ${detail}`, fieldErrors };
}
