import { useRef, useState } from 'react';
import { draftKeys } from '../../lib/form-drafts';
import { useKeptDraft } from '../../lib/use-kept-draft';

/**
 * Which record form of a list is open (`form` for which record `id`, or `new`), the message after
 * a save, and focus back where the form was opened from. `drafts` maps each form to its draft
 * key's prefix: a form whose save failed because the session ended opens again with what was typed.
 */
export function useEditing<F extends string>(drafts: Record<F, string>) {
  const [editing, setEditing] = useKeptDraft<{ form: F; id: string }>(() => {
    for (const [form, prefix] of Object.entries(drafts) as [F, string][]) {
      const [key] = draftKeys(`${prefix}:`);
      if (key) return { form, id: key.slice(prefix.length + 1) };
    }
    return null;
  });
  const [saved, setSaved] = useState<string | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const finish = (message: string | null) => {
    setEditing(null);
    setSaved(message);
    returnFocus.current?.focus();
  };
  return {
    editing,
    saved,
    open(form: F, id: string) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setSaved(null);
      setEditing({ form, id });
    },
    /** Tell the person what a list's own button did (approved, moved), leaving any open form open. */
    say: setSaved,
    /** What a form is handed: done with a message, or cancelled. */
    formProps: { onDone: finish, onCancel: () => finish(null) },
  };
}
