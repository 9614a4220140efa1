import type { LateByAgency } from '../../src/api/contract';
import { lateByAgency } from '../../src/lib/late-by-agency';
import type { Queryable } from '../db/database';
import { findBoard, readAgencies } from './board';
import { readAudits } from './quality-assurance';
import { readRounds } from './returns';

/**
 * What each agency is behind with. Returns are late against today; audits are overdue against the
 * date the board's figures run to, or today if that is earlier, as the quality assurance page
 * judges them, so the two never disagree.
 */
export async function readLateByAgency(db: Queryable, today: string): Promise<LateByAgency> {
  const [board, agencies, rounds, audits] = await Promise.all([
    findBoard(db),
    readAgencies(db),
    readRounds(db, today, null),
    readAudits(db),
  ]);
  const dataAsAt = board?.dataAsAt ?? today;
  return lateByAgency({
    agencies,
    rounds,
    audits,
    returnsAsAt: today,
    auditsAsAt: dataAsAt < today ? dataAsAt : today,
  });
}
