import { useQuery } from '@tanstack/react-query';
import { createAgencyRequestSchema, updateAgencyRequestSchema, type Agency } from '../../api/contract';
import { adminQueries } from '../../api/queries';
import { InputField, SelectField } from '../../components/form/fields';
import { RecordButton } from '../../components/form/record-button';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { SavedNotice } from '../../components/form/saved-notice';
import { useEditing } from '../../components/form/use-editing';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
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

function AgencyForm({ agency, onDone, onCancel }: FormDone & { agency?: Agency | undefined }) {
  const refresh = adminQueries.agencies().queryKey;
  const create = useSaveRecord('createAgency', refresh);
  const change = useSaveRecord('updateAgency', refresh, { id: agency?.id ?? '' });
  const form = useRecordForm({
    who: 'this agency',
    compare: (theirs: Agency, yours: { name: string; kind: Kind }) => [
      { label: 'Name', theirs: theirs.name, yours: yours.name },
      { label: 'Kind', theirs: kindLabels[theirs.kind], yours: kindLabels[yours.kind] },
    ],
    draftKey: `agency:${agency?.id ?? 'new'}`,
    initial: () => ({ name: agency?.name ?? '', kind: agency?.kind ?? ('other' as Kind) }),
    labels,
    record: agency,
    // Adding sends the agency without a version (the schema leaves it out); changing, with it.
    schema: agency
      ? updateAgencyRequestSchema
      : (createAgencyRequestSchema as typeof updateAgencyRequestSchema),
    toRequest: (values, version) => ({ ...values, version }),
    save: agency ? change : (create as unknown as typeof change),
    onSaved: (saved) => onDone(agency ? `Saved ${saved.name}.` : `Added ${saved.name}.`),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={agency ? `Change ${agency.name}` : 'Add an agency'}
      submitLabel={agency ? 'Save' : 'Add the agency'}
      onClose={onCancel}
    >
      <div className="record-form__grid">
        <InputField form={form} name="name" label={labels.name} maxLength={200} />
        <SelectField form={form} name="kind" label={labels.kind} options={kindLabels} />
      </div>
    </RecordFormFrame>
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
  const { editing, saved, open, formProps } = useEditing({ agency: 'agency' });
  const words = useWording();
  return (
    <>
      <SavedNotice message={saved} />
      <Panel title="Partner agencies">
        <QueryState
          query={agencies}
          loadingLabel="Loading the agencies"
          isEmpty={(data) => data.agencies.length === 0}
          empty={`No agencies yet: add ${words.theirs} partners below.`}
        >
          {(data) => {
            const edited = data.agencies.find((a) => a.id === editing?.id);
            return (
              <>
                <ul className="agency-list">
                  {data.agencies.map((agency) => (
                    <li key={agency.id}>
                      <span>
                        {agency.name} <span className="schedule-table__meta">{kindLabels[agency.kind]}</span>
                      </span>
                      <RecordButton
                        verb="Change"
                        name={agency.name}
                        onClick={() => open('agency', agency.id)}
                      />
                    </li>
                  ))}
                </ul>
                {edited ? <AgencyForm key={edited.id} agency={edited} {...formProps} /> : null}
              </>
            );
          }}
        </QueryState>
        {editing?.id === 'new' ? (
          <AgencyForm {...formProps} />
        ) : (
          <button type="button" className="button" onClick={() => open('agency', 'new')}>
            Add an agency
          </button>
        )}
      </Panel>
    </>
  );
}
