import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../api/client';
import type { Audit, AuditUpdateRequest } from '../../api/contract';
import { ConflictError } from '../../api/errors';
import { qualityAssuranceQueries } from '../../api/queries';

type AuditList = { audits: Audit[]; total?: number };

/**
 * Records an audit's progress. The page changes at once (optimistic update); if the save fails
 * the audit list goes back to what the server last said (or, after a 409, to the other person's
 * saved audit), and the caller keeps the form open with what the user typed. Every read of the
 * programme changes alike: the whole one and each reporting year's.
 */
export function useUpdateAudit(id: string) {
  const queryClient = useQueryClient();
  const { queryKey } = qualityAssuranceQueries.audits();
  const change = (edit: (a: Audit) => Audit) =>
    queryClient.setQueriesData<AuditList>({ queryKey }, (old) =>
      old ? { ...old, audits: old.audits.map(edit) } : old,
    );
  const replace = (audit: Audit) => change((a) => (a.id === audit.id ? audit : a));
  return useMutation({
    mutationFn: (update: AuditUpdateRequest) => apiSend('updateAudit', update, { params: { id } }),
    onMutate: async (update) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueriesData<AuditList>({ queryKey });
      change((a) => (a.id === id ? { ...a, ...update } : a));
      return { previous };
    },
    onError: (error, _update, context) => {
      for (const [key, data] of context?.previous ?? []) queryClient.setQueryData(key, data);
      // Someone saved first: the page shows their audit, the form keeps this person's typing.
      if (error instanceof ConflictError) replace(error.current as Audit);
    },
    onSuccess: replace,
  });
}
