import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Session } from '../../api/contract';
import { sessionQueries } from '../../api/queries';

/**
 * Signs in (or finishes setting a password, which signs in too) and goes on to the page the
 * person came from. Everything cached under the old session is dropped first, so nothing from a
 * previous person or a failed request lingers.
 */
export function useStartSession<V>(request: (values: V) => Promise<Session>, next: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: request,
    onSuccess: async (session) => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueries.current().queryKey, session);
      await navigate(next, { replace: true });
    },
  });
}
