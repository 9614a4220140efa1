import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiSend } from '../../api/client';
import {
  ofstedJudgementSchema,
  saveBoardRequestSchema,
  type Board,
  type BoardKind,
  type OfstedJudgement,
} from '../../api/contract';
import { ConflictError, HttpError } from '../../api/errors';
import { isLocalId } from '../../api/local-indicators';
import { boardQueries, indicatorQueries } from '../../api/queries';
import { ConflictNotice } from '../../components/form/conflict-notice';
import { Field } from '../../components/form/field';
import { SelectField } from '../../components/form/fields';
import { RecordForm } from '../../components/form/record-form';
import { Panel } from '../../components/panel';
import { LoadingState, ErrorState } from '../../components/states';
import { describeSaveFailure, fieldErrorsFromIssues, type FieldErrors } from '../../lib/field-errors';
import { useWording } from '../../lib/use-wording';
import { AdminLayout } from './admin-layout';
import { NewYearPanel } from './new-year-panel';
import { SignInPolicyPanel } from './sign-in-policy-panel';

const kindLabels: Record<BoardKind, string> = {
  partnership: 'A safeguarding children partnership',
  board: 'A Local Safeguarding Children Board',
};

const judgementLabels: Record<OfstedJudgement, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
};

interface Values {
  kind: BoardKind;
  name: string;
  shortName: string;
  areaName: string;
  laCode: string;
  oldLaCode: string;
  region: string;
  reportingYears: string;
  currentYear: string;
  dataAsAt: string;
  hasOfsted: boolean;
  judgement: OfstedJudgement;
  inspectionTitle: string;
  publishedDate: string;
  summary: string;
  recommendationsPage: string;
  illustrativeNotice: string;
  /** '' for the default, the first headline indicator. */
  featuredIndicatorId: string;
  /** '' for none. */
  auditScheduleIndicatorId: string;
}

function valuesOf(board: Board | null): Values {
  return {
    // A board set up today is a partnership: there have been no LSCBs since September 2019.
    kind: board?.kind ?? 'partnership',
    name: board?.name ?? '',
    shortName: board?.shortName ?? '',
    areaName: board?.area.name ?? '',
    laCode: board?.area.laCode ?? '',
    oldLaCode: board?.area.oldLaCode ?? '',
    region: board?.area.region ?? '',
    reportingYears: board?.reportingYears.join(', ') ?? '',
    currentYear: board?.currentYear ?? '',
    dataAsAt: board?.dataAsAt ?? '',
    hasOfsted: board ? board.ofsted !== null : false,
    judgement: board?.ofsted?.judgement ?? 'good',
    inspectionTitle: board?.ofsted?.inspectionTitle ?? '',
    publishedDate: board?.ofsted?.publishedDate ?? '',
    summary: board?.ofsted?.summary ?? '',
    recommendationsPage: board?.ofsted ? String(board.ofsted.recommendationsPage) : '',
    illustrativeNotice: board?.illustrativeNotice ?? '',
    featuredIndicatorId: board?.featuredIndicatorId ?? '',
    auditScheduleIndicatorId: board?.auditScheduleIndicatorId ?? '',
  };
}

function toRequest(values: Values, version: number | null) {
  return {
    kind: values.kind,
    name: values.name.trim(),
    shortName: values.shortName.trim(),
    area: {
      name: values.areaName.trim(),
      laCode: values.laCode.trim(),
      oldLaCode: values.oldLaCode.trim(),
      region: values.region.trim(),
    },
    reportingYears: values.reportingYears
      .split(/[\s,]+/)
      .map((y) => y.trim())
      .filter(Boolean),
    currentYear: values.currentYear.trim(),
    dataAsAt: values.dataAsAt,
    ofsted: values.hasOfsted
      ? {
          judgement: values.judgement,
          inspectionTitle: values.inspectionTitle.trim(),
          publishedDate: values.publishedDate,
          summary: values.summary.trim(),
          recommendationsPage: Number(values.recommendationsPage),
        }
      : null,
    illustrativeNotice: values.illustrativeNotice.trim() || null,
    featuredIndicatorId: values.featuredIndicatorId || null,
    auditScheduleIndicatorId: values.auditScheduleIndicatorId || null,
    version,
  };
}

const labels: Record<string, string> = {
  kind: 'What it is',
  name: 'Board name',
  shortName: 'Short name',
  area: 'Area',
  reportingYears: 'Reporting years',
  currentYear: 'Year shown first',
  dataAsAt: 'Figures as at',
  ofsted: 'Ofsted judgement',
  illustrativeNotice: 'Illustrative data notice',
  featuredIndicatorId: 'Indicator featured on the overview',
  auditScheduleIndicatorId: 'Indicator worked out from the audit programme',
};

