import { z } from '../zod';
import { idSchema, isoDateSchema, nonEmpty } from './common';

/**
 * Section 11 self-assessment (Children Act 2004, s.11; Working Together): each partner agency
 * rates itself against the board's safeguarding standards, with evidence and improvement actions;
 * the quality assurance committee checks the ratings, challenges, and accepts or sends back.
 */

export const section11RatingSchema = z.enum(['met', 'partly-met', 'not-met', 'not-applicable']);

const text = (what: string, max: number) =>
  z.string().check(z.trim(), z.minLength(1, `Enter ${what}`), z.maxLength(max, `At most ${max} characters`));
const optionalText = (max: number) =>
  z.string().check(z.trim(), z.maxLength(max, `At most ${max} characters`));

export const section11StandardSchema = z.object({
  id: idSchema,
  /** Its number in the board's set: "1" to "8" for the statutory arrangements, then the board's own. */
  code: nonEmpty(),
  title: nonEmpty(),
  /** What meeting it looks like: the evidence the committee expects. */
  description: z.string(),
  /** One of the eight arrangements section 11 names, or one the board added. */
  statutory: z.boolean(),
});

/** GET /section11/standards: the board's set in force, in order. */
export const section11StandardsSchema = z.object({
  standards: z.array(section11StandardSchema),
  /** Goes up by one with every saved change; a change names the version it was based on. */
  version: z.int().check(z.gte(0)),
  /** The open cycle's title while one is open: the set cannot change then. */
  lockedBy: z.nullable(z.string()),
});

/**
 * PUT /section11/standards: the whole set, in order. A standard with an id is changed; one without
 * is added; one left out is retired (kept for the cycles that used it). Statutory standards cannot
 * be left out.
 */
export const saveSection11StandardsRequestSchema = z.object({
  version: z.int().check(z.gte(0)),
  standards: z
    .array(
      z.object({
        id: z.nullable(idSchema),
        code: text('its number, for example 9', 10),
        title: text('the standard', 300),
        description: optionalText(2000),
      }),
    )
    .check(
      z.minLength(1, 'Keep at least one standard'),
      z.maxLength(60, 'At most 60 standards'),
      z.refine(
        (rows) => new Set(rows.map((r) => r.code.toLowerCase())).size === rows.length,
        'Number each standard once',
      ),
    ),
});

export const section11StatusSchema = z.enum(['not-started', 'draft', 'submitted', 'sent-back', 'accepted']);

export const section11AgencySummarySchema = z.object({
  agencyId: idSchema,
  agencyName: nonEmpty(),
  status: section11StatusSchema,
  /** Not yet submitted (or accepted) and the due date has passed. */
  late: z.boolean(),
  submittedAt: z.nullable(z.iso.datetime()),
});

export const section11CycleSchema = z.object({
  id: idSchema,
  title: nonEmpty(),
  openedOn: isoDateSchema,
  dueDate: isoDateSchema,
  /** Null while open. */
  closedOn: z.nullable(isoDateSchema),
  version: z.int().check(z.positive()),
  /** The agencies taking part; a contributor is shown only theirs. */
  agencies: z.array(section11AgencySummarySchema),
});

export const section11CycleListSchema = z.object({ cycles: z.array(section11CycleSchema) });

/** POST /section11/cycles: an administrator opens a cycle. */
export const openSection11CycleRequestSchema = z.object({
  title: text('a title, for example Section 11 audit 2018', 120),
  dueDate: z.iso.date({ error: 'Enter a real date, for example 30 November 2018' }),
  agencyIds: z.array(idSchema).check(z.minLength(1, 'Choose at least one agency')),
});

/** POST /section11/cycles/{id}/close. Submissions not accepted by then stay as they are. */
export const closeSection11CycleRequestSchema = z.object({ version: z.int() });

