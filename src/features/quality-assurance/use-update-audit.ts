import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../api/client';
import type { Audit, AuditUpdateRequest } from '../../api/contract';
import { ConflictError } from '../../api/errors';
import { qualityAssuranceQueries } from '../../api/queries';

/**
 * Records an audit's progress. The page changes at once (optimistic update); if the save fails
 * the audit list goes back to what the server last said (or, after a 409, to the other person's
 * saved audit), and the caller keeps the form open with what the user typed.
 */
export function useUpdateAudit(id: string) {
  const queryClient = useQueryClient();
  const { queryKey } = qualityAssuranceQueries.audits();
  const replace = (audit: Audit) =>
    queryClient.setQueryData(queryKey, (old) =>
      old ? { audits: old.audits.map((a) => (a.id === audit.id ? audit : a)) } : old,
    );
  return useMutation({
    mutationFn: (update: AuditUpdateRequest) => apiSend('updateAudit', update, { params: { id } }),
    onMutate: async (update) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData(queryKey);
      queryClient.setQueryData(queryKey, (old) =>
        old ? { audits: old.audits.map((a) => (a.id === id ? { ...a, ...update } : a)) } : old,
      );
      return { previous };
    },
    onError: (error, _update, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      // Someone saved first: the page shows their audit, the form keeps this person's typing.
      if (error instanceof ConflictError) replace(error.current as Audit);
    },
    onSuccess: replace,
  });
}
