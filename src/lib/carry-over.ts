import type { Action, ActionPlan, Audit, AuditAction, ClosedAction, FinancialYear } from '../api/contract';
import { isInFinancialYear } from './overdue';
import { financialYearOfDate, financialYearStart } from './periods';

/**
 * What a reporting year holds of the audit programme, worked out from dates and status, never
 * copied: an audit belongs to the year it was planned in, and to every later year it was still
 * open at the start of (not done, or completed on or after that 1 April). An audit planned in one
 * year and finished in the next so belongs to both; a closed one stays in the years it was open in,
 * and a year looked back at shows what it showed then.
 */
const yearStart = (year: FinancialYear): string => `${financialYearStart(year) ?? 0}-04-01`;

/** Whether work closed on `closed` (null: still open) was still open when `year` began. */
const openAtStart = (closed: string | null | undefined, open: boolean, year: FinancialYear) =>
  open || (closed != null && closed >= yearStart(year));

/** Planned in an earlier year and still open when this one began (a cancelled audit never is). */
export function auditCarriedInto(audit: Audit, year: FinancialYear): boolean {
  if (audit.plannedDate >= yearStart(year) || audit.status === 'cancelled') return false;
  return openAtStart(audit.completedDate, audit.status !== 'completed', year);
}

/** The audits a year's schedule shows: planned in it, or carried into it. */
export function auditScheduleForYear(audits: readonly Audit[], year: FinancialYear): Audit[] {
  return audits.filter((a) => isInFinancialYear(a.plannedDate, year) || auditCarriedInto(a, year));
}

export interface ArisingAction {
  audit: Audit;
  action: AuditAction;
  /** From an audit of an earlier year, still open when this one began. */
  carried: boolean;
}

/**
 * The actions arising a year shows: every action of the audits planned in it (a retired one too,
 * marked so), and the actions of earlier audits still open when it began. A retired action is
 * never carried.
 */
export function actionsArisingForYear(audits: readonly Audit[], year: FinancialYear): ArisingAction[] {
  return audits.flatMap((audit): ArisingAction[] => {
    if (isInFinancialYear(audit.plannedDate, year)) {
      return audit.actionsArising.map((action) => ({ audit, action, carried: false }));
    }
    if (audit.plannedDate >= yearStart(year)) return [];
    return audit.actionsArising
      .filter((a) => !a.retired && openAtStart(a.closedDate, a.status === 'open', year))
      .map((action) => ({ audit, action, carried: true }));
  });
}

/**
 * The audits a reporting year shows anywhere (its schedule, or an action arising in it): what the
 * data service hands over for `GET /audits?year=` and the demo API too. Both lists above filter
 * audit by audit, so worked out from these alone they are the same as from the whole programme.
 */
export function auditsShownInYear(audits: readonly Audit[], year: FinancialYear): Audit[] {
  const shown = new Set([
    ...auditScheduleForYear(audits, year),
    ...actionsArisingForYear(audits, year).map((a) => a.audit),
  ]);
  return audits.filter((a) => shown.has(a));
}

/** What starting `year` carries into it: the audits and actions arising open at its start. */
export function carriedIntoYear(audits: readonly Audit[], year: FinancialYear) {
  return {
    audits: audits.filter((a) => auditCarriedInto(a, year)),
    actions: actionsArisingForYear(audits, year).filter((a) => a.carried),
  };
}

/**
 * Whether an action of the action plan belongs to `year`: not closed before the year began. An
 * action closed in one year stays in that year and is not carried on; an open one is in every year
 * (the board may add to its plan while it looks at any year, so the day it was added does not hide
 * it from one).
 */
export function actionInYear(action: Action, year: FinancialYear): boolean {
  return openAtStart(
    action.completedDate,
    action.status !== 'complete' || action.completedDate == null,
    year,
  );
}

/** The year an action was carried over from: added in an earlier year and still open when `year` began. */
export function actionCarriedFrom(action: Action, year: FinancialYear): FinancialYear | null {
  return action.addedDate != null && action.addedDate < yearStart(year) && actionInYear(action, year)
    ? financialYearOfDate(action.addedDate)
    : null;
}

/** An action closed before a year began, in brief (see `closedActionSchema`). */
const closedAction = (action: Action, priorityId: string): ClosedAction => ({
  id: action.id,
  priorityId,
  title: action.title,
  owner: action.owner,
  dueDate: action.dueDate,
  status: 'complete',
  progress: 100,
  completedDate: action.completedDate!,
  ofstedRecommendationIds: action.ofstedRecommendationIds,
});

/**
 * The action plan as a reporting year shows it: each priority with the actions open in the year,
 * and, in brief, the actions closed before it began (which are in those years' plans). What the
 * data service and the demo API hand over for `GET /action-plan?year=`; the same again on a plan
 * already cut to the year.
 */
export function yearsActionPlan(plan: ActionPlan, year: FinancialYear): ActionPlan {
  const closedBefore = [...(plan.closedBefore ?? [])];
  const priorities = plan.priorities.map((priority) => ({
    ...priority,
    actions: priority.actions.filter((action) => {
      const shown = actionInYear(action, year);
      // Not in the year is closed before it began (see actionInYear).
      if (!shown) closedBefore.push(closedAction(action, priority.id));
      return shown;
    }),
  }));
  return { priorities, closedBefore };
}

/**
 * The action plan as a reporting year shows it, from the whole plan or from the year's (the data
 * service's answer to `?year=`). `closedBefore` counts the actions closed in earlier years. No year
 * (the board's years not known yet): the whole plan.
 */
export function actionPlanForYear(
  plan: ActionPlan,
  year: FinancialYear | null,
): { plan: ActionPlan; closedBefore: number } {
  if (!year) return { plan, closedBefore: 0 };
  const years = yearsActionPlan(plan, year);
  return { plan: years, closedBefore: years.closedBefore?.length ?? 0 };
}

/**
 * Whether a record the board retires rather than deletes (a review, a partnership link) is in a
 * year's view: in force, or retired in a later year, so that a past year shows what it showed
 * then. No year (the board's years not known yet): only the records in force.
 */
export function inForceInYear(record: { retiredIn?: FinancialYear }, year: FinancialYear | null): boolean {
  return record.retiredIn === undefined || (year !== null && year < record.retiredIn);
}
