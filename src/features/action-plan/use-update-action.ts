import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../api/client';
import type { Action, ActionPlan, ActionUpdateRequest } from '../../api/contract';
import { ConflictError } from '../../api/errors';
import { actionPlanQueries } from '../../api/queries';

function replaceAction(plan: ActionPlan, id: string, change: (action: Action) => Action): ActionPlan {
  return {
    priorities: plan.priorities.map((p) => ({
      ...p,
      actions: p.actions.map((a) => (a.id === id ? change(a) : a)),
    })),
  };
}

/**
 * Updates an action's status and progress, with an optional dated note. The plan changes at once
 * (optimistic update) and goes back to what the server last said if the save fails (after a 409, to
 * the other person's saved action).
 */
export function useUpdateAction(id: string) {
  const queryClient = useQueryClient();
  const { queryKey } = actionPlanQueries.plan();
  return useMutation({
    mutationFn: (update: ActionUpdateRequest) => apiSend('updateAction', update, { params: { id } }),
    onMutate: async (update) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData(queryKey);
      const today = new Date().toISOString().slice(0, 10);
      queryClient.setQueryData(queryKey, (old) =>
        old
          ? replaceAction(old, id, (a) => ({
              ...a,
              status: update.status,
              progress: update.progress,
              updates: update.note
                ? [...a.updates, { id: 'pending-note', date: today, author: 'You', note: update.note }]
                : a.updates,
            }))
          : old,
      );
      return { previous };
    },
    onError: (error, _update, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      if (error instanceof ConflictError) {
        const current = error.current as Action;
        queryClient.setQueryData(queryKey, (old) => (old ? replaceAction(old, id, () => current) : old));
      }
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey, (old) => (old ? replaceAction(old, saved.id, () => saved) : old));
    },
  });
}
