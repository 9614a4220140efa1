import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiSend } from '../../api/client';
import {
  createUserRequestSchema,
  roleSchema,
  updateUserRequestSchema,
  type Agency,
  type Role,
  type SetupLink,
  type User,
} from '../../api/contract';
import { roleLabels } from '../../api/permissions';
import { actionPlanQueries, adminQueries } from '../../api/queries';
import { CheckboxField, ChecksField, InputField, SelectField } from '../../components/form/fields';
import { RecordButton } from '../../components/form/record-button';
import { RecordFormFrame, SubmitFormFrame, type FormDone } from '../../components/form/record-form';
import { SavedNotice } from '../../components/form/saved-notice';
import { useEditing } from '../../components/form/use-editing';
import { useRecordForm, type RecordFormState } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { Panel } from '../../components/panel';
import { QueryFailure, QueryState } from '../../components/query-state';
import { StatusTag } from '../../components/status-tag';
import { describeSaveFailure } from '../../lib/field-errors';
import { formatDate } from '../../lib/format';
import { CopyButton } from '../../components/copy-button';
import { AdminLayout } from './admin-layout';
import { hidden, ScrollTable } from '../../components/scroll-table';
import { EmailAddress } from '../../components/email-address';

const roleHelp: Record<Role, string> = {
  viewer: 'reads everything published',
  contributor: 'enters and submits the quarterly returns of the agencies chosen below',
  'quality-assurance': 'records audit progress',
  editor: 'records audit progress and updates any action',
  administrator: 'everything, including people, returns and settings',
};

interface PersonValues {
  name: string;
  email: string;
  role: Role;
  agencyIds: string[];
  actionOwner: string;
  active: boolean;
}

type PersonForm = RecordFormState<PersonValues>;

function PersonFields({
  form,
  agencies,
  owners,
  withEmail,
}: {
  form: PersonForm;
  agencies: Agency[];
  owners: string[];
  withEmail: boolean;
}) {
  return (
    <>
      <div className="record-form__grid">
        <InputField form={form} name="name" label={labels.name} maxLength={200} />
        {withEmail ? (
          <InputField form={form} name="email" type="email" spellCheck={false} label={labels.email} />
        ) : null}
        <SelectField
          form={form}
          name="role"
          label={labels.role}
          hint={roleHelp[form.values.role]}
          options={roleSchema.options.map((role) => [role, roleLabels[role]] as const)}
        />
        <SelectField
          form={form}
          name="actionOwner"
          label={labels.actionOwner}
          hint="They may update the action plan’s actions with this owner"
          options={[['', 'No actions'] as const, ...owners.map((o) => [o, o] as const)]}
        />
      </div>
      {form.values.role === 'contributor' ? (
        <ChecksField
          form={form}
          name="agencyIds"
          legend="Enters the returns of"
          options={agencies.map((a) => [a.id, a.name] as const)}
        />
      ) : null}
    </>
  );
}

const labels = {
  name: 'Name',
  email: 'Email address',
  role: 'Role',
  actionOwner: 'Owns actions as',
  agencyIds: 'Agencies',
  active: 'Access',
};

function useOwners(): string[] {
  const plan = useQuery(actionPlanQueries.plan());
  return [...new Set(plan.data?.priorities.flatMap((p) => p.actions.map((a) => a.owner)) ?? [])].sort();
}

function LinkNotice({ link, onClose }: { link: SetupLink; onClose: () => void }) {
  return (
    <div className="notice notice--success" role="status">
      <p className="notice__title">Give {link.user.name} this sign-in link</p>
      <p>
        It lets them choose their password. It works once, until {formatDate(link.expiresAt.slice(0, 10))}. It
        is emailed to them too; if the data service has no SMTP server, the Outbox says so and you send it
        yourself, for example by your council’s secure email.
      </p>
      <p className="link-notice__link">
        <code>{link.link}</code>
      </p>
      <div className="button-row">
        <CopyButton text={link.link} label="Copy the link" />
        <button type="button" className="button button--secondary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}

const NEW_PERSON: PersonValues = {
  name: '',
  email: '',
  role: 'viewer',
  agencyIds: [],
  actionOwner: '',
  active: true,
};

/** Always open below the list: each person added gets a one-time sign-in link, and the form empties. */
function AddPerson({ agencies, onCreated }: { agencies: Agency[]; onCreated: (link: SetupLink) => void }) {
  const owners = useOwners();
  const form = useRecordForm({
    draftKey: 'new-person:form',
    initial: () => NEW_PERSON,
    labels,
    schema: createUserRequestSchema,
    toRequest: (values) => ({
      email: values.email,
      name: values.name,
      role: values.role,
      agencyIds: values.role === 'contributor' ? values.agencyIds : [],
      actionOwner: values.actionOwner || null,
    }),
    save: useSaveRecord('createUser', adminQueries.users().queryKey),
    onSaved: (link) => {
      form.setValues(NEW_PERSON);
      onCreated(link);
    },
  });
  return (
    <SubmitFormFrame
      form={form}
      heading="Add a person"
      submitLabel="Add and make their sign-in link"
      pendingLabel="Adding…"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit();
      }}
    >
      <PersonFields form={form} agencies={agencies} owners={owners} withEmail />
    </SubmitFormFrame>
  );
}

