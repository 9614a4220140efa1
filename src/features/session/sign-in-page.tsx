import { useQuery } from '@tanstack/react-query';
import { QueryFailure } from '../../components/query-state';
import { useSearchParams } from 'react-router';
import { apiSend } from '../../api/client';
import { sessionQueries } from '../../api/queries';
import { signInRequestSchema, type SignInRequest } from '../../api/contract';
import { InputField } from '../../components/form/fields';
import { SubmitFormFrame } from '../../components/form/record-form';
import { AccountLayout } from './account-layout';
import { useCheckedSubmit } from '../../components/form/use-checked-submit';
import { describeAccountFailure } from './account-failure';
import { safeNextPath } from '../../lib/next-path';
import { useStartSession } from './use-start-session';

const labels = { email: 'Email address', password: 'Password' };

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const signIn = useStartSession((request: SignInRequest) => apiSend('signIn', request), next);
  const form = useCheckedSubmit({
    initial: { email: '', password: '' },
    labels,
    schema: signInRequestSchema,
    mutation: signIn,
    describe: describeAccountFailure,
    onRefused: (): void => form.set('password', ''),
  });
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
      <SubmitFormFrame
        form={form}
        className="account-form"
        label="Sign in"
        submitLabel="Sign in"
        pendingLabel="Signing in…"
        onSubmit={(e) => form.submit(e, form.values)}
      >
        <InputField
          form={form}
          name="email"
          type="email"
          autoComplete="username"
          spellCheck={false}
          label={labels.email}
        />
        <InputField
          form={form}
          name="password"
          type="password"
          autoComplete="current-password"
          label={labels.password}
        />
      </SubmitFormFrame>
      <p className="account-card__help">
        Forgotten your password, or no account yet? Ask your board’s business unit for a sign-in link.
      </p>
    </AccountLayout>
  );
}
