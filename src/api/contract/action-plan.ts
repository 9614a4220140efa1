import { z, type RefinementCtx } from '../zod';
import { idSchema, isoDateSchema, nonEmpty } from './common';

export const actionStatusSchema = z.enum(['not-started', 'on-track', 'at-risk', 'off-track', 'complete']);

export const actionUpdateNoteSchema = z.object({
  id: idSchema,
  date: isoDateSchema,
  author: nonEmpty(),
  note: nonEmpty(),
});

interface ActionProgress {
  status: z.infer<typeof actionStatusSchema>;
  progress: number;
}

function checkProgress(action: ActionProgress, ctx: RefinementCtx<ActionProgress>) {
  if (action.status === 'complete' && action.progress !== 100) {
    ctx.addIssue({ code: 'custom', path: ['progress'], message: 'A complete action is 100% done' });
  }
  if (action.status !== 'complete' && action.progress === 100) {
    ctx.addIssue({
      code: 'custom',
      path: ['status'],
      message: 'An action that is 100% done should be marked complete',
    });
  }
}

const progressSchema = z
  .int({ error: 'Enter progress as a whole number from 0 to 100' })
  .check(z.gte(0, 'Progress cannot be below 0%'), z.lte(100, 'Progress cannot be above 100%'));

export const actionSchema = z
  .object({
    id: idSchema,
    title: nonEmpty(),
    owner: nonEmpty(),
    dueDate: isoDateSchema,
    status: actionStatusSchema,
    progress: progressSchema,
    ofstedRecommendationIds: z.array(idSchema),
    updates: z.array(actionUpdateNoteSchema),
    /** Goes up by one with every saved change; a save must name the version it was based on. */
    version: z.int().check(z.positive()),
  })
  .check(z.superRefine(checkProgress));

export const prioritySchema = z.object({
  id: idSchema,
  number: z.int().check(z.positive()),
  title: nonEmpty(),
  description: z.string(),
  actions: z.array(actionSchema),
});

export const actionPlanSchema = z.object({ priorities: z.array(prioritySchema) });

/**
 * PATCH /action-plan/actions/{id}: update an action's status and progress, optionally with a dated
 * note. `version` is the version the change was based on (409 with the action as it now stands if
 * someone has saved since).
 */
export const actionUpdateRequestSchema = z
  .object({
    status: actionStatusSchema,
    progress: progressSchema,
    version: z.int(),
    note: z.optional(
      z.string().check(z.trim(), z.minLength(1, 'Write a note or leave it out'), z.maxLength(1000)),
    ),
  })
  .check(z.superRefine(checkProgress));

export const ofstedRecommendationSchema = z.object({
  id: idSchema,
  number: z.int().check(z.positive()),
  text: nonEmpty(),
  actionIds: z.array(idSchema),
});

export const ofstedRecommendationListSchema = z.object({
  reportTitle: nonEmpty(),
  page: z.int().check(z.positive()),
  recommendations: z.array(ofstedRecommendationSchema),
});

export type ActionStatus = z.infer<typeof actionStatusSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Priority = z.infer<typeof prioritySchema>;
export type ActionPlan = z.infer<typeof actionPlanSchema>;
export type ActionUpdateRequest = z.infer<typeof actionUpdateRequestSchema>;
export type OfstedRecommendation = z.infer<typeof ofstedRecommendationSchema>;
