import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Action, ActionStatus, Priority } from '../../api/contract';
import { actionPlanQueries } from '../../api/queries';
import { BarFigure } from '../../components/charts/bar-figure';
import { Panel } from '../../components/panel';
import { PinButton } from '../../components/pin-button';
import { QueryState } from '../../components/query-state';
import { ShowMore } from '../../components/show-more';
import { lazyForm } from '../../components/form/lazy-form';
import { SavedNotice } from '../../components/form/saved-notice';
import { actionPlanProgressFigure } from '../../lib/board-charts';
import { isOverdue } from '../../lib/overdue';
import { draftKeys } from '../../lib/form-drafts';
import { useKeptDraft } from '../../lib/use-kept-draft';
import { useDocumentTitle } from '../../lib/use-document-title';
import { usePermissions } from '../../lib/use-permissions';
import { useSearchParamUpdater } from '../../lib/use-search-param-updater';
import { useOverdueReference } from '../../lib/use-overdue-reference';
import { useIllustrative } from '../../lib/use-illustrative';
import { IllustrativeNote } from '../../components/illustrative-note';
import { ActionCard } from './action-card';
import { actionStatusLabels } from './action-labels';
import { OfstedRecommendations } from './ofsted-recommendations';
import { PriorityControls } from './priority-controls';
import { useWording } from '../../lib/use-wording';
import { useReportingYear } from '../../lib/use-reporting-year';
import { actionCarriedFrom, actionPlanForYear } from '../../lib/carry-over';
import { plural } from '../../lib/format';

// The forms load when one is opened (lazyForm): a page most people only read loads no schemas.
const ActionSheetLoad = lazyForm(() => import('./action-sheet-load'), 'ActionSheetLoad');
const ActionUpdateForm = lazyForm(() => import('./action-update-form'), 'ActionUpdateForm');
const ActionForm = lazyForm(() => import('./plan-forms'), 'ActionForm');
const CloseActionForm = lazyForm(() => import('./plan-forms'), 'CloseActionForm');
const PriorityForm = lazyForm(() => import('./plan-forms'), 'PriorityForm');

/** Which form is open: an action's update, change or closing, a priority's, or a new one's. */
interface Editing {
  form: 'update' | 'action' | 'close' | 'priority' | 'new-action' | 'sheet';
  /** The action's or priority's id; `new` for a priority being added. */
  id: string;
}

const draftForms: [string, Editing['form']][] = [
  ['action:', 'update'],
  ['plan-action:', 'action'],
  ['close-action:', 'close'],
  ['priority:', 'priority'],
];

const ACTIONS = ['action', 'actions'] as const;

/** Overdue first, then off track, at risk, the rest by due date; complete actions last. */
function urgency(action: Action, overdue: boolean): number {
  if (action.status === 'complete') return 5;
  if (overdue) return 0;
  return { 'off-track': 1, 'at-risk': 2, 'not-started': 3, 'on-track': 4 }[action.status];
}