/** Every field by its path, so that a message names the field it is about. */
const fieldLabels: Record<string, string> = {
  ...labels,
  'area.name': 'Local authority',
  'area.laCode': 'ONS code',
  'area.oldLaCode': 'DfE code',
  'area.region': 'Region',
  'ofsted.judgement': 'Judgement',
  'ofsted.inspectionTitle': 'Inspection or review',
  'ofsted.publishedDate': 'Published',
  'ofsted.summary': 'Summary',
  'ofsted.recommendationsPage': 'Recommendations on page',
};

function BoardForm({ board }: { board: Board | null }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => valuesOf(board));
  const [version, setVersion] = useState<number | null>(board?.version ?? null);
  const [theirs, setTheirs] = useState<Board | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const indicators = useQuery(indicatorQueries.list());
  const save = useMutation({
    mutationFn: (request: unknown) => apiSend('saveBoard', saveBoardRequestSchema.parse(request)),
    onSuccess: (savedBoard) => queryClient.setQueryData(boardQueries.detail().queryKey, savedBoard),
  });
  const set = (change: Partial<Values>) => setValues((v) => ({ ...v, ...change }));
  const fieldIds = Object.fromEntries(Object.keys(labels).map((k) => [k, `${id}-${k}`]));
  const form = {
    values,
    set: <K extends keyof Values>(name: K, value: Values[K]) => set({ [name]: value }),
    errors,
    fieldIds,
  };

  const submit = () => {
    setFailure(null);
    setSaved(null);
    const parsed = saveBoardRequestSchema.safeParse(toRequest(values, version));
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues, fieldLabels));
      return;
    }
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: (result) => {
        setVersion(result.version);
        setTheirs(null);
        setSaved('Saved the board’s settings. Every page now uses them.');
      },
      onError: (error) => {
        if (error instanceof ConflictError) {
          const current = error.current as Board;
          setTheirs(current);
          setVersion(current.version);
          queryClient.setQueryData(boardQueries.detail().queryKey, current);
        }
        const result = describeSaveFailure(error, undefined, fieldLabels);
        setErrors(result.fieldErrors);
        setFailure(result.message);
      },
    });
  };

  const text = (key: keyof Values, label: string, hint?: string, error?: string) => (
    <Field label={label} hint={hint} error={error} id={`${id}-${key}`}>
      <input type="text" value={values[key] as string} onChange={(e) => set({ [key]: e.target.value })} />
    </Field>
  );

  const indicatorChoice = (
    key: 'featuredIndicatorId' | 'auditScheduleIndicatorId',
    hint: string,
    none: string,
  ) => (
    <Field label={labels[key]!} hint={hint} error={errors[key]} id={fieldIds[key]}>
      <select value={values[key]} onChange={(e) => set({ [key]: e.target.value })}>
        <option value="">{none}</option>
        {(indicators.data?.indicators ?? [])
          .filter((i) => !isLocalId(i.id))
          .map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        {values[key] && !indicators.data?.indicators.some((i) => i.id === values[key]) ? (
          <option value={values[key]}>{values[key]}</option>
        ) : null}
      </select>
    </Field>
  );

  return (
    <>
      {saved ? (
        <p className="notice notice--success" role="status">
          {saved}
        </p>
      ) : null}
      <RecordForm
        heading={board ? 'Change the board’s settings' : 'Set up the board'}
        headingLevel={3}
        saveError={failure}
        errors={errors}
        fieldIds={fieldIds}
        labels={labels}
        pending={save.isPending}
        submitLabel={board ? 'Save settings' : 'Set up the board'}
        onSubmit={submit}
        onCancel={() => {
          setValues(valuesOf(theirs ?? board));
          setErrors({});
          setFailure(null);
        }}
        notice={
          theirs ? (
            <ConflictNotice
              who="the board’s settings"
              changes={[
                { label: labels.kind!, theirs: kindLabels[theirs.kind], yours: kindLabels[values.kind] },
                { label: 'Board name', theirs: theirs.name, yours: values.name },
                {
                  label: 'Reporting years',
                  theirs: theirs.reportingYears.join(', '),
                  yours: toRequest(values, null).reportingYears.join(', '),
                },
                { label: 'Year shown first', theirs: theirs.currentYear, yours: values.currentYear },
                { label: 'Figures as at', theirs: theirs.dataAsAt, yours: values.dataAsAt },
              ]}
            />
          ) : null
        }
      >
        <SelectField
          form={form}
          name="kind"
          label={labels.kind!}
          hint="Since 2019 boards are safeguarding children partnerships. This sets the words every page uses (“the partnership” and “partners”, or “the board” and “board members”); the name below is shown as typed."
          options={kindLabels}
        />
        <div className="record-form__grid">
          {text('name', labels.name!, undefined, errors.name)}
          {text(
            'shortName',
            labels.shortName!,
            'For slides and the meeting pack, e.g. WSCB',
            errors.shortName,
          )}
        </div>
        <fieldset className={errors.area ? 'field--error' : undefined} id={fieldIds.area} tabIndex={-1}>
          <legend>Area</legend>
          {errors.area ? (
            <p className="field__error">
              <span className="visually-hidden">Error:</span> {errors.area}
            </p>
          ) : null}
          <div className="record-form__grid">
            {text('areaName', 'Local authority')}
            {text('laCode', 'ONS code', 'E and eight digits, such as E08000031')}
            {text('oldLaCode', 'DfE code', 'Three digits, such as 336')}
            {text('region', 'Region')}
          </div>
        </fieldset>
        <div className="record-form__grid">
          {text(
            'reportingYears',
            labels.reportingYears!,
            'Financial years, separated by commas: 2016-17, 2017-18',
            errors.reportingYears,
          )}
          {text('currentYear', labels.currentYear!, 'One of the reporting years', errors.currentYear)}
          <Field
            label={labels.dataAsAt!}
            hint="The date the board’s figures run to"
            error={errors.dataAsAt}
            id={fieldIds.dataAsAt}
          >
            <input type="date" value={values.dataAsAt} onChange={(e) => set({ dataAsAt: e.target.value })} />
          </Field>
        </div>
        <fieldset className={errors.ofsted ? 'field--error' : undefined} id={fieldIds.ofsted} tabIndex={-1}>
          <legend>Ofsted judgement</legend>
          {errors.ofsted ? (
            <p className="field__error">
              <span className="visually-hidden">Error:</span> {errors.ofsted}
            </p>
          ) : null}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.hasOfsted}
              onChange={(e) => set({ hasOfsted: e.target.checked })}
            />
            Ofsted has judged the partnership
          </label>
          {values.hasOfsted ? (
            <>
              <div className="record-form__grid">
                <Field label="Judgement" id={`${id}-judgement`}>
                  <select
                    value={values.judgement}
                    onChange={(e) => set({ judgement: e.target.value as OfstedJudgement })}
                  >
                    {ofstedJudgementSchema.options.map((j) => (
                      <option key={j} value={j}>
                        {judgementLabels[j]}
                      </option>
                    ))}
                  </select>
                </Field>
                {text('inspectionTitle', 'Inspection or review')}
                <Field label="Published" id={`${id}-published`}>
                  <input
                    type="date"
                    value={values.publishedDate}
                    onChange={(e) => set({ publishedDate: e.target.value })}
                  />
                </Field>
                {text('recommendationsPage', 'Recommendations on page', 'Of the board’s annual report')}
              </div>
              <Field label="Summary" id={`${id}-summary`}>
                <textarea
                  rows={3}
                  value={values.summary}
                  onChange={(e) => set({ summary: e.target.value })}
                />
              </Field>
            </>
          ) : null}
        </fieldset>
        {indicatorChoice(
          'featuredIndicatorId',
          'Shown with its chart beside the headline tiles. Headline indicators are chosen in Indicator settings.',
          'The first headline indicator',
        )}
        {indicatorChoice(
          'auditScheduleIndicatorId',
          'The indicator that counts multi-agency case file audits completed against the schedule: its overview tile is worked out from the audits recorded on the quality assurance page, as at the date the figures run to.',
          'None: every indicator shows its reported figures',
        )}
        <Field
          label={labels.illustrativeNotice!}
          hint="Leave empty for a real board. Shown in the footer when some figures are invented for a demonstration."
          error={errors.illustrativeNotice}
          id={fieldIds.illustrativeNotice}
        >
          <textarea
            rows={3}
            value={values.illustrativeNotice}
            onChange={(e) => set({ illustrativeNotice: e.target.value })}
          />
        </Field>
      </RecordForm>
    </>
  );
}

export function BoardSettingsPage() {
  const board = useQuery(boardQueries.detail());
  const words = useWording();
  const notSetUp = board.error instanceof HttpError && board.error.status === 404;
  const [yearsStarted, setYearsStarted] = useState(0);
  return (
    <AdminLayout
      title={words.settings}
      lede={`What ${words.the} is (a board or a partnership), its name and area, the years it reports, the year every page shows first, the date its figures run to, and its Ofsted judgement.`}
    >
      <Panel title="Settings">
        {board.isPending ? (
          <LoadingState label="Loading the board’s settings" />
        ) : board.data ? (
          // Opened afresh when a new year is started: the settings' version and years moved on.
          <BoardForm key={`${board.data.id}:${yearsStarted}`} board={board.data} />
        ) : notSetUp ? (
          <BoardForm board={null} />
        ) : (
          <ErrorState error={board.error} onRetry={() => void board.refetch()} />
        )}
      </Panel>
      {board.data ? (
        <NewYearPanel board={board.data} onStarted={() => setYearsStarted((n) => n + 1)} />
      ) : null}
      <SignInPolicyPanel />
    </AdminLayout>
  );
}
