import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiSend } from '../../api/client';
import { updateIndicatorRequestSchema, type Agency, type Indicator } from '../../api/contract';
import { ConflictError } from '../../api/errors';
import { adminQueries, indicatorQueries } from '../../api/queries';
import { ConflictNotice } from '../../components/form/conflict-notice';
import { Field } from '../../components/form/field';
import { RecordForm } from '../../components/form/record-form';
import { Panel } from '../../components/panel';
import { QueryFailure, QueryState } from '../../components/query-state';
import { describeSaveFailure, fieldErrorsFromIssues, type FieldErrors } from '../../lib/field-errors';
import { formatValue } from '../../lib/format';
import { frequencyLabels } from '../../lib/indicator-labels';
import { AdminLayout } from './admin-layout';
import { useWording } from '../../lib/use-wording';

const labels = { agencyId: 'Owning agency', headline: 'Headline', target: 'Target' };

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
}: {
  indicator: Indicator;
  agencies: Agency[];
  onDone: (message: string | null) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>({
    agencyId: indicator.agencyId ?? '',
    headline: indicator.headline,
    hasTarget: indicator.target !== null,
    target: indicator.target ? String(indicator.target.value) : '',
    tolerance: indicator.target ? String(Math.round(indicator.target.tolerance * 100)) : '10',
    description: indicator.target?.description ?? '',
  });
  const [version, setVersion] = useState(indicator.version ?? 1);
  const [theirs, setTheirs] = useState<Indicator | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (request: unknown) =>
      apiSend('updateIndicator', updateIndicatorRequestSchema.parse(request), {
        params: { id: indicator.id },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indicatorQueries.all() }),
  });
  const fieldIds = { agencyId: `${id}-agency`, headline: `${id}-headline`, target: `${id}-target` };
  const agencyName = (agencyId: string | null | undefined) =>
    agencies.find((a) => a.id === agencyId)?.name ?? 'None';

  const submit = () => {
    setFailure(null);
    const request = {
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
    };
    const parsed = updateIndicatorRequestSchema.safeParse(request);
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: (saved) => onDone(`Saved the settings of “${saved.title}”.`),
      onError: (error) => {
        if (error instanceof ConflictError) {
          const current = error.current as Indicator;
          setTheirs(current);
          setVersion(current.version ?? version);
        }
        const result = describeSaveFailure(error);
        setErrors(result.fieldErrors);
        setFailure(result.message);
      },
    });
  };

  return (
    <RecordForm
      heading={`Settings: ${indicator.title}`}
      headingLevel={3}
      saveError={failure}
      errors={errors}
      fieldIds={fieldIds}
      labels={labels}
      pending={save.isPending}
      submitLabel="Save settings"
      onSubmit={submit}
      onCancel={() => onDone(null)}
      notice={
        theirs ? (
          <ConflictNotice
            who="this indicator"
            changes={[
              {
                label: 'Owning agency',
                theirs: agencyName(theirs.agencyId),
                yours: agencyName(values.agencyId),
              },
              {
                label: 'Headline',
                theirs: theirs.headline ? 'Yes' : 'No',
                yours: values.headline ? 'Yes' : 'No',
              },
              {
                label: 'Target',
                theirs: targetText(theirs),
                yours: values.hasTarget ? values.target : 'No target',
              },
            ]}
          />
        ) : null
      }
    >
      <div className="record-form__grid">
        <Field
          label={labels.agencyId}
          hint="Its quarterly return carries this indicator’s figures"
          error={errors.agencyId}
          id={fieldIds.agencyId}
        >
          <select
            value={values.agencyId}
            onChange={(e) => setValues((v) => ({ ...v, agencyId: e.target.value }))}
          >
            <option value="">None (published figures, such as DfE statistics)</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <label className="checkbox">
        <input
          id={fieldIds.headline}
          type="checkbox"
          checked={values.headline}
          onChange={(e) => setValues((v) => ({ ...v, headline: e.target.checked }))}
        />
        A headline indicator (shown as a tile on the overview)
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.hasTarget}
          onChange={(e) => setValues((v) => ({ ...v, hasTarget: e.target.checked }))}
        />
        Has a target
      </label>
      {values.hasTarget ? (
        <div className="record-form__grid">
          <Field label="Target" error={errors.target} id={fieldIds.target}>
            <input
              type="text"
              inputMode="decimal"
              value={values.target}
              onChange={(e) => setValues((v) => ({ ...v, target: e.target.value }))}
            />
          </Field>
          <Field label="Amber within (% of the target)" id={`${id}-tolerance`}>
            <input
              type="number"
              min={0}
              max={100}
              value={values.tolerance}
              onChange={(e) => setValues((v) => ({ ...v, tolerance: e.target.value }))}
            />
          </Field>
          <Field label="What the target means (optional)" id={`${id}-description`}>
            <input
              type="text"
              value={values.description}
              onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))}
            />
          </Field>
        </div>
      ) : null}
    </RecordForm>
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
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const words = useWording();
  const agencyName = (agencyId: string | null | undefined) =>
    !agencyId
      ? 'None'
      : (agencies.data?.agencies.find((a) => a.id === agencyId)?.name ??
        (agencies.data ? agencyId : 'Not known'));
  return (
    <>
      {saved ? (
        <p className="notice notice--success" role="status">
          {saved}
        </p>
      ) : null}
      <QueryFailure
        query={agencies}
        what="The list of agencies"
        missing="the owning agencies are “Not known” and no indicator can be changed"
      />
      <Panel title={`${words.Theirs} indicators`}>
        <QueryState query={indicators} loadingLabel="Loading the indicators">
          {(data) => {
            const shared = data.indicators.filter((i) => !i.importedFrom);
            const editingIndicator = shared.find((i) => i.id === editing);
            return (
              <>
                <div className="table-scroll" role="region" aria-label="Indicator settings" tabIndex={0}>
                  <table className="data-table data-table--text">
                    <thead>
                      <tr>
                        <th scope="col">Indicator</th>
                        <th scope="col">Figures</th>
                        <th scope="col">Owning agency</th>
                        <th scope="col">Headline</th>
                        <th scope="col">Target</th>
                        <th scope="col">
                          <span className="visually-hidden">Change</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {shared.map((indicator) => (
                        <tr key={indicator.id}>
                          <th scope="row">{indicator.title}</th>
                          <td>{frequencyLabels[indicator.frequency]}</td>
                          <td>{agencyName(indicator.agencyId)}</td>
                          <td>{indicator.headline ? 'Yes' : 'No'}</td>
                          <td>{targetText(indicator)}</td>
                          <td>
                            <button
                              type="button"
                              className="button button--secondary button--small"
                              onClick={() => {
                                setSaved(null);
                                setEditing(indicator.id);
                              }}
                            >
                              Change <span className="visually-hidden">{indicator.title}</span>
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {editingIndicator && agencies.data ? (
                  <SettingsForm
                    key={editingIndicator.id}
                    indicator={editingIndicator}
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
    </>
  );
}
