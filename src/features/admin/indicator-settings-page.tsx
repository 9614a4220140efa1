import { useQuery } from '@tanstack/react-query';
import { updateIndicatorRequestSchema, type Agency, type Indicator } from '../../api/contract';
import { adminQueries, indicatorQueries } from '../../api/queries';
import { CheckboxField, InputField, SelectField } from '../../components/form/fields';
import { RecordButton } from '../../components/form/record-button';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { SavedNotice } from '../../components/form/saved-notice';
import { useEditing } from '../../components/form/use-editing';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { Panel } from '../../components/panel';
import { QueryFailure, QueryState } from '../../components/query-state';
import { formatValue } from '../../lib/format';
import { frequencyLabels } from '../../lib/indicator-labels';
import { AdminLayout } from './admin-layout';
import { useWording } from '../../lib/use-wording';
import { hidden, ScrollTable } from '../../components/scroll-table';

const labels = {
  agencyId: 'Owning agency',
  headline: 'Headline',
  target: 'Target',
  tolerance: 'Amber within (% of the target)',
  description: 'What the target means (optional)',
};

interface Values {
  agencyId: string;
  headline: boolean;
  hasTarget: boolean;
  target: string;
  tolerance: string;
  description: string;
}

const targetText = (indicator: Indicator) =>
  indicator.target
    ? formatValue(indicator.target.value, indicator.unit, indicator.decimalPlaces)
    : 'No target';

function SettingsForm({
  indicator,
  agencies,
  onDone,
  onCancel,
}: FormDone & { indicator: Indicator; agencies: Agency[] }) {
  const agencyName = (agencyId: string | null | undefined) =>
    agencies.find((a) => a.id === agencyId)?.name ?? 'None';
  const form = useRecordForm({
    who: 'this indicator',
    compare: (theirs: Indicator, yours: Values) => [
      { label: 'Owning agency', theirs: agencyName(theirs.agencyId), yours: agencyName(yours.agencyId) },
      { label: 'Headline', theirs: theirs.headline ? 'Yes' : 'No', yours: yours.headline ? 'Yes' : 'No' },
      { label: 'Target', theirs: targetText(theirs), yours: yours.hasTarget ? yours.target : 'No target' },
    ],
    draftKey: `indicator-settings:${indicator.id}`,
    initial: (): Values => ({
      agencyId: indicator.agencyId ?? '',
      headline: indicator.headline,
      hasTarget: indicator.target !== null,
      target: indicator.target ? String(indicator.target.value) : '',
      tolerance: indicator.target ? String(Math.round(indicator.target.tolerance * 100)) : '10',
      description: indicator.target?.description ?? '',
    }),
    labels,
    record: { ...indicator, version: indicator.version ?? 1 },
    schema: updateIndicatorRequestSchema,
    toRequest: (values, version) => ({
      agencyId: values.agencyId || null,
      headline: values.headline,
      target: values.hasTarget
        ? {
            value: values.target.trim() === '' ? Number.NaN : Number(values.target),
            tolerance: Number(values.tolerance) / 100,
            ...(values.description.trim() ? { description: values.description.trim() } : {}),
          }
        : null,
      version,
    }),
    save: useSaveRecord('updateIndicator', indicatorQueries.all(), { id: indicator.id }),
    onSaved: (saved) => onDone(`Saved the settings of “${saved.title}”.`),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={`Settings: ${indicator.title}`}
      submitLabel="Save settings"
      onClose={onCancel}
    >
      <div className="record-form__grid">
        <SelectField
          form={form}
          name="agencyId"
          label={labels.agencyId}
          hint="Its quarterly return carries this indicator’s figures"
          options={[
            ['', 'None (published figures, such as DfE statistics)'] as const,
            ...agencies.map((a) => [a.id, a.name] as const),
          ]}
        />
      </div>
      <CheckboxField
        form={form}
        name="headline"
        label="A headline indicator (shown as a tile on the overview)"
      />
      <CheckboxField form={form} name="hasTarget" label="Has a target" />
      {form.values.hasTarget ? (
        <div className="record-form__grid">
          <InputField form={form} name="target" label={labels.target} inputMode="decimal" />
          <InputField form={form} name="tolerance" type="number" min={0} max={100} label={labels.tolerance} />
          <InputField form={form} name="description" label={labels.description} maxLength={200} />
        </div>
      ) : null}
    </RecordFormFrame>
  );
}

export function IndicatorSettingsPage() {
  const words = useWording();
  return (
    <AdminLayout
      title="Indicators"
      lede={`Which agency owns each indicator’s figures (its quarterly return carries them), which indicators are headlines, and their targets. To add an indicator from a file, read it on the Import page and publish it to ${words.the} from there.`}
    >
      <IndicatorSettingsContent />
    </AdminLayout>
  );
}

/** The page's content, for an administrator only: its data is not asked for otherwise. */
function IndicatorSettingsContent() {
  const indicators = useQuery(indicatorQueries.list());
  const agencies = useQuery(adminQueries.agencies());
  const { editing, saved, open, formProps } = useEditing({ settings: 'indicator-settings' });
  const words = useWording();
  const agencyName = (agencyId: string | null | undefined) =>
    !agencyId
      ? 'None'
      : (agencies.data?.agencies.find((a) => a.id === agencyId)?.name ??
        (agencies.data ? agencyId : 'Not known'));
  return (
    <>
      <SavedNotice message={saved} />
      <QueryFailure
        query={agencies}
        what="The list of agencies"
        missing="the owning agencies are “Not known” and no indicator can be changed"
      />
      <Panel title={`${words.Theirs} indicators`}>
        <QueryState query={indicators} loadingLabel="Loading the indicators">
          {(data) => {
            const shared = data.indicators.filter((i) => !i.importedFrom);
            const editingIndicator = shared.find((i) => i.id === editing?.id);
            return (
              <>
                <ScrollTable
                  label="Indicator settings"
                  columns={['Indicator', 'Figures', 'Owning agency', 'Headline', 'Target', hidden('Change')]}
                >
                  {shared.map((indicator) => (
                    <tr key={indicator.id}>
                      <th scope="row">{indicator.title}</th>
                      <td>{frequencyLabels[indicator.frequency]}</td>
                      <td>{agencyName(indicator.agencyId)}</td>
                      <td>{indicator.headline ? 'Yes' : 'No'}</td>
                      <td>{targetText(indicator)}</td>
                      <td>
                        <RecordButton
                          verb="Change"
                          name={indicator.title}
                          onClick={() => open('settings', indicator.id)}
                        />
                      </td>
                    </tr>
                  ))}
                </ScrollTable>
                {editingIndicator && agencies.data ? (
                  <SettingsForm
                    key={editingIndicator.id}
                    indicator={editingIndicator}
                    agencies={agencies.data.agencies}
                    {...formProps}
                  />
                ) : null}
              </>
            );
          }}
        </QueryState>
      </Panel>
    </>
  );
}
