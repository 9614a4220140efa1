import { useRef, useState } from 'react';
import { draftKeys } from '../../lib/form-drafts';

export interface Editing<F extends string> {
  form: F;
  id: string;
}

/**
 * Which form of a list of records is open (`id` 'new' for adding one), with the saved line and
 * focus returned where it was when the form closes. `drafts` names each form by the prefix of its
 * draft key (`chart-event` for `chart-event:<id>`): a form whose save failed because the session
 * ended opens again with what was typed.
 */
export function useListEditing<F extends string>(drafts: Record<string, F>) {
  const [editing, setEditing] = useState<Editing<F> | null>(() => {
    const [key] = Object.keys(drafts).flatMap((prefix) => draftKeys(`${prefix}:`));
    if (!key) return null;
    const [prefix, id] = key.split(':') as [string, string];
    return { form: drafts[prefix]!, id };
  });
  const [saved, setSaved] = useState<string | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const open = (form: F, id: string) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSaved(null);
    setEditing({ form, id });
  };
  const finish = (message: string | null) => {
    setEditing(null);
    setSaved(message);
    returnFocus.current?.focus();
  };
  return { editing, saved, open, finish };
}
