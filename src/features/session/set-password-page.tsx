import { Link } from 'react-router';
import { apiSend } from '../../api/client';
import { acceptInvitationRequestSchema, setupRequestSchema } from '../../api/contract';
import { InputField } from '../../components/form/fields';
import { SubmitFormFrame } from '../../components/form/record-form';
import { AccountLayout } from './account-layout';
import type { FieldErrors } from '../../lib/field-errors';
import { useCheckedSubmit } from '../../components/form/use-checked-submit';
import { describeAccountFailure } from './account-failure';
import { confirmError, PasswordFields } from './password-fields';
import { useLinkToken } from './use-link-token';
import { useStartSession } from './use-start-session';

function MissingLink({ what }: { what: string }) {
  return (
    <>
      <p role="alert" className="record-form__failure">
        This page needs the whole of {what}. Copy the link again, all of it, into the address bar.
      </p>
      <p>
        Already have a password? <Link to="/sign-in">Sign in</Link>.
      </p>
    </>
  );
}

/** The form's own check: the password typed the same twice. */
function ownErrors(values: { password: string; confirm: string }): FieldErrors {
  const mismatch = confirmError(values);
  return mismatch ? { confirm: mismatch } : {};
}

/** `/set-password#<token>`: a person invited by the administrator (or given a reset) chooses a password. */
export function SetPasswordPage() {
  const token = useLinkToken();
  const accept = useStartSession(
    (request: { token: string; password: string }) => apiSend('acceptInvitation', request),
    '/',
  );
  const form = useCheckedSubmit({
    initial: { password: '', confirm: '' },
    labels: { password: 'New password', confirm: 'Type the password again' },
    schema: acceptInvitationRequestSchema,
    mutation: accept,
    describe: describeAccountFailure,
  });

  if (!token) {
    return (
      <AccountLayout title="Choose your password">
        <MissingLink what="the link you were sent" />
      </AccountLayout>
    );
  }

  return (
    <AccountLayout title="Choose your password">
      <p>Choose the password you will sign in with. This link works once.</p>
      <SubmitFormFrame
        form={form}
        className="account-form"
        label="Choose your password"
        submitLabel="Save password and sign in"
        pendingLabel="Saving…"
        onSubmit={(e) => form.submit(e, { token, password: form.values.password }, ownErrors(form.values))}
      >
        <PasswordFields form={form} />
      </SubmitFormFrame>
    </AccountLayout>
  );
}

/** `/set-up#<token>`: the first visitor of a new data service creates its administrator. */
export function SetUpPage() {
  const token = useLinkToken();
  const setup = useStartSession(
    (request: { token: string; name: string; email: string; password: string }) => apiSend('setup', request),
    '/admin/people',
  );
  const form = useCheckedSubmit({
    initial: { name: '', email: '', password: '', confirm: '' },
    labels: {
      name: 'Your name',
      email: 'Your email address',
      password: 'New password',
      confirm: 'Type the password again',
    },
    schema: setupRequestSchema,
    mutation: setup,
    describe: describeAccountFailure,
  });

  if (!token) {
    return (
      <AccountLayout title="Set up the dashboard">
        <MissingLink what="the set-up link the data service printed when it started" />
      </AccountLayout>
    );
  }

  return (
    <AccountLayout title="Set up the dashboard">
      <p>
        Create the administrator’s account. The administrator adds everyone else, gives them their roles, and
        publishes the partner agencies’ figures.
      </p>
      <SubmitFormFrame
        form={form}
        className="account-form"
        label="Create the administrator"
        submitLabel="Create the administrator"
        pendingLabel="Creating…"
        onSubmit={(e) => {
          const { name, email, password } = form.values;
          form.submit(e, { token, name, email, password }, ownErrors(form.values));
        }}
      >
        <InputField form={form} name="name" autoComplete="name" label={form.labels.name!} />
        <InputField
          form={form}
          name="email"
          type="email"
          autoComplete="username"
          spellCheck={false}
          label={form.labels.email!}
        />
        <PasswordFields form={form} />
      </SubmitFormFrame>
    </AccountLayout>
  );
}
