import type { ActionPlan, Audit, FinancialYear, Funding, GradeCounts } from '../api/contract';
import type { BarFigureProps } from '../components/charts/bar-figure';
import { formatDate, formatValue, plural } from './format';
import { actionPlanForYear } from './carry-over';
import { isInFinancialYear, isOverdue, quarterOfDate } from './overdue';
import { wordingFor, type Wording } from './wording';

/**
 * The board's own charts (audits, action plan), built from API data into the props of the shared
 * BarFigure. They live here, not in a feature, so the pages and the meeting pack draw the same chart.
 * `illustrative` is true when the board says its data is invented for a demonstration (its
 * `illustrativeNotice`): the source line then says so.
 */

export function auditsForYear(audits: readonly Audit[], year: FinancialYear): Audit[] {
  return audits.filter((a) => isInFinancialYear(a.plannedDate, year));
}

const marked = (source: string, illustrative: boolean) =>
  illustrative ? `${source} (illustrative)` : source;

/** A year in a chart's title: "2017-18 (part year)" when the figures stop before its 31 March. */
function titleYear(year: FinancialYear, asAt: string | null): string {
  const start = Number(year.slice(0, 4));
  return asAt !== null && asAt < `${start + 1}-03-31` ? `${year} (part year)` : year;
}

/**
 * Multi-agency case file audits planned for a year up to a date, and how many of them were complete
 * by then: the count the "audits completed against the schedule" indicator makes each quarter, so
 * the QA page and the overview's tile give the same figure.
 */
export function multiAgencyAuditsOnSchedule(
  audits: readonly Audit[],
  year: FinancialYear,
  asAt: string,
): { due: number; complete: number; percent: number | null } {
  const due = auditsForYear(audits, year).filter(
    (a) => a.kind === 'multi-agency' && a.status !== 'cancelled' && a.plannedDate <= asAt,
  );
  const complete = due.filter(
    (a) => a.status === 'completed' && a.completedDate !== null && a.completedDate <= asAt,
  ).length;
  return {
    due: due.length,
    complete,
    percent: due.length ? Math.round((complete / due.length) * 100) : null,
  };
}

export function auditProgressFigure(
  audits: readonly Audit[],
  year: FinancialYear,
  referenceDate: string | null,
  illustrative: boolean,
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
  const multi = referenceDate === null ? null : multiAgencyAuditsOnSchedule(audits, year, referenceDate);
  const multiText =
    multi === null || multi.due === 0
      ? ''
      : ` Multi-agency case file audits due by ${formatDate(referenceDate!)}: ${multi.complete} of ${multi.due} complete (${multi.percent}%).`;
  // Without the date the board's figures run to, overdue audits cannot be counted: say so.
  const overdueText =
    referenceDate === null
      ? '; which are overdue is not known until the board’s details load'
      : overdue > 0
        ? `; ${plural(overdue, 'audit')} ${overdue === 1 ? 'is' : 'are'} overdue`
        : '';
  const narrative =
    inYear.length === 0
      ? `No audits are planned for ${year}.`
      : `${done} of the ${plural(inYear.length, 'audit')} planned for ${year} (multi-agency and single-agency) ${done === 1 ? 'is' : 'are'} complete${overdueText}.${multiText}`;
  return {
    title: `Audits planned and completed, ${titleYear(year, referenceDate)}`,
    period: year,
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
    source: marked('Quality assurance committee audit schedule', illustrative),
  };
}

export const gradeLabels: Record<keyof GradeCounts, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requiresImprovement: 'Requires improvement',
  inadequate: 'Inadequate',
};

export function gradeSpreadFigure(
  audits: readonly Audit[],
  year: FinancialYear,
  referenceDate: string | null,
  illustrative: boolean,
): BarFigureProps {
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
    title: `Grades given to audited cases, ${titleYear(year, referenceDate)}`,
    period: year,
    narrative,
    tableCaption: `Cases by grade, across audits completed in ${year}`,
    categoryLabel: 'Grade',
    categories: keys.map((k) => gradeLabels[k]),
    series: [{ id: 'cases', label: 'Cases', values: totals, colorIndex: 0 }],
    unit: 'count',
    decimalPlaces: 0,
    fileName: `audit-grades-${year}`,
    source: marked('Quality assurance committee audit findings', illustrative),
  };
}

/** Average progress of each priority's actions, in per cent. */
export function priorityProgress(plan: ActionPlan): { title: string; progress: number }[] {
  return plan.priorities.map((p) => ({
    // A retired priority keeps its actions, under its name rather than a number now reused.
    title: p.retired ? `Retired priority: ${p.title}` : `Priority ${p.number}: ${p.title}`,
    progress:
      p.actions.length === 0
        ? 0
        : Math.round(p.actions.reduce((s, a) => s + a.progress, 0) / p.actions.length),
  }));
}

/**
 * Progress by priority of the actions open in `year` (see `actionPlanForYear`), or of the whole plan
 * when no year is given.
 */
