import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { saveBoardRequestSchema, type Board, type BoardKind, type OfstedJudgement } from '../../api/contract';
import { isNotFound } from '../../api/errors';
import { isLocalId } from '../../api/local-indicators';
import { boardQueries, indicatorQueries } from '../../api/queries';
import {
  CheckboxField,
  FieldGroup,
  InputField,
  SelectField,
  TextAreaField,
} from '../../components/form/fields';
import { RecordFormFrame } from '../../components/form/record-form';
import { SavedNotice } from '../../components/form/saved-notice';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { Panel } from '../../components/panel';
import { LoadingState, ErrorState } from '../../components/states';
import { useWording } from '../../lib/use-wording';
import { AdminLayout } from './admin-layout';
import { NewYearPanel } from './new-year-panel';
import { SignInPolicyPanel } from './sign-in-policy-panel';
import { judgementLabels } from '../../lib/ofsted-labels';

const kindLabels: Record<BoardKind, string> = {
  partnership: 'A safeguarding children partnership',
  board: 'A Local Safeguarding Children Board',
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
  const [saved, setSaved] = useState<string | null>(null);
  const indicators = useQuery(indicatorQueries.list());
  const form = useRecordForm({
    who: 'the board’s settings',
    compare: (theirs: Board, values: Values) => [
      { label: labels.kind!, theirs: kindLabels[theirs.kind], yours: kindLabels[values.kind] },
      { label: 'Board name', theirs: theirs.name, yours: values.name },
      {
        label: 'Reporting years',
        theirs: theirs.reportingYears.join(', '),
        yours: toRequest(values, null).reportingYears.join(', '),
      },
      { label: 'Year shown first', theirs: theirs.currentYear, yours: values.currentYear },
      { label: 'Figures as at', theirs: theirs.dataAsAt, yours: values.dataAsAt },
    ],
    draftKey: 'board-settings',
    initial: () => valuesOf(board),
    labels,
    fieldLabels,
    ...(board ? { record: board } : {}),
    schema: saveBoardRequestSchema,
    // A board not set up yet has no version to name.
    toRequest: (values, version) => toRequest(values, board || version > 0 ? version : null),
    save: useSaveRecord('saveBoard', boardQueries.detail().queryKey, undefined, { answerIsRead: true }),
    onSaved: () => setSaved('Saved the board’s settings. Every page now uses them.'),
  });
  const { values } = form;
  const indicatorChoice = (
    key: 'featuredIndicatorId' | 'auditScheduleIndicatorId',
    hint: string,
    none: string,
  ) => {
    const known = (indicators.data?.indicators ?? []).filter((i) => !isLocalId(i.id));
    const options: [string, string][] = [['', none], ...known.map((i): [string, string] => [i.id, i.title])];
    // A choice saved earlier and no longer listed stays as it is, by its id.
    if (values[key] && !known.some((i) => i.id === values[key])) options.push([values[key], values[key]]);
    return <SelectField form={form} name={key} label={labels[key]!} hint={hint} options={options} />;
  };

  return (
    <>
      <SavedNotice message={saved} />
      <RecordFormFrame
        form={form}
        heading={board ? 'Change the board’s settings' : 'Set up the board'}
        submitLabel={board ? 'Save settings' : 'Set up the board'}
        // Always open on its page: shown with it, not opened by a press.
        takesFocus={false}
        onClose={() => {
          setSaved(null);
          form.reset(valuesOf(form.theirs ?? board));
        }}
      >
        <SelectField
          form={form}
          name="kind"
          label={labels.kind!}
          hint="Since 2019 boards are safeguarding children partnerships. This sets the words every page uses (“the partnership” and “partners”, or “the board” and “board members”); the name below is shown as typed."
          options={kindLabels}
        />
        <div className="record-form__grid">
          <InputField form={form} name="name" label={labels.name!} />
          <InputField
            form={form}
            name="shortName"
            label={labels.shortName!}
            hint="For slides and the meeting pack, e.g. WSCB"
          />
        </div>
        <FieldGroup
          legend="Area"
          id={form.fieldIds.area}
          error={form.errors.area}
          errorId={`${form.fieldIds.area}-error`}
        >
          <div className="record-form__grid">
            <InputField form={form} name="areaName" label="Local authority" />
            <InputField
              form={form}
              name="laCode"
              label="ONS code"
              hint="E and eight digits, such as E08000031"
            />
            <InputField form={form} name="oldLaCode" label="DfE code" hint="Three digits, such as 336" />
            <InputField form={form} name="region" label="Region" />
          </div>
        </FieldGroup>
        <div className="record-form__grid">
          <InputField
            form={form}
            name="reportingYears"
            label={labels.reportingYears!}
            hint="Financial years, separated by commas: 2016-17, 2017-18"
          />
          <InputField
            form={form}
            name="currentYear"
            label={labels.currentYear!}
            hint="One of the reporting years"
          />
          <InputField
            form={form}
            type="date"
            name="dataAsAt"
            label={labels.dataAsAt!}
            hint="The date the board’s figures run to"
          />
        </div>
        <FieldGroup
          legend="Ofsted judgement"
          id={form.fieldIds.ofsted}
          error={form.errors.ofsted}
          errorId={`${form.fieldIds.ofsted}-error`}
        >
          <CheckboxField form={form} name="hasOfsted" label="Ofsted has judged the partnership" />
          {values.hasOfsted ? (
            <>
              <div className="record-form__grid">
                <SelectField form={form} name="judgement" label="Judgement" options={judgementLabels} />
                <InputField form={form} name="inspectionTitle" label="Inspection or review" />
                <InputField form={form} type="date" name="publishedDate" label="Published" />
                <InputField
                  form={form}
                  name="recommendationsPage"
                  label="Recommendations on page"
                  hint="Of the board’s annual report"
                />
              </div>
              <TextAreaField form={form} name="summary" label="Summary" />
            </>
          ) : null}
        </FieldGroup>
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
        <TextAreaField
          form={form}
          name="illustrativeNotice"
          label={labels.illustrativeNotice!}
          hint="Leave empty for a real board. Shown in the footer when some figures are invented for a demonstration."
        />
      </RecordFormFrame>
    </>
  );
}

export function BoardSettingsPage() {
  const board = useQuery(boardQueries.detail());
  const words = useWording();
  const notSetUp = isNotFound(board.error);
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
