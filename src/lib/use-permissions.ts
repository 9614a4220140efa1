import { useQuery } from '@tanstack/react-query';
import type { SessionUser } from '../api/contract';
import { can } from '../api/permissions';
import { sessionQueries } from '../api/queries';

/**
 * What the signed-in person may do, to show or hide controls (the data service enforces it
 * anyway). Where the API has no sign-in of its own (its /session answers 404) the dashboard shows
 * every control and leaves the decision to that API. Until the session is known, nothing is shown.
 */
export function usePermissions() {
  const session = useQuery(sessionQueries.current());
  const open = session.data === null;
  const user: SessionUser | null = session.data?.user ?? null;
  const allow = (check: (user: SessionUser) => boolean) => open || (user !== null && check(user));
  return {
    user,
    /** Whether the session is known yet: 'pending', 'error' (said by the banner), or 'known'. */
    status: session.isPending ? 'pending' : session.isError ? 'error' : ('known' as const),
    /** The API has no sign-in of its own: every control is shown. */
    open,
    recordAuditProgress: allow(can.recordAuditProgress),
    planAudits: allow(can.planAudits),
    keepReviews: allow(can.keepReviews),
    editActionPlan: allow(can.editActionPlan),
    editBoardRecords: allow(can.editBoardRecords),
    updateAction: (action: { owner: string }) => allow((u) => can.updateAction(u, action)),
    seeReturns: user !== null && can.seeReturns(user),
    readAllReturns: user !== null && can.readAllReturns(user),
    enterReturn: (agencyId: string) => user !== null && can.enterReturn(user, agencyId),
    seeSelfAssessments: user !== null && can.seeSelfAssessments(user),
    challengeSelfAssessments: user !== null && can.challengeSelfAssessments(user),
    enterSelfAssessment: (agencyId: string) => user !== null && can.enterSelfAssessment(user, agencyId),
    administer: user !== null && can.administer(user),
  };
}
