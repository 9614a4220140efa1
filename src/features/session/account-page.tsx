import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  mailPreferencesSchema,
  noticeKindSchema,
  type MailPreferences,
  type NoticeKind,
} from '../../api/contract';
import { sessionQueries } from '../../api/queries';
import { ErrorSummary } from '../../components/form/error-summary';
import { ChecksField } from '../../components/form/fields';
import { FormFailure } from '../../components/form/form-failure';
import { SavedNotice } from '../../components/form/saved-notice';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { noticeLabels } from '../../lib/mail-labels';
import { useDocumentTitle } from '../../lib/use-document-title';

const kinds = noticeKindSchema.options;
const options = kinds.map((kind) => [kind, noticeLabels[kind]] as const);

interface Values {
  /** The notices ticked: sent. The form sends the others as turned off. */
  on: string[];
}

const valuesOf = (preferences: MailPreferences): Values => ({
  on: kinds.filter((kind) => !preferences.off.includes(kind)),
});

function EmailForm({ preferences }: { preferences: MailPreferences }) {
  const [saved, setSaved] = useState<string | null>(null);
  const save = useSaveRecord('saveMailPreferences', sessionQueries.mailPreferences().queryKey);
  const form = useRecordForm({
    draftKey: 'account:email',
    initial: () => valuesOf(preferences),
    labels: { on: 'Email me about', off: 'Email me about' },
    schema: mailPreferencesSchema,
    toRequest: (values: Values) => ({
      off: kinds.filter((kind: NoticeKind) => !values.on.includes(kind)),
    }),
    save,
    onSaved: (answer) => {
      form.setValues(valuesOf(answer));
      setSaved(
        answer.off.length === 0
          ? 'Saved: you will get every email notice.'
          : `Saved: you will not get ${answer.off.length} of the ${kinds.length} email notices.`,
      );
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    form.submit();
  };
  return (
    <form className="record-form" onSubmit={submit} noValidate aria-label="Email me about">
      <FormFailure failure={form.saveError} />
      <ErrorSummary errors={form.errors} fieldIds={form.fieldIds} labels={form.labels} />
      <ChecksField form={form} name="on" legend="Email me about" options={options} />
      <p className="field__hint">
        Always sent, whatever you choose: your invitation, and links to choose a new password.
      </p>
      <div className="record-form__actions">
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? 'Saving…' : 'Save email choices'}
        </button>
      </div>
      <SavedNotice message={saved} />
    </form>
  );
}

/** The signed-in person's own settings: which email notices they get. */
export function AccountPage() {
  useDocumentTitle('Your account');
  const preferences = useQuery(sessionQueries.mailPreferences());
  return (
    <div className="page">
      <h1 className="page__title">Your account</h1>
      <p className="page__lede">
        Choose which emails the board’s dashboard sends you. The emails link to the dashboard; they carry
        nothing from the returns beyond what you may already see.
      </p>
      <Panel title="Email">
        <QueryState query={preferences} loadingLabel="Loading your email choices">
          {(data) => <EmailForm preferences={data} />}
        </QueryState>
      </Panel>
    </div>
  );
}
