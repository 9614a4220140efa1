import type { InputHTMLAttributes, ReactNode } from 'react';
import type { FieldErrors } from '../../lib/field-errors';
import { Field } from './field';

/** What a bound field needs of the form it is in (`useRecordForm` and `useCheckedSubmit` give it). */
export interface FormLike<V> {
  values: V;
  set<K extends keyof V>(name: K, value: V[K]): void;
  errors: FieldErrors;
  fieldIds: Record<string, string>;
}

type KeysOf<V, T> = { [K in keyof V]: V[K] extends T ? K : never }[keyof V] & string;

interface Bound<V, T> {
  form: FormLike<V>;
  name: KeysOf<V, T>;
  label: string;
  hint?: string;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'name' | 'value' | 'onChange'>;

/** A text, date or number input bound to one field of a record form. */
export function InputField<V>({ form, name, label, hint, ...input }: Bound<V, string> & InputProps) {
  return (
    <Field label={label} hint={hint} error={form.errors[name]} id={form.fieldIds[name]}>
      <input
        type="text"
        {...input}
        value={form.values[name] as string}
        onChange={(e) => form.set(name, e.target.value as V[typeof name])}
      />
    </Field>
  );
}

/** A whole number typed as text: empty means none. */
export function CountField<V>(props: Bound<V, string> & { min?: number; max?: number }) {
  return <InputField type="number" inputMode="numeric" step={1} min={props.min ?? 0} {...props} />;
}

/** A choice from a fixed list, value → words. */
export function SelectField<V>({
  form,
  name,
  label,
  hint,
  options,
}: Bound<V, string> & { options: Record<string, string> | readonly (readonly [string, string])[] }) {
  const entries = Array.isArray(options) ? options : Object.entries(options);
  return (
    <Field label={label} hint={hint} error={form.errors[name]} id={form.fieldIds[name]}>
      <select
        value={form.values[name] as string}
        onChange={(e) => form.set(name, e.target.value as V[typeof name])}
      >
        {entries.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** One yes-or-no choice. */
export function CheckboxField<V>({
  form,
  name,
  label,
}: {
  form: FormLike<V>;
  name: KeysOf<V, boolean>;
  label: string;
}) {
  return (
    <label className="checkbox">
      <input
        id={form.fieldIds[name]}
        type="checkbox"
        checked={form.values[name] as boolean}
        onChange={(e) => form.set(name, e.target.checked as V[typeof name])}
      />
      {label}
    </label>
  );
}

/** Running text. */
export function TextAreaField<V>({
  form,
  name,
  label,
  hint,
  rows = 3,
  maxLength,
}: Bound<V, string> & { rows?: number; maxLength?: number }) {
  return (
    <Field label={label} hint={hint} error={form.errors[name]} id={form.fieldIds[name]}>
      <textarea
        rows={rows}
        maxLength={maxLength}
        value={form.values[name] as string}
        onChange={(e) => form.set(name, e.target.value as V[typeof name])}
      />
    </Field>
  );
}

/**
 * A group of inputs under one legend with one error (grades, agencies taking part); the
 * error summary links to the group's first input, whose id is the field's.
 */
export function FieldGroup({
  legend,
  error,
  errorId,
  id,
  className = '',
  children,
}: {
  legend: string;
  error: string | undefined;
  errorId: string;
  /** The group's own id, where the error summary links to the group rather than its first input. */
  id?: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      id={id}
      tabIndex={id ? -1 : undefined}
      className={`${className}${error ? ' field--error' : ''}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{legend}</legend>
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** Several choices ticked from a list, value → words; the field holds the values ticked. */
export function ChecksField<V>({
  form,
  name,
  legend,
  options,
}: {
  form: FormLike<V>;
  name: KeysOf<V, string[]>;
  legend: string;
  options: readonly (readonly [string, string])[];
}) {
  const chosen = form.values[name] as string[];
  const firstId = form.fieldIds[name];
  return (
    <FieldGroup
      legend={legend}
      error={form.errors[name]}
      errorId={`${firstId}-error`}
      className="record-form__checks"
    >
      {options.map(([value, words], i) => (
        <label key={value} className="checkbox">
          <input
            type="checkbox"
            id={i === 0 ? firstId : undefined}
            checked={chosen.includes(value)}
            onChange={(e) =>
              form.set(
                name,
                (e.target.checked ? [...chosen, value] : chosen.filter((c) => c !== value)) as V[typeof name],
              )
            }
          />{' '}
          {words}
        </label>
      ))}
    </FieldGroup>
  );
}
