import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { apiSend } from '../../api/client';
import { signInRequestSchema, type SignInRequest } from '../../api/contract';
import { ErrorSummary } from '../../components/form/error-summary';
import { Field } from '../../components/form/field';
import { fieldErrorsFromIssues, type FieldErrors } from '../../lib/field-errors';
import { AccountLayout } from './account-layout';
import { describeAccountFailure } from './account-failure';
import { safeNextPath } from '../../lib/next-path';
import { useStartSession } from './use-start-session';

const labels = { email: 'Email address', password: 'Password' };

export function SignInPage() {
  const id = useId();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [values, setValues] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const signIn = useStartSession((request: SignInRequest) => apiSend('signIn', request), next);
  const fieldIds = { email: `${id}-email`, password: `${id}-password` };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const parsed = signInRequestSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    signIn.mutate(parsed.data, {
      onError: (error) => {
        const { message, fieldErrors } = describeAccountFailure(error);
        setErrors(fieldErrors);
        setFailure(message);
        setValues((v) => ({ ...v, password: '' }));
      },
    });
  };

  return (
    <AccountLayout title="Sign in">
      <p>Sign in to see the board’s figures{next !== '/' ? ' and go back to the page you were on' : ''}.</p>
      <form className="account-form" onSubmit={submit} noValidate aria-label="Sign in">
        {failure ? (
          <p className="record-form__failure" role="alert">
            {failure}
          </p>
        ) : null}
        <ErrorSummary errors={errors} fieldIds={fieldIds} labels={labels} />
        <Field label={labels.email} error={errors.email} id={fieldIds.email}>
          <input
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={values.email}
            onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))}
          />
        </Field>
        <Field label={labels.password} error={errors.password} id={fieldIds.password}>
          <input
            type="password"
            autoComplete="current-password"
            value={values.password}
            onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
          />
        </Field>
        <div className="record-form__actions">
          <button type="submit" className="button" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
      <p className="account-card__help">
        Forgotten your password, or no account yet? Ask your board’s business unit for a sign-in link.
      </p>
    </AccountLayout>
  );
}