export const section11AnswerSchema = z.object({
  standardId: idSchema,
  /** The agency's own rating; null until given. */
  rating: z.nullable(section11RatingSchema),
  /** Why the standard does not apply to the agency (needed with not-applicable). */
  notApplicableReason: z.string(),
  evidence: z.string(),
  /** Addresses of the evidence (policies, training records) on the agency's own systems. */
  links: z.array(z.string()),
  /** The quality assurance committee's rating, where it differs from the agency's. */
  committeeRating: z.nullable(section11RatingSchema),
  /** The challenge question the committee asked, and the agency's answer. */
  challenge: z.string(),
  agencyResponse: z.string(),
});

export const section11ImprovementSchema = z.object({
  id: idSchema,
  standardId: idSchema,
  description: nonEmpty(),
  owner: nonEmpty(),
  dueDate: isoDateSchema,
  status: z.enum(['open', 'complete']),
  /** The action-plan action it became, once the board agreed it. */
  actionId: z.nullable(idSchema),
});

/** One agency's self-assessment in a cycle, with the standards it answers. */
export const section11AssessmentSchema = z.object({
  cycleId: idSchema,
  cycleTitle: nonEmpty(),
  dueDate: isoDateSchema,
  open: z.boolean(),
  agencyId: idSchema,
  agencyName: nonEmpty(),
  status: section11StatusSchema,
  late: z.boolean(),
  version: z.int().check(z.positive()),
  submittedAt: z.nullable(z.iso.datetime()),
  /** The committee's comments when it sent the assessment back. */
  comments: z.nullable(z.string()),
  standards: z.array(section11StandardSchema),
  answers: z.array(section11AnswerSchema),
  improvements: z.array(section11ImprovementSchema),
  /** The agency's answers in its last accepted assessment, to show beside each standard. */
  previous: z.nullable(
    z.object({
      cycleTitle: nonEmpty(),
      answers: z.array(section11AnswerSchema),
    }),
  ),
});

const linkSchema = z
  .string()
  .check(
    z.trim(),
    z.maxLength(500, 'At most 500 characters'),
    z.regex(/^https:\/\/\S+$/, 'Enter a web address starting https://'),
  );

const answerRequestSchema = z.object({
  standardId: idSchema,
  rating: z.nullable(section11RatingSchema),
  notApplicableReason: optionalText(1000),
  evidence: optionalText(5000),
  links: z.array(linkSchema).check(z.maxLength(10, 'At most 10 links')),
});

const improvementRequestSchema = z.object({
  /** Null for a new one. */
  id: z.nullable(idSchema),
  standardId: idSchema,
  description: text('what will be done', 1000),
  owner: text('who owns it', 200),
  dueDate: z.iso.date({ error: 'Enter a real date, for example 31 March 2019' }),
  status: z.enum(['open', 'complete']),
});

/** PUT …/agencies/{agency}: the draft as it stands; a draft may be incomplete. */
export const saveSection11AssessmentRequestSchema = z.object({
  version: z.int(),
  answers: z.array(answerRequestSchema).check(z.maxLength(60)),
  improvements: z.array(improvementRequestSchema).check(z.maxLength(200)),
});

/** POST …/submit, …/accept, and …/send-back (which needs the committee's comments). */
export const section11DecisionRequestSchema = z.object({ version: z.int() });
export const sendBackSection11RequestSchema = z.object({
  version: z.int(),
  comments: z
    .string()
    .check(z.trim(), z.minLength(1, 'Say what the agency needs to change'), z.maxLength(4000)),
});

/** POST …/moderation: the committee's own ratings, challenge questions and the agency's answers. */
export const moderateSection11RequestSchema = z.object({
  version: z.int(),
  moderation: z
    .array(
      z.object({
        standardId: idSchema,
        committeeRating: z.nullable(section11RatingSchema),
        challenge: optionalText(2000),
        agencyResponse: optionalText(2000),
      }),
    )
    .check(z.maxLength(60)),
});

