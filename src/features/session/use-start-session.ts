import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Session } from '../../api/contract';
import { can } from '../../api/permissions';
import { returnQueries, sessionQueries } from '../../api/queries';

/**
 * Where a person goes when no page was asked for: a contributor with a return to fill in goes to
 * their returns first (issue 23, case 10); everyone else, and anyone when the returns cannot be
 * read just now, to the overview.
 */
async function landingFor(session: Session, queryClient: QueryClient): Promise<string> {
  if (!can.seeReturns(session.user) || can.administer(session.user)) return '/';
  try {
    // The returns page's first page of rounds says which returns are still due, in any round.
    const { pages } = await queryClient.fetchInfiniteQuery(returnQueries.roundPages());
    return (pages[0]?.due?.length ?? 0) > 0 ? '/returns' : '/';
  } catch {
    return '/';
  }
}

/**
 * Signs in (or finishes setting a password, which signs in too) and goes on to the page the
 * person came from (or, with none, where their work is). Everything cached under the old session
 * is dropped first, so nothing from a previous person or a failed request lingers.
 */
export function useStartSession<V>(request: (values: V) => Promise<Session>, next: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: request,
    onSuccess: async (session) => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueries.current().queryKey, session);
      await navigate(next === '/' ? await landingFor(session, queryClient) : next, { replace: true });
    },
  });
}
