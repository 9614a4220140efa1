import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { z } from '../../api/zod';
import { fieldErrorsFromIssues, type FieldErrors } from '../../lib/field-errors';

interface RequestSchema<R> {
  safeParse(
    input: unknown,
  ): { success: true; data: R } | { success: false; error: { issues: z.core.$ZodIssue[] } };
}

/**
 * What a form that sends one request shares (signing in, adding a person, opening a round): the
 * answers are checked against the request's schema, and any check of the form's own such as a
 * password typed twice, before anything is sent; a refusal is said at the top of the form, in
 * the words `describe` gives, with the fields it names marked.
 */
export function useCheckedSubmit<R, T>({
  schema,
  mutation,
  describe,
  onRefused,
}: {
  schema: RequestSchema<R>;
  mutation: UseMutationResult<T, Error, R>;
  describe: (error: unknown) => { message: string; fieldErrors: FieldErrors };
  /** After the request was refused (signing in forgets the password typed). */
  onRefused?: () => void;
}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  const submit = (event: FormEvent, input: unknown, ownErrors: FieldErrors = {}) => {
    event.preventDefault();
    setFailure(null);
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
        setFailure(message);
        onRefused?.();
      },
    });
  };

  return { errors, failure, submit };
}
