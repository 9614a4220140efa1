import { Field } from '../../components/form/field';

/** A new password typed twice, with the rule said up front. */
export function PasswordFields({
  ids,
  values,
  errors,
  onChange,
}: {
  ids: { password: string; confirm: string };
  values: { password: string; confirm: string };
  errors: { password?: string | undefined; confirm?: string | undefined };
  onChange: (values: { password: string; confirm: string }) => void;
}) {
  return (
    <>
      <Field
        label="New password"
        hint="At least 12 characters. Three random words work well, for example ‘kettle orchard lantern’."
        error={errors.password}
        id={ids.password}
      >
        <input
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(e) => onChange({ ...values, password: e.target.value })}
        />
      </Field>
      <Field label="Type the password again" error={errors.confirm} id={ids.confirm}>
        <input
          type="password"
          autoComplete="new-password"
          value={values.confirm}
          onChange={(e) => onChange({ ...values, confirm: e.target.value })}
        />
      </Field>
    </>
  );
}

export function confirmError(values: { password: string; confirm: string }): string | null {
  return values.password !== values.confirm ? 'The two passwords are not the same' : null;
}