function EditPerson({ user, agencies, onDone, onCancel }: FormDone & { user: User; agencies: Agency[] }) {
  const owners = useOwners();
  const form = useRecordForm({
    who: 'this account',
    compare: (theirs: User, yours: PersonValues) => [
      { label: 'Name', theirs: theirs.name, yours: yours.name },
      { label: 'Role', theirs: roleLabels[theirs.role], yours: roleLabels[yours.role] },
      {
        label: 'Agencies',
        theirs: theirs.agencyIds.join(', ') || 'none',
        yours: yours.agencyIds.join(', ') || 'none',
      },
      { label: 'Owns actions as', theirs: theirs.actionOwner ?? 'none', yours: yours.actionOwner || 'none' },
      { label: 'Access', theirs: theirs.active ? 'On' : 'Off', yours: yours.active ? 'On' : 'Off' },
    ],
    draftKey: `person:${user.id}`,
    initial: () => ({
      name: user.name,
      email: user.email,
      role: user.role,
      agencyIds: user.agencyIds,
      actionOwner: user.actionOwner ?? '',
      active: user.active,
    }),
    labels,
    record: user,
    schema: updateUserRequestSchema,
    toRequest: (values, version) => ({
      name: values.name,
      role: values.role,
      agencyIds: values.role === 'contributor' ? values.agencyIds : [],
      actionOwner: values.actionOwner || null,
      active: values.active,
      version,
    }),
    save: useSaveRecord('updateUser', adminQueries.users().queryKey, { id: user.id }),
    onSaved: (saved) => onDone(`Saved ${saved.name}’s account.`),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={`Change ${user.name}’s account`}
      submitLabel="Save"
      onClose={onCancel}
    >
      <PersonFields form={form} agencies={agencies} owners={owners} withEmail={false} />
      <CheckboxField
        form={form}
        name="active"
        label="Can sign in (untick to switch the account off: their sessions end at once)"
      />
    </RecordFormFrame>
  );
}

export function PeoplePage() {
  return (
    <AdminLayout
      title="People and roles"
      lede="Everyone who can sign in, and what their role lets them do. A new person, or one who has forgotten their password, gets a one-time sign-in link from here."
    >
      <PeopleContent />
    </AdminLayout>
  );
}

/** The page's content, for an administrator only: its data is not asked for otherwise. */
function PeopleContent() {
  const users = useQuery(adminQueries.users());
  const agencies = useQuery(adminQueries.agencies());
  const [link, setLink] = useState<SetupLink | null>(null);
  const { editing, saved, open, say, formProps } = useEditing({ person: 'person' });
  const queryClient = useQueryClient();
  const newLink = useMutation({
    mutationFn: (user: User) => apiSend('userSetupLink', {}, { params: { id: user.id } }),
    onSuccess: setLink,
  });
  const decide = useMutation({
    mutationFn: ({ user, decision }: { user: User; decision: 'approveUser' | 'refuseUser' }) =>
      apiSend(decision, { version: user.version }, { params: { id: user.id } }),
    onSuccess: (user, { decision }) =>
      say(
        decision === 'approveUser'
          ? `Approved ${user.name}’s account: they can sign in as ${roleLabels[user.role]}.`
          : `Refused ${user.name}’s request: the account stays switched off.`,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminQueries.users().queryKey }),
  });
  const agencyName = (agencyId: string) =>
    agencies.data?.agencies.find((a) => a.id === agencyId)?.name ?? agencyId;

  return (
    <>
      {link ? <LinkNotice link={link} onClose={() => setLink(null)} /> : null}
      <SavedNotice message={saved} />
      {decide.isError ? (
        <p className="record-form__failure" role="alert">
          {describeSaveFailure(decide.error, 'Nothing was changed').message}
        </p>
      ) : null}
      {newLink.isError ? (
        <p className="record-form__failure" role="alert">
          {describeSaveFailure(newLink.error, 'No link was made').message}
        </p>
      ) : null}
      <QueryFailure
        query={agencies}
        what="The list of agencies"
        missing="agencies are shown by their codes, and no one can be added or changed"
      />
      <Panel title="People">
        <QueryState query={users} loadingLabel="Loading the people">
          {(data) => {
            const editingUser = data.users.find((u) => u.id === editing?.id);
            const awaiting = data.users.filter((u) => u.awaitingApproval).length;
            return (
              <>
                {awaiting > 0 ? (
                  <p className="notice notice--warning">
                    {awaiting === 1 ? '1 account is' : `${awaiting} accounts are`} awaiting approval: asked
                    for through single sign-on, switched off until you approve.
                  </p>
                ) : null}
                <ScrollTable
                  label="People"
                  className="data-table data-table--text people-table"
                  columns={['Name', 'Role', 'Access', 'Last signed in', hidden('Change')]}
                >
                  {data.users.map((user) => (
                    <tr key={user.id}>
                      <th scope="row">
                        {user.name}
                        <span className="schedule-table__meta">
                          <EmailAddress address={user.email} />
                        </span>
                      </th>
                      <td>
                        {roleLabels[user.role]}
                        {user.agencyIds.length > 0 ? (
                          <span className="schedule-table__meta">
                            Returns for {user.agencyIds.map(agencyName).join(', ')}
                          </span>
                        ) : null}
                        {user.actionOwner ? (
                          <span className="schedule-table__meta">Owns actions as {user.actionOwner}</span>
                        ) : null}
                      </td>
                      <td>
                        {user.awaitingApproval ? (
                          <StatusTag tone="warning">Awaiting approval</StatusTag>
                        ) : !user.active ? (
                          <StatusTag tone="bad">Switched off</StatusTag>
                        ) : user.hasPassword || user.signsInWithSso ? (
                          <StatusTag tone="good">Active</StatusTag>
                        ) : (
                          <StatusTag tone="warning">Waiting for their password</StatusTag>
                        )}
                        {user.signsInWithSso ? (
                          <span className="schedule-table__meta">
                            Signs in with their organisation’s account
                          </span>
                        ) : null}
                      </td>
                      <td>{user.lastSignInAt ? formatDate(user.lastSignInAt.slice(0, 10)) : 'Never'}</td>
                      <td className="data-table__actions">
                        <div className="button-row">
                          <RecordButton
                            verb="Change"
                            name={`${user.name}’s account`}
                            onClick={() => open('person', user.id)}
                          />
                          {user.awaitingApproval ? (
                            <>
                              <button
                                type="button"
                                className="button button--small"
                                disabled={decide.isPending}
                                onClick={() => {
                                  say(null);
                                  decide.mutate({ user, decision: 'approveUser' });
                                }}
                              >
                                Approve <span className="visually-hidden">{user.name}’s account</span>
                              </button>
                              <RecordButton
                                verb="Refuse"
                                name={`${user.name}’s request`}
                                disabled={decide.isPending}
                                onClick={() => {
                                  say(null);
                                  decide.mutate({ user, decision: 'refuseUser' });
                                }}
                              />
                            </>
                          ) : (
                            <RecordButton
                              verb="New sign-in link"
                              name={`for ${user.name}`}
                              disabled={newLink.isPending}
                              onClick={() => newLink.mutate(user)}
                            />
                          )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </ScrollTable>
                {editingUser && agencies.data ? (
                  <EditPerson
                    key={editingUser.id}
                    user={editingUser}
                    agencies={agencies.data.agencies}
                    {...formProps}
                  />
                ) : null}
              </>
            );
          }}
        </QueryState>
      </Panel>
      {agencies.data ? <AddPerson agencies={agencies.data.agencies} onCreated={setLink} /> : null}
    </>
  );
}
