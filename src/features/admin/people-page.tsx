import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiSend } from '../../api/client';
import {
  createUserRequestSchema,
  roleSchema,
  updateUserRequestSchema,
  type Agency,
  type CreateUserRequest,
  type Role,
  type SetupLink,
  type User,
} from '../../api/contract';
import { ConflictError } from '../../api/errors';
import { roleLabels } from '../../api/permissions';
import { actionPlanQueries, adminQueries } from '../../api/queries';
import { ConflictNotice } from '../../components/form/conflict-notice';
import { ErrorSummary } from '../../components/form/error-summary';
import { FormFailure } from '../../components/form/form-failure';
import { useCheckedSubmit } from '../../components/form/use-checked-submit';
import { Field } from '../../components/form/field';
import { Panel } from '../../components/panel';
import { RecordForm } from '../../components/form/record-form';
import { QueryFailure, QueryState } from '../../components/query-state';
import { StatusTag } from '../../components/status-tag';
import { describeSaveFailure, fieldErrorsFromIssues, type FieldErrors } from '../../lib/field-errors';
import { formatDate } from '../../lib/format';
import { CopyButton } from '../../components/copy-button';
import { AdminLayout } from './admin-layout';

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

function PersonFields({
  id,
  values,
  errors,
  agencies,
  owners,
  onChange,
  withEmail,
}: {
  id: string;
  values: PersonValues;
  errors: FieldErrors;
  agencies: Agency[];
  owners: string[];
  onChange: (values: PersonValues) => void;
  withEmail: boolean;
}) {
  return (
    <>
      <div className="record-form__grid">
        <Field label="Name" error={errors.name} id={`${id}-name`}>
          <input
            type="text"
            value={values.name}
            onChange={(e) => onChange({ ...values, name: e.target.value })}
          />
        </Field>
        {withEmail ? (
          <Field label="Email address" error={errors.email} id={`${id}-email`}>
            <input
              type="email"
              spellCheck={false}
              value={values.email}
              onChange={(e) => onChange({ ...values, email: e.target.value })}
            />
          </Field>
        ) : null}
        <Field label="Role" hint={roleHelp[values.role]} error={errors.role} id={`${id}-role`}>
          <select value={values.role} onChange={(e) => onChange({ ...values, role: e.target.value as Role })}>
            {roleSchema.options.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Owns actions as"
          hint="They may update the action plan’s actions with this owner"
          error={errors.actionOwner}
          id={`${id}-owner`}
        >
          <select
            value={values.actionOwner}
            onChange={(e) => onChange({ ...values, actionOwner: e.target.value })}
          >
            <option value="">No actions</option>
            {owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {values.role === 'contributor' ? (
        <fieldset
          className={`checkbox-group${errors.agencyIds ? ' field--error' : ''}`}
          id={`${id}-agencies`}
          tabIndex={-1}
        >
          <legend>Enters the returns of</legend>
          {errors.agencyIds ? (
            <p className="field__error">
              <span className="visually-hidden">Error:</span> {errors.agencyIds}
            </p>
          ) : null}
          {agencies.map((a) => (
            <label key={a.id} className="checkbox">
              <input
                type="checkbox"
                checked={values.agencyIds.includes(a.id)}
                onChange={(e) =>
                  onChange({
                    ...values,
                    agencyIds: e.target.checked
                      ? [...values.agencyIds, a.id]
                      : values.agencyIds.filter((x) => x !== a.id),
                  })
                }
              />
              {a.name}
            </label>
          ))}
        </fieldset>
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

function AddPerson({ agencies, onCreated }: { agencies: Agency[]; onCreated: (link: SetupLink) => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const owners = useOwners();
  const empty: PersonValues = {
    name: '',
    email: '',
    role: 'viewer',
    agencyIds: [],
    actionOwner: '',
    active: true,
  };
  const [values, setValues] = useState(empty);
  const create = useMutation({
    mutationFn: (request: CreateUserRequest) => apiSend('createUser', request),
    onSuccess: async (link) => {
      await queryClient.invalidateQueries({ queryKey: adminQueries.users().queryKey });
      setValues(empty);
      onCreated(link);
    },
  });
  const { errors, failure, submit } = useCheckedSubmit({
    schema: createUserRequestSchema,
    mutation: create,
    describe: (error) => describeSaveFailure(error, 'The person was not added'),
  });
  const fieldIds = {
    name: `${id}-name`,
    email: `${id}-email`,
    role: `${id}-role`,
    actionOwner: `${id}-owner`,
    agencyIds: `${id}-agencies`,
  };
  return (
    <form
      className="record-form"
      onSubmit={(event) =>
        submit(event, {
          email: values.email,
          name: values.name,
          role: values.role,
          agencyIds: values.role === 'contributor' ? values.agencyIds : [],
          actionOwner: values.actionOwner || null,
        })
      }
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} className="panel__title">
        Add a person
      </h2>
      <FormFailure failure={failure} />
      <ErrorSummary errors={errors} fieldIds={fieldIds} labels={labels} />
      <PersonFields
        id={id}
        values={values}
        errors={errors}
        agencies={agencies}
        owners={owners}
        onChange={setValues}
        withEmail
      />
      <div className="record-form__actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add and make their sign-in link'}
        </button>
      </div>
    </form>
  );
}

function EditPerson({
  user,
  agencies,
  onDone,
}: {
  user: User;
  agencies: Agency[];
  onDone: (message: string | null) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const owners = useOwners();
  const [values, setValues] = useState<PersonValues>({
    name: user.name,
    email: user.email,
    role: user.role,
    agencyIds: user.agencyIds,
    actionOwner: user.actionOwner ?? '',
    active: user.active,
  });
  const [version, setVersion] = useState(user.version);
  const [theirs, setTheirs] = useState<User | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: (request: unknown) =>
      apiSend('updateUser', updateUserRequestSchema.parse(request), { params: { id: user.id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueries.users().queryKey }),
  });
  const submit = () => {
    setFailure(null);
    const parsed = updateUserRequestSchema.safeParse({
      name: values.name,
      role: values.role,
      agencyIds: values.role === 'contributor' ? values.agencyIds : [],
      actionOwner: values.actionOwner || null,
      active: values.active,
      version,
    });
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    update.mutate(parsed.data, {
      onSuccess: (saved) => onDone(`Saved ${saved.name}’s account.`),
      onError: (error) => {
        if (error instanceof ConflictError) {
          const current = error.current as User;
          setTheirs(current);
          setVersion(current.version);
          void queryClient.invalidateQueries({ queryKey: adminQueries.users().queryKey });
        }
        const result = describeSaveFailure(error);
        setErrors(result.fieldErrors);
        setFailure(result.message);
      },
    });
  };
  const fieldIds = {
    name: `${id}-name`,
    role: `${id}-role`,
    actionOwner: `${id}-owner`,
    agencyIds: `${id}-agencies`,
    active: `${id}-active`,
  };
  return (
    <RecordForm
      heading={`Change ${user.name}’s account`}
      headingLevel={3}
      saveError={failure}
      errors={errors}
      fieldIds={fieldIds}
      labels={labels}
      pending={update.isPending}
      submitLabel="Save"
      onSubmit={submit}
      onCancel={() => onDone(null)}
      notice={
        theirs ? (
          <ConflictNotice
            who="this account"
            changes={[
              { label: 'Name', theirs: theirs.name, yours: values.name },
              { label: 'Role', theirs: roleLabels[theirs.role], yours: roleLabels[values.role] },
              {
                label: 'Agencies',
                theirs: theirs.agencyIds.join(', ') || 'none',
                yours: values.agencyIds.join(', ') || 'none',
              },
              {
                label: 'Owns actions as',
                theirs: theirs.actionOwner ?? 'none',
                yours: values.actionOwner || 'none',
              },
              { label: 'Access', theirs: theirs.active ? 'On' : 'Off', yours: values.active ? 'On' : 'Off' },
            ]}
          />
        ) : null
      }
    >
      <PersonFields
        id={id}
        values={values}
        errors={errors}
        agencies={agencies}
        owners={owners}
        onChange={setValues}
        withEmail={false}
      />
      <label className="checkbox">
        <input
          id={fieldIds.active}
          type="checkbox"
          checked={values.active}
          onChange={(e) => setValues((v) => ({ ...v, active: e.target.checked }))}
        />
        Can sign in (untick to switch the account off: their sessions end at once)
      </label>
    </RecordForm>
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
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const newLink = useMutation({
    mutationFn: (user: User) => apiSend('userSetupLink', {}, { params: { id: user.id } }),
    onSuccess: setLink,
  });
  const decide = useMutation({
    mutationFn: ({ user, decision }: { user: User; decision: 'approveUser' | 'refuseUser' }) =>
      apiSend(decision, { version: user.version }, { params: { id: user.id } }),
    onSuccess: (user, { decision }) =>
      setSaved(
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
      {saved ? (
        <p className="notice notice--success" role="status">
          {saved}
        </p>
      ) : null}
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
            const editingUser = data.users.find((u) => u.id === editing);
            const awaiting = data.users.filter((u) => u.awaitingApproval).length;
            return (
              <>
                {awaiting > 0 ? (
                  <p className="notice notice--warning">
                    {awaiting === 1 ? '1 account is' : `${awaiting} accounts are`} awaiting approval: asked
                    for through single sign-on, switched off until you approve.
                  </p>
                ) : null}
                <div className="table-scroll" role="region" aria-label="People" tabIndex={0}>
                  <table className="data-table data-table--text people-table">
                    <thead>
                      <tr>
                        <th scope="col">Name</th>
                        <th scope="col">Role</th>
                        <th scope="col">Access</th>
                        <th scope="col">Last signed in</th>
                        <th scope="col">
                          <span className="visually-hidden">Change</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.users.map((user) => (
                        <tr key={user.id}>
                          <th scope="row">
                            {user.name}
                            <span className="schedule-table__meta">{user.email}</span>
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
                          <td>
                            <div className="button-row">
                              <button
                                type="button"
                                className="button button--secondary button--small"
                                onClick={() => {
                                  setSaved(null);
                                  setEditing(user.id);
                                }}
                              >
                                Change <span className="visually-hidden">{user.name}’s account</span>
                              </button>
                              {user.awaitingApproval ? (
                                <>
                                  <button
                                    type="button"
                                    className="button button--small"
                                    disabled={decide.isPending}
                                    onClick={() => {
                                      setSaved(null);
                                      decide.mutate({ user, decision: 'approveUser' });
                                    }}
                                  >
                                    Approve <span className="visually-hidden">{user.name}’s account</span>
                                  </button>
                                  <button
                                    type="button"
                                    className="button button--secondary button--small"
                                    disabled={decide.isPending}
                                    onClick={() => {
                                      setSaved(null);
                                      decide.mutate({ user, decision: 'refuseUser' });
                                    }}
                                  >
                                    Refuse <span className="visually-hidden">{user.name}’s request</span>
                                  </button>
                                </>
                              ) : (
                                <button
                                  type="button"
                                  className="button button--secondary button--small"
                                  disabled={newLink.isPending}
                                  onClick={() => newLink.mutate(user)}
                                >
                                  New sign-in link <span className="visually-hidden">for {user.name}</span>
                                </button>
                              )}
                            </div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {editingUser && agencies.data ? (
                  <EditPerson
                    key={editingUser.id}
                    user={editingUser}
                    agencies={agencies.data.agencies}
                    onDone={(message) => {
                      setEditing(null);
                      setSaved(message);
                    }}
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
