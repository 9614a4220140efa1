import { useState } from 'react';
import { ConflictError, HttpError } from '../../api/errors';
import { describeSaveFailure, type FieldErrors } from '../../lib/field-errors';
import { dropDraft, keepDraft, readDraft } from '../../lib/form-drafts';

interface Options<V, R extends { version: number }> {
  /** Where what was typed is kept if the session ends, e.g. `audit:macfa-cse-2016`. */
  draftKey: string;
  initial: () => V;
  isValues: (value: unknown) => value is V;
  /** The record the form edits, as the page has it now. */
  record: R;
}

/**
 * The state every versioned record form shares: the values typed (restored from a kept draft
 * after the session ended), the version the save is based on, the field errors, and what to tell
 * the person when a save fails. A 409 keeps the typing, shows the other person's record, and bases
 * the next save on it; a 401 keeps the typing for after signing in again.
 */
export function useRecordForm<V, R extends { version: number }>({
  draftKey,
  initial,
  isValues,
  record,
}: Options<V, R>) {
  const [restored] = useState(() => readDraft(draftKey, isValues));
  const [values, setValues] = useState<V>(() => restored ?? initial());
  const [baseVersion, setBaseVersion] = useState(record.version);
  const [theirs, setTheirs] = useState<R | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);

  return {
    values,
    setValues,
    /** The kept draft this form opened with, if any. */
    restored: restored !== null,
    baseVersion,
    /** The record as someone else saved it, after a 409. */
    theirs,
    errors,
    setErrors,
    saveError,
    startSave() {
      setSaveError(null);
    },
    failed(error: unknown) {
      if (error instanceof ConflictError) {
        const current = error.current as R;
        setTheirs(current);
        setBaseVersion(current.version);
      }
      if (error instanceof HttpError && error.status === 401) keepDraft(draftKey, values);
      const failure = describeSaveFailure(error);
      setErrors(failure.fieldErrors);
      setSaveError(failure.message);
    },
    finished() {
      dropDraft(draftKey);
    },
  };
}
