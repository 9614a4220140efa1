import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../api/client';
import type { AuditUpdateRequest } from '../../api/contract';
import { qualityAssuranceQueries } from '../../api/queries';

/**
 * Records an audit's progress. The page changes at once (optimistic update); if the save fails
 * the audit list goes back to what the server last said, and the caller keeps the form open with
 * what the user typed.
 */
export function useUpdateAudit() {
  const queryClient = useQueryClient();
  const { queryKey } = qualityAssuranceQueries.audits();
  return useMutation({
    mutationFn: ({ id, update }: { id: string; update: AuditUpdateRequest }) =>
      apiSend('updateAudit', update, { params: { id } }),
    onMutate: async ({ id, update }) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData(queryKey);
      queryClient.setQueryData(queryKey, (old) =>
        old ? { audits: old.audits.map((a) => (a.id === id ? { ...a, ...update } : a)) } : old,
      );
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey, (old) =>
        old ? { audits: old.audits.map((a) => (a.id === saved.id ? saved : a)) } : old,
      );
    },
  });
}
