import { useId, useState } from 'react';

/**
 * The values a form's fields are bound to, and each field's id (for its label and the error
 * summary's link): what `useRecordForm` and `useCheckedSubmit` both hold.
 */
export function useFieldValues<V extends object>(
  initial: V | (() => V),
  labels: Record<string, string>,
  ids: Partial<Record<string, string>> = {},
) {
  const id = useId();
  const [values, setValues] = useState<V>(initial);
  return {
    id,
    values,
    setValues,
    /** Set one field to what was typed. */
    set<K extends keyof V>(name: K, value: V[K]) {
      setValues((v) => ({ ...v, [name]: value }));
    },
    fieldIds: Object.fromEntries(
      Object.keys(labels).map((name) => [name, ids[name] ?? `${id}-${name}`]),
    ) as Record<string, string>,
  };
}
