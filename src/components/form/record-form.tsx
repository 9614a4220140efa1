import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import type { FieldErrors } from '../../lib/field-errors';
import { ConflictNotice, type FieldChange } from './conflict-notice';
import { DraftRestoredNotice } from './draft-restored-notice';
import { ErrorSummary } from './error-summary';
import { FormFailure } from './form-failure';

interface Props {
  heading: string;
  headingLevel: 3 | 4;
  /** Why the last save failed, in plain words; the fields keep what was typed. */
  saveError: string | null;
  errors: FieldErrors;
  fieldIds: Record<string, string>;
  labels: Record<string, string>;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  /** Said above the fields: a kept draft restored, or another person's change after a 409. */
  notice?: ReactNode;
  /**
   * False for a form that is part of the page as it is shown (the board's settings), not opened
   * by a press: its heading does not take focus, which would scroll the page to it as it is shown
   * (and move what the person was about to press from under the pointer).
   */
  takesFocus?: boolean;
  children: ReactNode;
}

/**
 * The frame every record-and-save form shares: a heading that takes focus when the form opens,
 * the reason a save failed, the error summary, the fields, and Save and Cancel.
 */
export function RecordForm({
  heading,
  headingLevel,
  saveError,
  errors,
  fieldIds,
  labels,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
  notice,
  takesFocus = true,
  children,
}: Props) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  useEffect(() => {
    if (takesFocus) headingRef.current?.focus();
  }, [takesFocus]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="record-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`} tabIndex={-1} ref={headingRef}>
        {heading}
      </Heading>
      <FormFailure failure={saveError} />
      {notice}
      <ErrorSummary errors={errors} fieldIds={fieldIds} labels={labels} />
      {children}
      <div className="record-form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** What the page gives a form: said when it saved, and called when it is closed unsaved. */
export interface FormDone {
  onDone: (message: string) => void;
  onCancel: () => void;
}

interface KitForm {
  restored: boolean;
  conflict: { who: string; changes: FieldChange[] } | null;
  saveError: string | null;
  errors: FieldErrors;
  fieldIds: Record<string, string>;
  labels: Record<string, string>;
  pending: boolean;
  submit: () => void;
  discard: () => void;
}

/**
 * A form made with `useRecordForm`: the frame above, with the notice it needs (a kept draft
 * restored, or after a 409 the other person's saved record beside what was typed).
 */
export function RecordFormFrame({
  form,
  heading,
  headingLevel = 3,
  submitLabel,
  onClose,
  takesFocus,
  children,
}: {
  form: KitForm;
  heading: string;
  headingLevel?: 3 | 4;
  submitLabel: string;
  onClose: () => void;
  /** See RecordForm. */
  takesFocus?: boolean;
  children: ReactNode;
}) {
  return (
    <RecordForm
      heading={heading}
      headingLevel={headingLevel}
      takesFocus={takesFocus}
      saveError={form.saveError}
      errors={form.errors}
      fieldIds={form.fieldIds}
      labels={form.labels}
      pending={form.pending}
      submitLabel={submitLabel}
      onSubmit={form.submit}
      onCancel={() => {
        form.discard();
        onClose();
      }}
      notice={
        form.conflict ? (
          <ConflictNotice who={form.conflict.who} changes={form.conflict.changes} />
        ) : form.restored ? (
          <DraftRestoredNotice />
        ) : null
      }
    >
      {children}
    </RecordForm>
  );
}

/**
 * A form that stays open and sends one request (signing in, adding a person, opening a round):
 * what is wrong at its top, its fields, and its one button, which says when it is sending.
 */
export function SubmitFormFrame({
  form,
  label,
  heading,
  className = 'record-form',
  submitLabel,
  pendingLabel,
  onSubmit,
  children,
}: {
  form: Pick<KitForm, 'saveError' | 'errors' | 'fieldIds' | 'labels' | 'pending'>;
  /** The form's name when it has no heading of its own. */
  label?: string;
  heading?: string;
  className?: string;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <form
      className={className}
      onSubmit={onSubmit}
      noValidate
      {...(heading ? { 'aria-labelledby': headingId } : { 'aria-label': label })}
    >
      {heading ? (
        <h2 id={headingId} className="panel__title">
          {heading}
        </h2>
      ) : null}
      <FormFailure failure={form.saveError} />
      <ErrorSummary errors={form.errors} fieldIds={form.fieldIds} labels={form.labels} />
      {children}
      <div className="record-form__actions">
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
