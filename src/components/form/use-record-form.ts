import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { ConflictError, HttpError } from '../../api/errors';
import type { z } from '../../api/zod';
import { describeSaveFailure, fieldErrorsFromIssues, type FieldErrors } from '../../lib/field-errors';
import { dropDraft, keepDraft, readDraft } from '../../lib/form-drafts';
import type { FieldChange } from './conflict-notice';
import { useFieldValues } from './use-field-values';

export interface RequestSchema<R> {
  safeParse(
    input: unknown,
  ): { success: true; data: R } | { success: false; error: { issues: z.core.$ZodIssue[] } };
}

interface Options<V extends object, Req, Res, R extends { version: number }> {
  /** Where what was typed is kept if the session ends, e.g. `audit:macfa-cse-2016`. */
  draftKey: string;
  initial: () => V;
  /** The field names in words, for the error summary and the conflict notice. */
  labels: Partial<Record<keyof V & string, string>> & Record<string, string>;
  /** Words for the request's nested fields (`area.name`), so that a message names the one it is about. */
  fieldLabels?: Record<string, string>;
  /** The request the values make, checked against the contract before anything is sent. */
  schema: RequestSchema<Req>;
  toRequest: (values: V, version: number) => unknown;
  /** The mutation that sends it (its hook keeps the page's data in step). */
  save: UseMutationResult<Res, Error, Req>;
  onSaved: (saved: Res, request: Req) => void;
  /** The record the form edits, as the page has it now; absent for a form that adds one. */
  record?: R;
  /** A field whose error is shown elsewhere than its own control (a group's first input). */
  fieldIds?: Partial<Record<string, string>>;
  /** Named in the conflict notice after a 409: "this audit". */
  who?: string;
  /** Their saved record beside the values typed, field by field, in words, after a 409. */
  compare?: (theirs: R, yours: V) => FieldChange[];
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * Everything a record form shares, so that a form is its fields and its endpoint: the values
 * typed (restored from a kept draft after the session ended), the request checked against the
 * contract, the version the save is based on, field errors, and what to tell the person when a save
 * fails. A 409 keeps the typing, shows the other person's record, and bases the next save on it; a
 * 401 keeps the typing for after signing in again.
 */
export function useRecordForm<
  V extends object,
  Req,
  Res,
  R extends { version: number } = { version: number },
>(options: Options<V, Req, Res, R>) {
  const { draftKey, initial, labels, schema, toRequest, save, onSaved, record } = options;
  const [restored] = useState(() =>
    readDraft(draftKey, (value): value is V => {
      if (!isObject(value)) return false;
      const start = initial() as Record<string, unknown>;
      return Object.keys(start).every(
        (key) => typeof (value as Record<string, unknown>)[key] === typeof start[key],
      );
    }),
  );
  const fields = useFieldValues<V>(() => restored ?? initial(), labels, options.fieldIds);
  const { values } = fields;
  const [baseVersion, setBaseVersion] = useState(record?.version ?? 0);
  const [theirs, setTheirs] = useState<R | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);

  const failed = (error: unknown) => {
    if (error instanceof ConflictError) {
      const current = error.current as R;
      setTheirs(current);
      setBaseVersion(current.version);
    }
    if (error instanceof HttpError && error.status === 401) keepDraft(draftKey, values);
    const failure = describeSaveFailure(error, undefined, options.fieldLabels);
    setErrors(failure.fieldErrors);
    setSaveError(failure.message);
  };

  return {
    ...fields,
    /** The kept draft this form opened with, if any. */
    restored: restored !== null,
    /** The record as someone else saved it, after a 409. */
    theirs,
    /** After a 409: who to name, and where their saved record and the typing differ. */
    conflict:
      theirs && options.compare
        ? { who: options.who ?? 'this record', changes: options.compare(theirs, values) }
        : null,
    errors,
    saveError,
    labels,
    pending: save.isPending,
    submit() {
      setSaveError(null);
      const parsed = schema.safeParse(toRequest(values, baseVersion));
      if (!parsed.success) {
        setErrors(fieldErrorsFromIssues(parsed.error.issues, options.fieldLabels));
        return;
      }
      setErrors({});
      const request = parsed.data;
      save.mutate(request, {
        onSuccess: (saved) => {
          dropDraft(draftKey);
          // A form that stays open after saving bases its next save on what it saved.
          if (isObject(saved) && 'version' in saved && typeof saved.version === 'number') {
            setBaseVersion(saved.version);
          }
          setTheirs(null);
          onSaved(saved, request);
        },
        onError: failed,
      });
    },
    /** Closing the form forgets any kept draft. */
    discard() {
      dropDraft(draftKey);
    },
    /** A form that stays open, on Cancel: back to `to`, with nothing said against it. */
    reset(to: V) {
      fields.setValues(to);
      setErrors({});
      setSaveError(null);
      setTheirs(null);
    },
  };
}

export type RecordFormState<V extends object> = Pick<
  ReturnType<typeof useRecordForm<V, unknown, unknown>>,
  'values' | 'set' | 'errors' | 'fieldIds' | 'id'
>;