/**
 * POST …/improvements/{improvement}/action: the committee adds an agreed improvement action of a
 * submitted or accepted self-assessment to the board's action plan, under the priority chosen,
 * linked back to its standard and agency.
 */
export const addSection11ActionRequestSchema = z.object({
  version: z.int(),
  priorityId: idSchema,
});

/** What a submission lacks, by field: each standard rated, a reason where not applicable, an action where not met. */
export function checkSection11Complete(assessment: {
  standards: readonly { id: string; code: string }[];
  answers: readonly {
    standardId: string;
    rating: string | null;
    notApplicableReason: string;
    evidence: string;
  }[];
  improvements: readonly { standardId: string }[];
}): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (path: string, message: string) => (problems[path] ??= []).push(message);
  for (const standard of assessment.standards) {
    const answer = assessment.answers.find((a) => a.standardId === standard.id);
    const at = `standard-${standard.id}`;
    if (!answer?.rating) add(`${at}.rating`, `Rate standard ${standard.code}`);
    else if (answer.rating === 'not-applicable' && !answer.notApplicableReason.trim())
      add(`${at}.notApplicableReason`, `Say why standard ${standard.code} does not apply`);
    else if (answer.rating !== 'not-applicable' && !answer.evidence.trim())
      add(`${at}.evidence`, `Give the evidence for standard ${standard.code}`);
    if (
      (answer?.rating === 'not-met' || answer?.rating === 'partly-met') &&
      !assessment.improvements.some((i) => i.standardId === standard.id)
    )
      add(`${at}.improvements`, `Add an improvement action for standard ${standard.code}`);
  }
  return problems;
}

/** GET /section11/assurance: what the board sees of the latest cycle (accepted assessments only). */
export const section11AssuranceSchema = z.object({
  cycle: z.nullable(
    z.object({
      id: idSchema,
      title: nonEmpty(),
      openedOn: isoDateSchema,
      dueDate: isoDateSchema,
      closedOn: z.nullable(isoDateSchema),
    }),
  ),
  previousCycleTitle: z.nullable(z.string()),
  standards: z.array(section11StandardSchema),
  rows: z.array(
    z.object({
      agencyId: idSchema,
      agencyName: nonEmpty(),
      status: section11StatusSchema,
      late: z.boolean(),
      /** Per standard, in the standards' order: null until the assessment is accepted. */
      ratings: z.array(
        z.object({
          standardId: idSchema,
          rating: z.nullable(section11RatingSchema),
          committeeRating: z.nullable(section11RatingSchema),
          previous: z.nullable(section11RatingSchema),
        }),
      ),
    }),
  ),
  improvements: z.object({ open: z.int(), complete: z.int(), overdue: z.int() }),
});

export type Section11Rating = z.infer<typeof section11RatingSchema>;
export type Section11Standard = z.infer<typeof section11StandardSchema>;
export type Section11Standards = z.infer<typeof section11StandardsSchema>;
export type SaveSection11StandardsRequest = z.infer<typeof saveSection11StandardsRequestSchema>;
export type Section11Status = z.infer<typeof section11StatusSchema>;
export type Section11Cycle = z.infer<typeof section11CycleSchema>;
export type OpenSection11CycleRequest = z.infer<typeof openSection11CycleRequestSchema>;
export type Section11Answer = z.infer<typeof section11AnswerSchema>;
export type Section11Improvement = z.infer<typeof section11ImprovementSchema>;
export type Section11Assessment = z.infer<typeof section11AssessmentSchema>;
export type SaveSection11AssessmentRequest = z.infer<typeof saveSection11AssessmentRequestSchema>;
export type ModerateSection11Request = z.infer<typeof moderateSection11RequestSchema>;
export type AddSection11ActionRequest = z.infer<typeof addSection11ActionRequestSchema>;
export type Section11Assurance = z.infer<typeof section11AssuranceSchema>;
