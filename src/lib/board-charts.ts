import type { ActionPlan, Audit, FinancialYear, GradeCounts } from '../api/contract';
import type { BarFigureProps } from '../components/charts/bar-figure';
import { isInFinancialYear, isOverdue, quarterOfDate } from './overdue';

/**
 * The board's own charts (audits, action plan), built from API data into the props of the shared
 * BarFigure. They live here, not in a feature, so the pages and the meeting pack draw the same chart.
 */

export function auditsForYear(audits: readonly Audit[], year: FinancialYear): Audit[] {
  return audits.filter((a) => isInFinancialYear(a.plannedDate, year));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function auditProgressFigure(
  audits: readonly Audit[],
  year: FinancialYear,
  referenceDate: string,
): BarFigureProps {
  const inYear = auditsForYear(audits, year).filter((a) => a.status !== 'cancelled');
  const quarters = [1, 2, 3, 4] as const;
  const planned = quarters.map((q) => inYear.filter((a) => quarterOfDate(a.plannedDate) === q).length);
  const completed = quarters.map(
    (q) =>
      inYear.filter(
        (a) => a.status === 'completed' && a.completedDate !== null && quarterOfDate(a.plannedDate) === q,
      ).length,
  );
  const done = completed.reduce((a, b) => a + b, 0);
  const overdue = inYear.filter((a) =>
    isOverdue(a.plannedDate, a.status === 'completed', referenceDate),
  ).length;
  const narrative =
    inYear.length === 0
      ? `No audits are planned for ${year}.`
      : `${done} of the ${plural(inYear.length, 'audit')} planned for ${year} ${done === 1 ? 'is' : 'are'} complete${overdue > 0 ? `; ${plural(overdue, 'audit')} ${overdue === 1 ? 'is' : 'are'} overdue` : ''}.`;
  return {
    title: `Audits planned and completed, ${year}`,
    narrative,
    tableCaption: `Audits planned and completed by the quarter they were planned for, ${year}`,
    categoryLabel: 'Quarter',
    categories: quarters.map((q) => `Q${q} ${year}`),
    series: [
      { id: 'planned', label: 'Planned', values: planned, colorIndex: 0 },
      { id: 'completed', label: 'Completed', values: completed, colorIndex: 1 },
    ],
    unit: 'count',
    decimalPlaces: 0,
    fileName: `audits-planned-and-completed-${year}`,
    source: 'Quality assurance committee audit schedule (illustrative)',
  };
}

export const gradeLabels: Record<keyof GradeCounts, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requiresImprovement: 'Requires improvement',
  inadequate: 'Inadequate',
};

export function gradeSpreadFigure(audits: readonly Audit[], year: FinancialYear): BarFigureProps {
  const completed = auditsForYear(audits, year).filter((a) => a.status === 'completed' && a.grades);
  const keys = Object.keys(gradeLabels) as (keyof GradeCounts)[];
  const totals = keys.map((k) => completed.reduce((sum, a) => sum + (a.grades?.[k] ?? 0), 0));
  const cases = totals.reduce((a, b) => a + b, 0);
  const goodOrBetter = (totals[0] ?? 0) + (totals[1] ?? 0);
  const narrative =
    cases === 0
      ? `No audits completed in ${year} have graded cases yet.`
      : `Of the ${plural(cases, 'case')} graded in ${plural(completed.length, 'completed audit')} in ${year}, ${goodOrBetter} (${Math.round((goodOrBetter / cases) * 100)}%) were good or outstanding.`;
  return {
    title: `Grades given to audited cases, ${year}`,
    narrative,
    tableCaption: `Cases by grade, across audits completed in ${year}`,
    categoryLabel: 'Grade',
    categories: keys.map((k) => gradeLabels[k]),
    series: [{ id: 'cases', label: 'Cases', values: totals, colorIndex: 0 }],
    unit: 'count',
    decimalPlaces: 0,
    fileName: `audit-grades-${year}`,
    source: 'Quality assurance committee audit findings (illustrative)',
  };
}

/** Average progress of each priority's actions, in per cent. */
export function priorityProgress(plan: ActionPlan): { title: string; progress: number }[] {
  return plan.priorities.map((p) => ({
    title: `Priority ${p.number}: ${p.title}`,
    progress:
      p.actions.length === 0
        ? 0
        : Math.round(p.actions.reduce((s, a) => s + a.progress, 0) / p.actions.length),
  }));
}

export function actionPlanProgressFigure(plan: ActionPlan): BarFigureProps {
  const rows = priorityProgress(plan);
  const actions = plan.priorities.flatMap((p) => p.actions);
  const complete = actions.filter((a) => a.status === 'complete').length;
  const lowest = [...rows].sort((a, b) => a.progress - b.progress)[0];
  const narrative =
    actions.length === 0
      ? 'The action plan has no actions yet.'
      : `${complete} of the plan’s ${plural(actions.length, 'action')} are complete.${lowest ? ` ${lowest.title} is furthest behind, at ${lowest.progress}% done.` : ''}`;
  return {
    title: 'Strategic action plan: progress by priority',
    narrative,
    tableCaption: 'Average progress of each priority’s actions, per cent',
    categoryLabel: 'Priority',
    categories: rows.map((r) => r.title),
    series: [{ id: 'progress', label: 'Progress', values: rows.map((r) => r.progress), colorIndex: 0 }],
    unit: 'percent',
    decimalPlaces: 0,
    max: 100,
    fileName: 'action-plan-progress',
    source: 'Strategic action plan (illustrative)',
  };
}
