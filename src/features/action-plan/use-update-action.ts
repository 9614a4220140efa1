import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../api/client';
import type { Action, ActionPlan, ActionUpdateRequest } from '../../api/contract';
import { ConflictError } from '../../api/errors';
import { actionPlanQueries } from '../../api/queries';

function replaceAction(plan: ActionPlan, id: string, change: (action: Action) => Action): ActionPlan {
  return {
    ...plan,
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
  // Every read of the plan changes alike: the whole one and each reporting year's.
  const { queryKey } = actionPlanQueries.plan();
  const change = (edit: (plan: ActionPlan) => ActionPlan) =>
    queryClient.setQueriesData<ActionPlan>({ queryKey }, (old) => (old ? edit(old) : old));
  return useMutation({
    mutationFn: (update: ActionUpdateRequest) => apiSend('updateAction', update, { params: { id } }),
    onMutate: async (update) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueriesData<ActionPlan>({ queryKey });
      const today = new Date().toISOString().slice(0, 10);
      change((old) =>
        replaceAction(old, id, (a) => ({
          ...a,
          status: update.status,
          progress: update.progress,
          updates: update.note
            ? [...a.updates, { id: 'pending-note', date: today, author: 'You', note: update.note }]
            : a.updates,
        })),
      );
      return { previous };
    },
    onError: (error, _update, context) => {
      for (const [key, data] of context?.previous ?? []) queryClient.setQueryData(key, data);
      if (error instanceof ConflictError) {
        const current = error.current as Action;
        change((old) => replaceAction(old, id, () => current));
      }
    },
    onSuccess: (saved) => {
      change((old) => replaceAction(old, saved.id, () => saved));
    },
  });
}
