import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { z } from '../../api/zod';
import { fieldErrorsFromIssues, type FieldErrors } from '../../lib/field-errors';
import { useFieldValues } from './use-field-values';

interface RequestSchema<R> {
  safeParse(
    input: unknown,
  ): { success: true; data: R } | { success: false; error: { issues: z.core.$ZodIssue[] } };
}

/**
 * What a form that stays open and sends one request shares (signing in, choosing a password,
 * opening a round): the values typed, bound to the kit's fields; the answers checked against the
 * request's schema, and any check of the form's own such as a password typed twice, before anything
 * is sent; a refusal said at the top of the form, in the words `describe` gives, with the fields it
 * names marked. Nothing is kept as a draft: these forms carry passwords, or are quickly typed again.
 */
export function useCheckedSubmit<V extends object, R, T>({
  initial,
  labels,
  schema,
  mutation,
  describe,
  onRefused,
}: {
  initial: V;
  /** The field names in words, for the error summary. */
  labels: Record<string, string>;
  schema: RequestSchema<R>;
  mutation: UseMutationResult<T, Error, R>;
  describe: (error: unknown) => { message: string; fieldErrors: FieldErrors };
  /** After the request was refused (signing in forgets the password typed). */
  onRefused?: () => void;
}) {
  const fields = useFieldValues(initial, labels);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);

  const submit = (event: FormEvent, input: unknown, ownErrors: FieldErrors = {}) => {
    event.preventDefault();
    setSaveError(null);
    const parsed = schema.safeParse(input);
    if (!parsed.success || Object.keys(ownErrors).length > 0) {
      setErrors({ ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)), ...ownErrors });
      return;
    }
    setErrors({});
    mutation.mutate(parsed.data, {
      onError: (error) => {
        const { message, fieldErrors } = describe(error);
        setErrors(fieldErrors);
        setSaveError(message);
        onRefused?.();
      },
    });
  };

  return {
    ...fields,
    errors,
    saveError,
    labels,
    pending: mutation.isPending,
    submit,
  };
}
