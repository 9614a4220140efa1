import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { saveSignInPolicyRequestSchema, type SignInPolicy } from '../../api/contract';
import { adminQueries } from '../../api/queries';
import { CheckboxField } from '../../components/form/fields';
import { SubmitFormFrame } from '../../components/form/record-form';
import { SavedNotice } from '../../components/form/saved-notice';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';

function PolicyForm({
  policy,
  onSaved,
}: {
  policy: SignInPolicy;
  onSaved: (message: string | null) => void;
}) {
  const save = useSaveRecord('saveSignInPolicy', adminQueries.signInPolicy().queryKey);
  const form = useRecordForm({
    draftKey: 'admin:sign-in-policy',
    initial: () => ({ ssoRequired: policy.ssoRequired }),
    labels: { ssoRequired: 'Require single sign-on' },
    schema: saveSignInPolicyRequestSchema,
    toRequest: (values: { ssoRequired: boolean }, version) => ({ ...values, version }),
    save,
    record: policy,
    onSaved: (answer) =>
      onSaved(
        answer.ssoRequired
          ? 'Saved: passwords are refused, except the break-glass administrator’s.'
          : 'Saved: people may sign in with a password again.',
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSaved(null);
    form.submit();
  };
  return (
    <SubmitFormFrame
      form={form}
      label="Sign-in"
      submitLabel="Save sign-in setting"
      pendingLabel="Saving…"
      onSubmit={submit}
    >
      <CheckboxField form={form} name="ssoRequired" label="Require single sign-on: refuse passwords" />
      <p className="field__hint">
        {policy.breakGlassEmail
          ? `The break-glass administrator (${policy.breakGlassEmail}) keeps their password, in case single sign-on fails.`
          : 'There is no break-glass administrator (ADMIN_EMAIL), so single sign-on cannot be required.'}
      </p>
    </SubmitFormFrame>
  );
}

/** Whether people may still sign in with a password once the board has single sign-on. */
export function SignInPolicyPanel() {
  const policy = useQuery(adminQueries.signInPolicy());
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <Panel title="Sign-in">
      <SavedNotice message={saved} />
      <QueryState query={policy} loadingLabel="Loading the sign-in setting">
        {(data) =>
          !data.ssoAvailable ? (
            <p>
              Single sign-on is not set up for this board (the OIDC settings of the data service), so everyone
              signs in with a password.
            </p>
          ) : data.requiredByEnvironment ? (
            <p>
              The data service requires single sign-on (SSO_REQUIRED): passwords are refused, except the
              break-glass administrator’s. Only its settings can change this.
            </p>
          ) : (
            // A new version (saved here or elsewhere) starts the form again from what is saved.
            <PolicyForm key={data.version} policy={data} onSaved={setSaved} />
          )
        }
      </QueryState>
    </Panel>
  );
}
