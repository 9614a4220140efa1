import type { UseQueryResult } from '@tanstack/react-query';
import { RecordButton } from '../../components/form/record-button';
import {
  annotationEditRequestSchema,
  createAnnotationRequestSchema,
  retireAnnotationRequestSchema,
  type Annotation,
} from '../../api/contract';
import { indicatorQueries } from '../../api/queries';
import { InputField, TextAreaField } from '../../components/form/fields';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { SavedNotice } from '../../components/form/saved-notice';
import { useEditing } from '../../components/form/use-editing';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { ErrorState, LoadingState } from '../../components/states';
import { formatDate } from '../../lib/format';
import { usePermissions } from '../../lib/use-permissions';

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

function EventButton({ verb, event, onClick }: { verb: string; event: Annotation; onClick: () => void }) {
  return <RecordButton verb={verb} name={`the event ${event.label}`} onClick={onClick} />;
}

interface Props {
  indicatorId: string;
  /** The events marked on the chart as it is shown, numbered as the chart numbers them. */
  events: readonly Annotation[];
  annotations: UseQueryResult<unknown>;
  /** No controls to add, change or retire events. */
  readOnly?: boolean;
}

/** The events marked on an indicator's chart; editors and administrators add, change and retire them. */
export function ChartEvents({ indicatorId, events, annotations, readOnly = false }: Props) {
  const permissions = usePermissions();
  const editable = permissions.editBoardRecords && !readOnly;
  const { editing, saved, open, formProps } = useEditing({
    event: 'chart-event',
    retire: 'chart-event-retire',
  });
  const props = { indicatorId, ...formProps };
  const editedEvent = events.find((e) => e.id === editing?.id);

  if (!annotations.isError && !annotations.isPending && events.length === 0 && !editable) return null;
  return (
    <section className="events" aria-labelledby="events-heading">
      <h3 id="events-heading">Events marked on the chart</h3>
      {annotations.isError ? (
        <>
          <p className="events__failed">The events could not be loaded, so the chart shows none.</p>
          <ErrorState error={annotations.error} onRetry={() => void annotations.refetch()} />
        </>
      ) : annotations.isPending ? (
        <LoadingState label="Loading the events" />
      ) : (
        <>
          <SavedNotice message={saved} />
          {events.length > 0 ? (
            // Numbered as the chart numbers them, in date order.
            <ol>
              {events.map((e) => (
                <li key={e.id}>
                  <strong>
                    {formatDate(e.date)}: {e.label}.
                  </strong>{' '}
                  {e.description}
                  {editable ? (
                    <span className="events__controls">
                      {' '}
                      <EventButton verb="Change" event={e} onClick={() => open('event', e.id)} />{' '}
                      <EventButton verb="Retire" event={e} onClick={() => open('retire', e.id)} />
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="state state--empty">No events are marked in this period: add the first.</p>
          )}
          {editing && editedEvent ? (
            editing.form === 'event' ? (
              <ChartEventForm key={editedEvent.id} event={editedEvent} {...props} />
            ) : (
              <RetireChartEventForm key={editedEvent.id} event={editedEvent} {...props} />
            )
          ) : null}
          {editable && editing?.id !== 'new' ? (
            <button type="button" className="button button--secondary" onClick={() => open('event', 'new')}>
              Add a chart event
            </button>
          ) : null}
          {editable && editing?.id === 'new' ? <ChartEventForm {...props} /> : null}
        </>
      )}
    </section>
  );
}
