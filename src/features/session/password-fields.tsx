import { InputField, type FormLike } from '../../components/form/fields';

/** A new password typed twice, with the rule said up front. */
export function PasswordFields<V extends { password: string; confirm: string }>({
  form,
}: {
  form: FormLike<V>;
}) {
  const bound = form as unknown as FormLike<{ password: string; confirm: string }>;
  return (
    <>
      <InputField
        form={bound}
        name="password"
        type="password"
        autoComplete="new-password"
        label="New password"
        hint="At least 12 characters. Three random words work well, for example ‘kettle orchard lantern’."
      />
      <InputField
        form={bound}
        name="confirm"
        type="password"
        autoComplete="new-password"
        label="Type the password again"
      />
    </>
  );
}

export function confirmError(values: { password: string; confirm: string }): string | null {
  return values.password !== values.confirm ? 'The two passwords are not the same' : null;
}
