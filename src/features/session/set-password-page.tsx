import { useId, useState } from 'react';
import { Link } from 'react-router';
import { apiSend } from '../../api/client';
import { acceptInvitationRequestSchema, setupRequestSchema } from '../../api/contract';
import { ErrorSummary } from '../../components/form/error-summary';
import { Field } from '../../components/form/field';
import { AccountLayout } from './account-layout';
import type { FieldErrors } from '../../lib/field-errors';
import { FormFailure } from '../../components/form/form-failure';
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
  const id = useId();
  const token = useLinkToken();
  const [values, setValues] = useState({ password: '', confirm: '' });
  const accept = useStartSession(
    (request: { token: string; password: string }) => apiSend('acceptInvitation', request),
    '/',
  );
  const { errors, failure, submit } = useCheckedSubmit({
    schema: acceptInvitationRequestSchema,
    mutation: accept,
    describe: describeAccountFailure,
  });
  const fieldIds = { password: `${id}-password`, confirm: `${id}-confirm` };
  const labels = { password: 'New password', confirm: 'Type the password again' };

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
      <form
        className="account-form"
        onSubmit={(e) => submit(e, { token, password: values.password }, ownErrors(values))}
        noValidate
        aria-label="Choose your password"
      >
        <FormFailure failure={failure} />
        <ErrorSummary errors={errors} fieldIds={fieldIds} labels={labels} />
        <PasswordFields ids={fieldIds} values={values} errors={errors} onChange={setValues} />
        <div className="record-form__actions">
          <button type="submit" className="button" disabled={accept.isPending}>
            {accept.isPending ? 'Saving…' : 'Save password and sign in'}
          </button>
        </div>
      </form>
    </AccountLayout>
  );
}

/** `/set-up#<token>`: the first visitor of a new data service creates its administrator. */
export function SetUpPage() {
  const id = useId();
  const token = useLinkToken();
  const [values, setValues] = useState({ name: '', email: '', password: '', confirm: '' });
  const setup = useStartSession(
    (request: { token: string; name: string; email: string; password: string }) => apiSend('setup', request),
    '/admin/people',
  );
  const { errors, failure, submit } = useCheckedSubmit({
    schema: setupRequestSchema,
    mutation: setup,
    describe: describeAccountFailure,
  });
  const fieldIds = {
    name: `${id}-name`,
    email: `${id}-email`,
    password: `${id}-password`,
    confirm: `${id}-confirm`,
  };
  const labels = {
    name: 'Your name',
    email: 'Your email address',
    password: 'New password',
    confirm: 'Type the password again',
  };

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
      <form
        className="account-form"
        onSubmit={(e) => {
          const { name, email, password } = values;
          submit(e, { token, name, email, password }, ownErrors(values));
        }}
        noValidate
        aria-label="Create the administrator"
      >
        <FormFailure failure={failure} />
        <ErrorSummary errors={errors} fieldIds={fieldIds} labels={labels} />
        <Field label={labels.name} error={errors.name} id={fieldIds.name}>
          <input
            type="text"
            autoComplete="name"
            value={values.name}
            onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
          />
        </Field>
        <Field label={labels.email} error={errors.email} id={fieldIds.email}>
          <input
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={values.email}
            onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))}
          />
        </Field>
        <PasswordFields
          ids={fieldIds}
          values={values}
          errors={errors}
          onChange={(p) => setValues((v) => ({ ...v, ...p }))}
        />
        <div className="record-form__actions">
          <button type="submit" className="button" disabled={setup.isPending}>
            {setup.isPending ? 'Creating…' : 'Create the administrator'}
          </button>
        </div>
      </form>
    </AccountLayout>
  );
}