export function actionPlanProgressFigure(
  whole: ActionPlan,
  illustrative: boolean,
  year: FinancialYear | null = null,
): BarFigureProps {
  const plan = actionPlanForYear(whole, year).plan;
  const rows = priorityProgress(plan);
  const actions = plan.priorities.flatMap((p) => p.actions);
  const complete = actions.filter((a) => a.status === 'complete').length;
  const lowest = [...rows].sort((a, b) => a.progress - b.progress)[0];
  const narrative =
    actions.length === 0
      ? year
        ? `The action plan had no actions open in ${year}.`
        : 'The action plan has no actions yet.'
      : `${complete} of ${year ? `the ${plural(actions.length, 'action')} in the plan for ${year}` : `the plan’s ${plural(actions.length, 'action')}`} are complete.${lowest ? ` ${lowest.title} is furthest behind, at ${lowest.progress}% done.` : ''}`;
  return {
    title: 'Strategic action plan: progress by priority',
    period: year ? `The plan for ${year}` : 'The plan to date',
    narrative,
    tableCaption: `Average progress of each priority’s actions${year ? ` in the plan for ${year}` : ''}, per cent`,
    categoryLabel: 'Priority',
    categories: rows.map((r) => r.title),
    series: [{ id: 'progress', label: 'Progress', values: rows.map((r) => r.progress), colorIndex: 0 }],
    unit: 'percent',
    decimalPlaces: 0,
    max: 100,
    fileName: year ? `action-plan-progress-${year}` : 'action-plan-progress',
    source: marked('Strategic action plan', illustrative),
  };
}

const money = (n: number) => formatValue(n, 'gbp', 0);

/**
 * Partners' contributions to the board's budget, by partner, for each year up to the reporting
 * year; the narrative is about the reporting year (or the latest year recorded, before it).
 */
export function partnerFundingFigure(
  funding: Funding,
  year: FinancialYear | null,
  illustrative: boolean,
  words: Wording = wordingFor('board'),
): BarFigureProps {
  const recorded = [...new Set(funding.contributions.map((c) => c.year))].sort();
  const shownYear =
    year && recorded.includes(year)
      ? year
      : (recorded.filter((y) => !year || y <= year).at(-1) ?? recorded.at(-1) ?? '');
  const years = recorded.filter((y) => y <= shownYear);
  const partners = [...new Set(funding.contributions.map((c) => c.partner))];
  const inYear = funding.contributions.filter((c) => c.year === shownYear);
  const total = inYear.reduce((s, c) => s + c.amount, 0);
  const largest = [...inYear].sort((a, b) => b.amount - a.amount)[0];
  const narrative = largest
    ? `In ${shownYear} partners contributed ${money(total)}. ${largest.partner} was the largest contributor, with ${money(largest.amount)} (${Math.round((largest.amount / total) * 100)}%).`
    : 'No contributions are recorded.';
  return {
    title: `Partner contributions to ${words.theirs} budget`,
    narrative,
    tableCaption: 'Contributions by partner and financial year, pounds',
    categoryLabel: 'Partner',
    categories: partners,
    // The reporting year first, as the solid bar; earlier years hatched below it.
    series: [...years].reverse().map((y, i) => ({
      id: y,
      label: y,
      values: partners.map(
        (p) => funding.contributions.find((c) => c.partner === p && c.year === y)?.amount ?? null,
      ),
      colorIndex: i % 4,
    })),
    unit: 'gbp',
    decimalPlaces: 0,
    fileName: `partner-contributions-to-${shownYear}`,
    period: years.length > 1 ? `${years[0]} to ${shownYear}` : shownYear,
    source: marked(`${words.Noun} budget`, illustrative),
  };
}

/** Income against spending in a year, stated in words: what is left, or by how much it overspent. */
export function budgetBalance(funding: Funding, year: FinancialYear, words: Wording = wordingFor('board')) {
  const sum = (rows: readonly { year: string; amount: number }[]) =>
    rows.filter((r) => r.year === year).reduce((s, r) => s + r.amount, 0);
  const income = sum(funding.contributions);
  const spending = sum(funding.spending);
  const balance = income - spending;
  const hasSpending = funding.spending.some((l) => l.year === year);
  const sentence = !hasSpending
    ? `No spending is recorded for ${year}.`
    : `In ${year} partners contributed ${money(income)} and ${words.the} spent ${money(spending)}: ${
        balance > 0
          ? `${money(balance)} was left.`
          : balance < 0
            ? `it overspent by ${money(-balance)}.`
            : 'it spent exactly what it received.'
      }`;
  return { year, income, spending, balance, sentence };
}

/**
 * The board's own spending in the reporting year (or the latest year recorded before it), line by
 * line; the narrative sets it against the partners' contributions that year.
 */
export function boardSpendingFigure(
  funding: Funding,
  year: FinancialYear | null,
  illustrative: boolean,
  words: Wording = wordingFor('board'),
): BarFigureProps {
  const recorded = [...new Set(funding.spending.map((l) => l.year))].sort();
  const shownYear =
    year && recorded.includes(year)
      ? year
      : (recorded.filter((y) => !year || y <= year).at(-1) ?? recorded.at(-1) ?? year ?? '');
  const lines = funding.spending.filter((l) => l.year === shownYear);
  return {
    title: `${words.Theirs} spending`,
    narrative: budgetBalance(funding, shownYear, words).sentence,
    tableCaption: `Spending by line in ${shownYear}, pounds`,
    categoryLabel: 'Spent on',
    categories: lines.map((l) => l.item),
    series: [{ id: shownYear, label: shownYear, values: lines.map((l) => l.amount), colorIndex: 1 }],
    unit: 'gbp',
    decimalPlaces: 0,
    fileName: `board-spending-${shownYear}`,
    period: shownYear,
    source: marked(`${words.Noun} budget`, illustrative),
  };
}
