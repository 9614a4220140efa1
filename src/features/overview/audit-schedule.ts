import type { Audit, IndicatorSummaryItem, Observation } from '../../api/contract';
import { multiAgencyAuditsOnSchedule } from '../../lib/board-charts';
import { financialYearCode } from '../../lib/periods';

const quarterEnds = ['06-30', '09-30', '12-31', '03-31'] as const;

const yearOfDate = (isoDate: string): number => {
  const year = Number(isoDate.slice(0, 4));
  return Number(isoDate.slice(5, 7)) >= 4 ? year : year - 1;
};

/**
 * The indicator that counts the audit programme, its figures worked out from the audits the board
 * records, as the quality assurance page counts them: for each quarter up to `asAt` of a year with
 * multi-agency audits due, the share of those due by the quarter's end that were complete by then.
 * Quarters before the programme has audits keep the reported figure.
 */
export function withAuditProgramme<T extends IndicatorSummaryItem>(
  indicator: T,
  audits: readonly Audit[],
  asAt: string,
): T {
  if (indicator.frequency !== 'quarterly') return indicator;
  const byPeriod = new Map<string, Observation>(indicator.series.map((o) => [o.period, o]));
  const starts = new Set(audits.map((a) => yearOfDate(a.plannedDate)));
  for (const start of starts) {
    const year = financialYearCode(start);
    quarterEnds.forEach((monthDay, i) => {
      const end = `${i === 3 ? start + 1 : start}-${monthDay}`;
      if (end > asAt) return;
      const { due, percent } = multiAgencyAuditsOnSchedule(audits, year, end);
      if (due > 0) byPeriod.set(`Q${i + 1} ${year}`, { period: `Q${i + 1} ${year}`, value: percent });
    });
  }
  return { ...indicator, series: [...byPeriod.values()] };
}
