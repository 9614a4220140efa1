import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { apiSend, type RequestOf, type ResponseOf } from '../../api/client';
import type { EndpointName } from '../../api/contract';

/**
 * Sends one write of the contract for a record form; whatever the answer (saved, or a 409 with
 * someone else's record), the page's data under `refresh` is read again so it shows what is saved.
 * Where the write answers with the very thing `refresh` reads (`answerIsRead`: PUT /board answers
 * the board), a save puts its answer there at once instead.
 */
export function useSaveRecord<E extends EndpointName>(
  name: E,
  refresh: QueryKey,
  params?: Record<string, string>,
  { answerIsRead = false }: { answerIsRead?: boolean } = {},
) {
  const queryClient = useQueryClient();
  return useMutation<ResponseOf<E>, Error, RequestOf<E>>({
    mutationFn: (body) => apiSend(name, body as Parameters<typeof apiSend<E>>[1], params ? { params } : {}),
    onSuccess: (saved) => {
      if (answerIsRead) queryClient.setQueryData(refresh, saved);
    },
    onSettled: (_saved, error) => {
      if (!answerIsRead || error) void queryClient.invalidateQueries({ queryKey: refresh });
    },
  });
}