export function ActionPlanPage() {
  useDocumentTitle('Action plan');
  const { year, status: yearStatus } = useReportingYear();
  // The year's plan only (with the actions closed before it, in brief); the whole plan only when
  // the board's years cannot be known (its details failed, and this browser has none kept). While
  // they are loading, neither: asking for the whole plan then fetched all of it for nothing
  // whenever the page's code arrived before the board's details.
  const planOfYear = useQuery({ ...actionPlanQueries.planForYear(year ?? ''), enabled: year !== null });
  const wholePlan = useQuery({
    ...actionPlanQueries.plan(),
    enabled: year === null && yearStatus === 'unavailable',
  });
  const plan = year ? planOfYear : wholePlan;
  const overdue = useOverdueReference();
  const illustrative = useIllustrative();
  const [params] = useSearchParams();
  const ownerId = useId();
  const statusId = useId();
  const owner = params.get('owner') ?? '';
  const status = params.get('status') ?? '';
  const permissions = usePermissions();
  // A form whose save failed because the session ended opens again with what was typed.
  const [editing, setEditing] = useKeptDraft<Editing>(() => {
    for (const [prefix, form] of draftForms) {
      const key = draftKeys(prefix)[0];
      if (key) {
        const id = key.slice(prefix.length);
        return id.startsWith('new-') ? { form: 'new-action', id: id.slice(4) } : { form, id };
      }
    }
    return null;
  });
  const [saved, setSaved] = useState<string | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const updateParams = useSearchParamUpdater();
  const setFilter = (name: 'owner' | 'status', value: string) => updateParams({ [name]: value });
  const finish = (message: string | null) => {
    setEditing(null);
    setSaved(message);
    returnFocus.current?.focus();
  };
  const open = (form: Editing['form'], id: string) => () => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSaved(null);
    setEditing({ form, id });
  };
  const done = { onDone: finish, onCancel: () => finish(null) };
  const isOpen = (form: Editing['form'], id: string) => editing?.form === form && editing.id === id;
  const actionForm = (action: Action, priority: Priority, priorities: Priority[]) =>
    isOpen('update', action.id) ? (
      <ActionUpdateForm action={action} {...done} />
    ) : isOpen('action', action.id) ? (
      <ActionForm action={action} priorityId={priority.id} priorities={priorities} {...done} />
    ) : isOpen('close', action.id) ? (
      <CloseActionForm action={action} {...done} />
    ) : null;

  // Every action that may answer an Ofsted recommendation: the year's, and those closed before it.
  const allActions = [
    ...(plan.data?.priorities.flatMap((p) => p.actions) ?? []),
    ...(plan.data?.closedBefore ?? []),
  ];
  const words = useWording();
  // The year's plan: the actions open in it. One closed in an earlier year is in that year's plan.
  const yearsPlan = plan.data ? actionPlanForYear(plan.data, year) : null;
  const owners = [
    ...new Set(yearsPlan?.plan.priorities.flatMap((p) => p.actions.map((a) => a.owner)) ?? []),
  ].sort();

  return (
    <div className="page">
      <h1 className="page__title">Action plan</h1>
      <p className="page__lede">
        {words.Theirs} strategic priorities and the actions that deliver them, answering Ofsted’s
        recommendations{year ? `, with the actions open in ${year}` : ''}. Overdue and at-risk actions come
        first. {overdue.explanation}
      </p>
      <div className="page-grid">
        <Panel title="Progress by priority">
          <QueryState query={plan} loadingLabel="Loading the action plan chart">
            {(data) => {
              const figure = actionPlanProgressFigure(data, illustrative, year);
              return (
                <BarFigure
                  {...figure}
                  pin={
                    <PinButton
                      item={{ type: 'action-plan-progress', ...(year ? { year } : {}) }}
                      title={figure.title}
                    />
                  }
                />
              );
            }}
          </QueryState>
        </Panel>
        <OfstedRecommendations actions={allActions} referenceDate={overdue.date} />
        <Panel title="Priorities and actions" className="page-grid__wide">
          <form
            className="filters"
            role="search"
            aria-label="Filter actions"
            onSubmit={(e) => e.preventDefault()}
          >
            <div className="field">
              <label htmlFor={ownerId}>Owner</label>
              <select id={ownerId} value={owner} onChange={(e) => setFilter('owner', e.target.value)}>
                <option value="">All owners</option>
                {owners.map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={statusId}>Status</label>
              <select id={statusId} value={status} onChange={(e) => setFilter('status', e.target.value)}>
                <option value="">All statuses</option>
                {Object.entries(actionStatusLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          </form>
          <IllustrativeNote>
            The priorities’ actions, owners and updates are invented for the demonstration.
          </IllustrativeNote>
          <SavedNotice message={saved} />
          <QueryState
            query={plan}
            loadingLabel="Loading the action plan"
            isEmpty={(d) => d.priorities.length === 0}
            empty={`The action plan has no priorities yet${permissions.editActionPlan ? ': add the first.' : '.'}`}
          >
            {(whole) => {
              const { plan: data, closedBefore } = actionPlanForYear(whole, year);
              let shown = 0;
              const sections = data.priorities.map((priority) => {
                const actions = priority.actions
                  .filter(
                    (a) =>
                      (!owner || a.owner === owner) && (!status || a.status === (status as ActionStatus)),
                  )
                  .map((a) => ({
                    action: a,
                    late: isOverdue(a.dueDate, a.status === 'complete', overdue.date),
                  }))
                  .sort(
                    (x, y) =>
                      urgency(x.action, x.late) - urgency(y.action, y.late) ||
                      x.action.dueDate.localeCompare(y.action.dueDate),
                  );
                shown += actions.length;
                const filtered = owner !== '' || status !== '';
                if (actions.length === 0 && (filtered || (priority.retired && !permissions.editActionPlan))) {
                  return null;
                }
                const editable = permissions.editActionPlan && !priority.retired;
                return (
                  <section key={priority.id} className="priority" aria-labelledby={`priority-${priority.id}`}>
                    <h3 id={`priority-${priority.id}`}>
                      {priority.retired ? 'Retired priority' : `Priority ${priority.number}`}:{' '}
                      {priority.title}
                    </h3>
                    <p className="priority__description">{priority.description}</p>
                    {editable ? (
                      <PriorityControls
                        priority={priority}
                        priorities={data.priorities}
                        onEdit={open('priority', priority.id)}
                        onAddAction={open('new-action', priority.id)}
                        onDone={finish}
                      />
                    ) : null}
                    {isOpen('priority', priority.id) ? <PriorityForm priority={priority} {...done} /> : null}
                    {isOpen('new-action', priority.id) ? (
                      <ActionForm priorityId={priority.id} priorities={data.priorities} {...done} />
                    ) : null}
                    {actions.length === 0 ? (
                      <p className="state state--empty">
                        {year &&
                        (priority.actions.length > 0 ||
                          (data.closedBefore ?? []).some((c) => c.priorityId === priority.id))
                          ? `No actions open in ${year}.`
                          : 'No actions yet.'}
                      </p>
                    ) : null}
                    <ShowMore key={`${priority.id}:${year ?? ''}`} items={actions} noun={ACTIONS}>
                      {(window) => (
                        <ul className="action-list">
                          {window.map(({ action, late }) => (
                            <ActionCard
                              key={action.id}
                              action={action}
                              overdue={late}
                              carriedFrom={year ? actionCarriedFrom(action, year) : null}
                              onUpdate={
                                permissions.updateAction(action) ? open('update', action.id) : undefined
                              }
                              onChange={editable ? open('action', action.id) : undefined}
                              onClose={
                                editable && action.status !== 'complete'
                                  ? open('close', action.id)
                                  : undefined
                              }
                            >
                              {actionForm(action, priority, data.priorities)}
                            </ActionCard>
                          ))}
                        </ul>
                      )}
                    </ShowMore>
                  </section>
                );
              });
              const earlier =
                closedBefore > 0 ? (
                  <p className="action-plan__earlier">
                    {plural(closedBefore, 'action')} closed before {year} {closedBefore === 1 ? 'is' : 'are'}{' '}
                    in the plan of the year {closedBefore === 1 ? 'it' : 'they'} closed in.
                  </p>
                ) : null;
              return shown === 0 && (owner !== '' || status !== '') ? (
                <p className="state state--empty">No actions match these filters.</p>
              ) : (
                <>
                  {sections}
                  {earlier}
                </>
              );
            }}
          </QueryState>
          {permissions.editActionPlan && plan.data ? (
            isOpen('priority', 'new') ? (
              <PriorityForm {...done} />
            ) : isOpen('sheet', 'new') ? (
              <ActionSheetLoad {...done} />
            ) : (
              <div className="import-actions">
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={open('priority', 'new')}
                  {...PriorityForm.intent}
                >
                  Add a priority
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={open('sheet', 'new')}
                  {...ActionSheetLoad.intent}
                >
                  Load from a spreadsheet
                </button>
              </div>
            )
          ) : null}
        </Panel>
      </div>
    </div>
  );
}
