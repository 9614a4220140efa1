import { addOfstedRecommendationsRequestSchema } from '../../api/contract';
import { actionPlanQueries } from '../../api/queries';
import { InputField, SelectField, TextAreaField } from '../../components/form/fields';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { judgementLabels } from '../../lib/ofsted-labels';

const labels = {
  reportTitle: 'Inspection report',
  inspectionDate: 'Date of the inspection',
  judgement: 'Judgement',
  recommendations: 'Recommendations',
};

/** Add an inspection's recommendations, one a line; actions link to them from their side. */
export function InspectionForm({ onDone, onCancel }: FormDone) {
  const form = useRecordForm({
    draftKey: 'ofsted-recommendations:new',
    initial: () => ({
      reportTitle: '',
      inspectionDate: '',
      judgement: 'requires-improvement',
      recommendations: '',
    }),
    labels,
    schema: addOfstedRecommendationsRequestSchema,
    toRequest: (v) => ({
      ...v,
      recommendations: v.recommendations
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    }),
    save: useSaveRecord('addOfstedRecommendations', actionPlanQueries.ofstedRecommendations().queryKey),
    onSaved: (_saved, request) =>
      onDone(`Added ${request.recommendations.length} recommendations from “${request.reportTitle}”.`),
  });
  return (
    <RecordFormFrame
      form={form}
      heading="Add an inspection’s recommendations"
      submitLabel="Add the recommendations"
      onClose={onCancel}
    >
      <InputField form={form} name="reportTitle" label={labels.reportTitle} maxLength={300} />
      <div className="record-form__grid">
        <InputField form={form} name="inspectionDate" type="date" label={labels.inspectionDate} />
        <SelectField form={form} name="judgement" label={labels.judgement} options={judgementLabels} />
      </div>
      <TextAreaField
        form={form}
        name="recommendations"
        label={labels.recommendations}
        hint="One recommendation a line, in the report’s order"
        rows={6}
      />
    </RecordFormFrame>
  );
}
