import { useQuery } from '@tanstack/react-query';
import { QueryFailure } from '../../components/query-state';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { apiSend } from '../../api/client';
import { sessionQueries } from '../../api/queries';
import { signInRequestSchema, type SignInRequest } from '../../api/contract';
import { ErrorSummary } from '../../components/form/error-summary';
import { Field } from '../../components/form/field';
import { AccountLayout } from './account-layout';
import { FormFailure } from '../../components/form/form-failure';
import { useCheckedSubmit } from '../../components/form/use-checked-submit';
import { describeAccountFailure } from './account-failure';
import { safeNextPath } from '../../lib/next-path';
import { useStartSession } from './use-start-session';

const labels = { email: 'Email address', password: 'Password' };

export function SignInPage() {
  const id = useId();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [values, setValues] = useState({ email: '', password: '' });
  const signIn = useStartSession((request: SignInRequest) => apiSend('signIn', request), next);
  const { errors, failure, submit } = useCheckedSubmit({
    schema: signInRequestSchema,
    mutation: signIn,
    describe: describeAccountFailure,
    onRefused: () => setValues((v) => ({ ...v, password: '' })),
  });
  const fieldIds = { email: `${id}-email`, password: `${id}-password` };
  // Until the answer comes (or when it fails, as said below) the password form is offered alone.
  const options = useQuery(sessionQueries.signInOptions());
  const sso = options.data?.sso ?? null;

  return (
    <AccountLayout title="Sign in">
      <p>Sign in to see the board’s figures{next !== '/' ? ' and go back to the page you were on' : ''}.</p>
      <QueryFailure
        query={options}
        what="The ways to sign in"
        saySignIn
        missing="only the password sign-in is shown: if your organisation’s own sign-in is used here, try again"
      />
      {sso && (
        <p>
          <a className="button" href={`${sso.startUrl}?next=${encodeURIComponent(next)}`}>
            Sign in with {sso.label}
          </a>
        </p>
      )}
      {sso && <h2>Or sign in with a password</h2>}
      <form className="account-form" onSubmit={(e) => submit(e, values)} noValidate aria-label="Sign in">
        <FormFailure failure={failure} />
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
