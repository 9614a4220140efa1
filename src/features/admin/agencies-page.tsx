import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiSend } from '../../api/client';
import {
  createAgencyRequestSchema,
  partnerTypeSchema,
  updateAgencyRequestSchema,
  type Agency,
} from '../../api/contract';
import { ConflictError } from '../../api/errors';
import { adminQueries } from '../../api/queries';
import { ConflictNotice } from '../../components/form/conflict-notice';
import { Field } from '../../components/form/field';
import { RecordForm } from '../../components/form/record-form';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { describeSaveFailure, fieldErrorsFromIssues, type FieldErrors } from '../../lib/field-errors';
import { AdminLayout } from './admin-layout';
import { useWording } from '../../lib/use-wording';

type Kind = Agency['kind'];
export const kindLabels: Record<Kind, string> = {
  'local-authority': 'Local authority',
  police: 'Police',
  health: 'Health',
  schools: 'Schools and education',
  other: 'Other',
};

const labels = { name: 'Name', kind: 'Kind of agency' };

function AgencyForm({ agency, onDone }: { agency: Agency | null; onDone: (message: string | null) => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ name: agency?.name ?? '', kind: agency?.kind ?? ('other' as Kind) });
  const [version, setVersion] = useState(agency?.version ?? 0);
  const [theirs, setTheirs] = useState<Agency | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      agency
        ? apiSend('updateAgency', { ...values, version }, { params: { id: agency.id } })
        : apiSend('createAgency', values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueries.agencies().queryKey }),
  });
  const fieldIds = { name: `${id}-name`, kind: `${id}-kind` };
  const submit = () => {
    setFailure(null);
    const parsed = (agency ? updateAgencyRequestSchema : createAgencyRequestSchema).safeParse({
      ...values,
      version,
    });
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    save.mutate(undefined, {
      onSuccess: (saved) => onDone(agency ? `Saved ${saved.name}.` : `Added ${saved.name}.`),
      onError: (error) => {
        if (error instanceof ConflictError) {
          const current = error.current as Agency;
          setTheirs(current);
          setVersion(current.version);
        }
        const result = describeSaveFailure(error);
        setErrors(result.fieldErrors);
        setFailure(result.message);
      },
    });
  };
  return (
    <RecordForm
      heading={agency ? `Change ${agency.name}` : 'Add an agency'}
      headingLevel={3}
      saveError={failure}
      errors={errors}
      fieldIds={fieldIds}
      labels={labels}
      pending={save.isPending}
      submitLabel={agency ? 'Save' : 'Add the agency'}
      onSubmit={submit}
      onCancel={() => onDone(null)}
      notice={
        theirs ? (
          <ConflictNotice
            who="this agency"
            changes={[
              { label: 'Name', theirs: theirs.name, yours: values.name },
              { label: 'Kind', theirs: kindLabels[theirs.kind], yours: kindLabels[values.kind] },
            ]}
          />
        ) : null
      }
    >
      <div className="record-form__grid">
        <Field label={labels.name} error={errors.name} id={fieldIds.name}>
          <input
            type="text"
            value={values.name}
            onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
          />
        </Field>
        <Field label={labels.kind} error={errors.kind} id={fieldIds.kind}>
          <select
            value={values.kind}
            onChange={(e) => setValues((v) => ({ ...v, kind: e.target.value as Kind }))}
          >
            {partnerTypeSchema.options.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabels[kind]}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </RecordForm>
  );
}

export function AgenciesPage() {
  const words = useWording();
  return (
    <AdminLayout
      title="Agencies"
      lede={`The partner agencies that send ${words.the} figures. Each indicator can be owned by one agency, whose quarterly return then carries it.`}
    >
      <AgenciesContent />
    </AdminLayout>
  );
}

/** The page's content, for an administrator only: its data is not asked for otherwise. */
function AgenciesContent() {
  const agencies = useQuery(adminQueries.agencies());
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const words = useWording();
  const done = (message: string | null) => {
    setEditing(null);
    setSaved(message);
  };
  return (
    <>
      {saved ? (
        <p className="notice notice--success" role="status">
          {saved}
        </p>
      ) : null}
      <Panel title="Partner agencies">
        <QueryState
          query={agencies}
          loadingLabel="Loading the agencies"
          isEmpty={(data) => data.agencies.length === 0}
          empty={`No agencies yet: add ${words.theirs} partners below.`}
        >
          {(data) => (
            <>
              <ul className="agency-list">
                {data.agencies.map((agency) => (
                  <li key={agency.id}>
                    <span>
                      {agency.name} <span className="schedule-table__meta">{kindLabels[agency.kind]}</span>
                    </span>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => {
                        setSaved(null);
                        setEditing(agency.id);
                      }}
                    >
                      Change <span className="visually-hidden">{agency.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
              {editing && editing !== 'new' ? (
                <AgencyForm
                  key={editing}
                  agency={data.agencies.find((a) => a.id === editing) ?? null}
                  onDone={done}
                />
              ) : null}
            </>
          )}
        </QueryState>
        {editing === 'new' ? (
          <AgencyForm agency={null} onDone={done} />
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => {
              setSaved(null);
              setEditing('new');
            }}
          >
            Add an agency
          </button>
        )}
      </Panel>
    </>
  );
}
