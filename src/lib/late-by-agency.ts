import type { AgencyLateness, Audit, LateByAgency, ReturnRound } from '../api/contract';

interface Inputs {
  /** The board's partner agencies, in the board's order. */
  agencies: readonly { id: string; name: string }[];
  rounds: readonly ReturnRound[];
  audits: readonly Audit[];
  /** Today: a return is late once its due date has passed. */
  returnsAsAt: string;
  /** The date audits are judged against (see the contract). */
  auditsAsAt: string;
}

const normalised = (name: string) => name.trim().toLocaleLowerCase('en-GB');

/**
 * What each agency is behind with, the most behind first: its late returns, and the overdue audits
 * it leads. An audit names its lead agency in words; where the words are a partner agency's name
 * the audit counts against that agency, otherwise against the lead agency as named. Every partner
 * agency is listed (with nothing late, it shows as up to date); other lead agencies only when they
 * have an overdue audit.
 */
export function lateByAgency({ agencies, rounds, audits, returnsAsAt, auditsAsAt }: Inputs): LateByAgency {
  const rows: AgencyLateness[] = agencies.map((a) => ({
    agencyId: a.id,
    agencyName: a.name,
    lateReturns: [],
    overdueAudits: [],
  }));
  const byId = new Map(rows.map((row) => [row.agencyId, row]));
  const byName = new Map(rows.map((row) => [normalised(row.agencyName), row]));

  const oldestFirst = [...rounds].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  for (const round of oldestFirst) {
    for (const a of round.agencies) {
      if (!a.late) continue;
      let row = byId.get(a.agencyId);
      if (!row) {
        row = { agencyId: a.agencyId, agencyName: a.agencyName, lateReturns: [], overdueAudits: [] };
        rows.push(row);
        byId.set(a.agencyId, row);
        byName.set(normalised(a.agencyName), row);
      }
      row.lateReturns.push({
        roundId: round.id,
        quarter: round.quarter,
        dueDate: round.dueDate,
        status: a.status,
      });
    }
  }

  const overdue = audits
    .filter((a) => (a.status === 'planned' || a.status === 'in-progress') && a.plannedDate < auditsAsAt)
    .sort((a, b) => a.plannedDate.localeCompare(b.plannedDate));
  for (const audit of overdue) {
    const key = normalised(audit.leadAgency);
    let row = byName.get(key);
    if (!row) {
      row = { agencyId: null, agencyName: audit.leadAgency.trim(), lateReturns: [], overdueAudits: [] };
      rows.push(row);
      byName.set(key, row);
    }
    row.overdueAudits.push({
      auditId: audit.id,
      title: audit.title,
      plannedDate: audit.plannedDate,
      plannedQuarter: audit.plannedQuarter ?? null,
      status: audit.status,
    });
  }

  const behind = (row: AgencyLateness) => row.lateReturns.length + row.overdueAudits.length;
  // A stable sort keeps the board's own order among agencies equally behind.
  rows.sort((a, b) => behind(b) - behind(a) || b.lateReturns.length - a.lateReturns.length);
  return { returnsAsAt, auditsAsAt, agencies: rows };
}
