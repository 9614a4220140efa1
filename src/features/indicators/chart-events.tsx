import type { UseQueryResult } from '@tanstack/react-query';
import { RecordButton } from '../../components/form/record-button';
import type { Annotation } from '../../api/contract';
import { lazyForm } from '../../components/form/lazy-form';
import { SavedNotice } from '../../components/form/saved-notice';
import { useEditing } from '../../components/form/use-editing';
import { ErrorState, LoadingState } from '../../components/states';
import { formatDate } from '../../lib/format';
import { usePermissions } from '../../lib/use-permissions';

const ChartEventForm = lazyForm(() => import('./chart-event-forms'), 'ChartEventForm');
const RetireChartEventForm = lazyForm(() => import('./chart-event-forms'), 'RetireChartEventForm');

function EventButton({ verb, event, onClick }: { verb: string; event: Annotation; onClick: () => void }) {
  return (
    <RecordButton
      verb={verb}
      name={`the event ${event.label}`}
      onClick={onClick}
      intent={ChartEventForm.intent}
    />
  );
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
            <button
              type="button"
              className="button button--secondary"
              onClick={() => open('event', 'new')}
              {...ChartEventForm.intent}
            >
              Add a chart event
            </button>
          ) : null}
          {editable && editing?.id === 'new' ? <ChartEventForm {...props} /> : null}
        </>
      )}
    </section>
  );
}
