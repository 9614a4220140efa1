import type { Annotation } from '../../api/contract';
import {
  annotationEditRequestSchema,
  createAnnotationRequestSchema,
  retireAnnotationRequestSchema,
} from '../../api/contract';
import { indicatorQueries } from '../../api/queries';
import { InputField, TextAreaField } from '../../components/form/fields';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';

// The chart-event forms, loaded when one is opened (chart-events.tsx): with the contract's schemas
// and the form kit, they are most of what an indicator page would otherwise load for nothing.

interface Values {
  date: string;
  label: string;
  description: string;
}

const labels = { date: 'Date', label: 'What happened', description: 'More about it' };

const valuesOf = (event: Annotation | undefined): Values => ({
  date: event?.date ?? '',
  label: event?.label ?? '',
  description: event?.description ?? '',
});

function compare(theirs: Annotation, yours: Values) {
  const mine = valuesOf(theirs);
  return (['date', 'label', 'description'] as const).map((k) => ({
    label: labels[k],
    theirs: mine[k] || 'none',
    yours: yours[k] || 'none',
  }));
}

interface FormProps extends FormDone {
  /** The indicator whose page it is added from; an event keeps its own when changed. */
  indicatorId: string;
  /** The event to change; absent to add one. */
  event?: Annotation;
}

/** Mark an event on the indicator's chart (a new team, a change of definition), or change one. */
export function ChartEventForm({ indicatorId, event, onDone, onCancel }: FormProps) {
  const refresh = indicatorQueries.annotations().queryKey;
  const create = useSaveRecord('createAnnotation', refresh);
  const change = useSaveRecord('editAnnotation', refresh, { id: event?.id ?? '' });
  const form = useRecordForm({
    who: 'this chart event',
    compare,
    draftKey: `chart-event:${event?.id ?? 'new'}`,
    initial: () => valuesOf(event),
    labels,
    record: event,
    // Adding sends the event without a version (the schema leaves it out); changing, with it.
    schema: event
      ? annotationEditRequestSchema
      : (createAnnotationRequestSchema as typeof annotationEditRequestSchema),
    toRequest: (v: Values, version: number) => ({
      ...v,
      indicatorId: event ? event.indicatorId : indicatorId,
      version,
    }),
    save: event ? change : (create as unknown as typeof change),
    onSaved: (saved) =>
      onDone(event ? `Saved the chart event “${saved.label}”.` : `Marked “${saved.label}” on the chart.`),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={event ? `Change the chart event: ${event.label}` : 'Add a chart event'}
      submitLabel={event ? 'Save the event' : 'Add the event'}
      onClose={onCancel}
    >
      <div className="record-form__grid">
        <InputField
          form={form}
          name="date"
          type="date"
          label={labels.date}
          hint="The chart marks it in the period this date falls in"
        />
        <InputField
          form={form}
          name="label"
          label={labels.label}
          hint="For example: New CSE team, or Definition changed"
          maxLength={120}
        />
      </div>
      <TextAreaField form={form} name="description" label={labels.description} maxLength={1000} />
    </RecordFormFrame>
  );
}

/** Retire an event: no longer marked on charts or told in their narratives; kept in the audit trail. */
export function RetireChartEventForm({ event, onDone, onCancel }: FormDone & { event: Annotation }) {
  const form = useRecordForm({
    who: 'this chart event',
    compare: (theirs: Annotation) => compare(theirs, valuesOf(event)),
    draftKey: `chart-event-retire:${event.id}`,
    initial: () => ({}),
    labels: {},
    record: event,
    schema: retireAnnotationRequestSchema,
    toRequest: (_values, version) => ({ version }),
    save: useSaveRecord('retireAnnotation', indicatorQueries.annotations().queryKey, { id: event.id }),
    onSaved: () => onDone(`Retired “${event.label}”. It is no longer marked on the charts.`),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={`Retire the chart event: ${event.label}`}
      submitLabel="Retire the event"
      onClose={onCancel}
    >
      <p>It will no longer be marked on the charts or told in their narratives. The audit trail keeps it.</p>
    </RecordFormFrame>
  );
}
