import { describe, expect, it } from 'vitest';
import {
  actionPlanSchema,
  section11AssessmentSchema,
  section11AssuranceSchema,
  section11CycleListSchema,
  section11CycleSchema,
  section11StandardsSchema,
  type Section11Assessment,
} from '../src/api/contract';
import { FORMULA, MARKUP, testBoard, type Client } from './test/service';

/** Issue 19: Section 11 self-assessment, against the data service on PGlite and PostgreSQL. */
const board = testBoard({ today: '2018-06-01' });
const { admin, qa, viewer, police, health } = board.people;

const POLICE = '/section11/cycles/section-11-audit-2018/agencies/west-midlands-police';
const COUNCIL = '/section11/cycles/section-11-audit-2018/agencies/childrens-social-care';

const { lastEntry } = board;
const standards = async () => section11StandardsSchema.parse((await viewer.get('/section11/standards')).body);
const assessment = async (client: Client, path = POLICE) =>
  section11AssessmentSchema.parse((await client.get(path)).body);

/** Every standard answered, as a complete self-assessment would be; `notMet` is rated not met. */
function completeAnswers(a: Section11Assessment, notMet: string | null = null) {
  return a.standards.map((s) => ({
    standardId: s.id,
    rating: s.id === notMet ? ('not-met' as const) : ('met' as const),
    notApplicableReason: '',
    evidence: `Evidence for ${s.code}: ${MARKUP}`,
    links: ['https://intranet.example.police.uk/safeguarding-policy'],
  }));
}

describe('the board’s standards', () => {
  it('the demo board has the eight section 11 arrangements and three of its own, which every member can read', async () => {
    const set = await standards();
    expect(set.standards.map((s) => s.code)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
    ]);
    expect(set.standards.map((s) => s.statutory)).toEqual([...Array(8).fill(true), false, false, false]);
    expect(set.lockedBy).toBeNull();
  });

  it('the administrator adds the board’s own standard, stored as given; the audit trail has before and after', async () => {
    const set = await standards();
    const reply = await admin.request('PUT', '/section11/standards', {
      version: set.version,
      standards: [
        ...set.standards.map(({ id, code, title, description }) => ({ id, code, title, description })),
        {
          id: null,
          code: '12',
          title: 'Early help: staff know the early help offer',
          description: FORMULA,
        },
      ],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const saved = section11StandardsSchema.parse(reply.body);
    expect(saved.version).toBe(set.version + 1);
    expect(saved.standards.at(-1)).toMatchObject({ code: '12', statutory: false, description: FORMULA });
    expect(await lastEntry()).toMatchObject({
      action: 'section11.standards',
      before: { standards: set.standards },
      after: { standards: saved.standards },
    });
  });

  it('refuses a statutory standard left out (422, naming it) and a stale set (409, with the set as it stands)', async () => {
    const set = await standards();
    const withoutFirst = set.standards
      .slice(1)
      .map(({ id, code, title, description }) => ({ id, code, title, description }));
    const left = await admin.request('PUT', '/section11/standards', {
      version: set.version,
      standards: withoutFirst,
    });
    expect(left.status).toBe(422);
    expect(JSON.stringify(left.body)).toContain('Standard 1 is one of the eight section 11 names');
    const stale = await admin.request('PUT', '/section11/standards', {
      version: set.version - 1,
      standards: set.standards.map(({ id, code, title, description }) => ({ id, code, title, description })),
    });
    expect(stale.status).toBe(409);
    expect(section11StandardsSchema.parse((stale.body as { current: unknown }).current)).toEqual(set);
  });
});

describe('a cycle, from opening to the board’s assurance', () => {
  it('the administrator opens a cycle for two agencies; a due date in the past is refused', async () => {
    const past = await admin.request('POST', '/section11/cycles', {
      title: 'Section 11 audit 2018',
      dueDate: '2018-05-01',
      agencyIds: ['west-midlands-police'],
    });
    expect(past.status).toBe(422);
    expect((past.body as { fieldErrors: Record<string, string[]> }).fieldErrors.dueDate).toEqual([
      'The due date must be after today',
    ]);
    const reply = await admin.request('POST', '/section11/cycles', {
      title: 'Section 11 audit 2018',
      dueDate: '2018-07-31',
      agencyIds: ['west-midlands-police', 'childrens-social-care'],
    });
    expect(reply.status).toBe(201);
    const cycle = section11CycleSchema.parse(reply.body);
    expect(cycle).toMatchObject({ id: 'section-11-audit-2018', openedOn: '2018-06-01', closedOn: null });
    expect(cycle.agencies.map((a) => [a.agencyId, a.status])).toEqual([
      ['childrens-social-care', 'not-started'],
      ['west-midlands-police', 'not-started'],
    ]);
  });

  it('while it is open, the standards cannot change and no second cycle opens', async () => {
    const set = await standards();
    expect(set.lockedBy).toBe('Section 11 audit 2018');
    const change = await admin.request('PUT', '/section11/standards', {
      version: set.version,
      standards: set.standards.map(({ id, code, title, description }) => ({ id, code, title, description })),
    });
    expect(change.status).toBe(409);
    expect((change.body as { message: string }).message).toContain(
      'cannot change while “Section 11 audit 2018” is open',
    );
    const second = await admin.request('POST', '/section11/cycles', {
      title: 'Another',
      dueDate: '2018-09-30',
      agencyIds: ['west-midlands-police'],
    });
    expect(second.status).toBe(409);
  });

  it('a contributor sees only their agency in the cycle, and may not open another agency’s', async () => {
    const list = section11CycleListSchema.parse((await police.get('/section11/cycles')).body);
    expect(list.cycles[0]!.agencies.map((a) => a.agencyId)).toEqual(['west-midlands-police']);
    expect((await police.get(COUNCIL)).status).toBe(403);
    expect((await police.request('PUT', COUNCIL, { version: 1, answers: [], improvements: [] })).status).toBe(
      403,
    );
  });

  it('the police save a draft as they go, then submit; an incomplete one is refused naming each standard', async () => {
    const start = await assessment(police);
    expect(start.standards).toHaveLength(12);
    // Last cycle's answers, to show beside each standard.
    expect(start.previous?.cycleTitle).toBe('Section 11 audit 2016');
    const draft = await police.request('PUT', POLICE, {
      version: start.version,
      answers: completeAnswers(start, 'training').slice(0, 3),
      improvements: [],
    });
    expect(draft.status).toBe(200);
    const saved = section11AssessmentSchema.parse(draft.body);
    expect(saved.status).toBe('draft');
    expect(saved.answers[0]!.evidence).toBe(`Evidence for 1: ${MARKUP}`);

    const early = await police.request('POST', `${POLICE}/submit`, { version: saved.version });
    expect(early.status).toBe(422);
    const problems = (early.body as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(problems['standard-training.rating']).toEqual(['Rate standard 5']);
    const twelve = start.standards.find((st) => st.code === '12')!;
    expect(problems[`standard-${twelve.id}.rating`]).toEqual(['Rate standard 12']);

    const full = section11AssessmentSchema.parse(
      (
        await police.request('PUT', POLICE, {
          version: saved.version,
          answers: completeAnswers(saved, 'training'),
          improvements: [],
        })
      ).body,
    );
    const noAction = await police.request('POST', `${POLICE}/submit`, { version: full.version });
    expect(noAction.status).toBe(422);
    expect((noAction.body as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      'standard-training.improvements': ['Add an improvement action for standard 5'],
    });

    const withAction = section11AssessmentSchema.parse(
      (
        await police.request('PUT', POLICE, {
          version: full.version,
          answers: completeAnswers(full, 'training'),
          improvements: [
            {
              id: null,
              standardId: 'training',
              description: 'Level 3 training for every detective sergeant',
              owner: 'Head of public protection',
              dueDate: '2018-12-31',
              status: 'open',
            },
          ],
        })
      ).body,
    );
    expect(withAction.improvements[0]).toMatchObject({
      id: 'level-3-training-for-every-detective-ser',
      actionId: null,
    });
    const submitted = await police.request('POST', `${POLICE}/submit`, { version: withAction.version });
    expect(submitted.status).toBe(200);
    expect(section11AssessmentSchema.parse(submitted.body)).toMatchObject({
      status: 'submitted',
      late: false,
    });
    expect(await lastEntry()).toMatchObject({ action: 'section11.submit' });
    // Submitted, it is the committee's to read: the agency cannot change it now.
    expect(
      (
        await police.request('PUT', POLICE, {
          version: withAction.version + 1,
          answers: [],
          improvements: [],
        })
      ).status,
    ).toBe(409);
  });

  it('the committee moderates one rating with its challenge, and sends it back; the police see why and change it', async () => {
    const submitted = await assessment(qa);
    const moderated = await qa.request('POST', `${POLICE}/moderation`, {
      version: submitted.version,
      moderation: [
        {
          standardId: 'safer-recruitment',
          committeeRating: 'partly-met',
          challenge: 'How many posts were filled without two references?',
          agencyResponse: '',
        },
      ],
    });
    expect(moderated.status).toBe(200);
    const afterModeration = section11AssessmentSchema.parse(moderated.body);
    expect(afterModeration.answers.find((a) => a.standardId === 'safer-recruitment')).toMatchObject({
      rating: 'met',
      committeeRating: 'partly-met',
      challenge: 'How many posts were filled without two references?',
    });
    const back = await qa.request('POST', `${POLICE}/send-back`, {
      version: afterModeration.version,
      comments: 'Answer the challenge on safer recruitment.',
    });
    expect(back.status).toBe(200);
    const seen = await assessment(police);
    expect(seen).toMatchObject({
      status: 'sent-back',
      comments: 'Answer the challenge on safer recruitment.',
    });
    // The agency's change keeps the committee's notes.
    const resaved = section11AssessmentSchema.parse(
      (
        await police.request('PUT', POLICE, {
          version: seen.version,
          answers: completeAnswers(seen, 'training'),
          improvements: seen.improvements,
        })
      ).body,
    );
    expect(resaved.answers.find((a) => a.standardId === 'safer-recruitment')!.committeeRating).toBe(
      'partly-met',
    );
    expect((await police.request('POST', `${POLICE}/submit`, { version: resaved.version })).status).toBe(200);
  });

  it('a viewer sees no ratings until the committee accepts; then the matrix, and the council late after the due date', async () => {
    const before = section11AssuranceSchema.parse((await viewer.get('/section11/assurance')).body);
    expect(
      before.rows.find((r) => r.agencyId === 'west-midlands-police')!.ratings.every((r) => r.rating === null),
    ).toBe(true);
    const current = await assessment(qa);
    expect((await qa.request('POST', `${POLICE}/accept`, { version: current.version })).status).toBe(200);
    const after = section11AssuranceSchema.parse((await viewer.get('/section11/assurance')).body);
    const policeRow = after.rows.find((r) => r.agencyId === 'west-midlands-police')!;
    expect(policeRow.status).toBe('accepted');
    // Beside each, the police's own rating in 2016 (or the committee's, where it differed).
    expect(after.previousCycleTitle).toBe('Section 11 audit 2016');
    expect(policeRow.ratings.find((r) => r.standardId === 'training')).toMatchObject({
      rating: 'not-met',
      previous: 'partly-met',
    });
    expect(policeRow.ratings.find((r) => r.standardId === 'information-sharing')).toMatchObject({
      rating: 'met',
      previous: 'partly-met',
    });
    expect(policeRow.ratings.find((r) => r.standardId === 'safer-recruitment')).toMatchObject({
      rating: 'met',
      committeeRating: 'partly-met',
    });
    expect(after.improvements).toEqual({ open: 1, complete: 0, overdue: 0 });
    expect(after.rows.find((r) => r.agencyId === 'childrens-social-care')).toMatchObject({
      status: 'not-started',
      late: false,
    });

    // The due date passes (moved back here, as the service's own writes move the data version on).
    await board.service.db.query(
      `update s11_cycle set due_date = '2018-05-31' where id = 'section-11-audit-2018'`,
    );
    await board.service.db.query('update service_state set data_version = data_version + 1');
    const late = section11AssuranceSchema.parse((await viewer.get('/section11/assurance')).body);
    expect(late.rows.find((r) => r.agencyId === 'childrens-social-care')).toMatchObject({ late: true });
    expect(late.rows.find((r) => r.agencyId === 'west-midlands-police')).toMatchObject({ late: false });
  });

  it('the committee adds the police’s agreed improvement action to the action plan, linked back to its standard', async () => {
    const accepted = await assessment(qa);
    const improvement = accepted.improvements[0]!;
    const path = `${POLICE}/improvements/${improvement.id}/action`;
    const plan = actionPlanSchema.parse((await viewer.get('/action-plan')).body);
    const priority = plan.priorities.find((p) => !p.retired)!;
    // Only the committee (and the administrator) agree it: the agency and a board member may not.
    expect(
      (await police.request('POST', path, { version: accepted.version, priorityId: priority.id })).status,
    ).toBe(403);
    expect(
      (await viewer.request('POST', path, { version: accepted.version, priorityId: priority.id })).status,
    ).toBe(403);
    const stale = await qa.request('POST', path, { version: accepted.version - 1, priorityId: priority.id });
    expect(stale.status).toBe(409);
    expect(section11AssessmentSchema.parse((stale.body as { current: unknown }).current)).toEqual(accepted);
    const noPriority = await qa.request('POST', path, {
      version: accepted.version,
      priorityId: 'no-such-priority',
    });
    expect(noPriority.status).toBe(422);

    const reply = await qa.request('POST', path, { version: accepted.version, priorityId: priority.id });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const after = section11AssessmentSchema.parse(reply.body);
    const actionId = after.improvements[0]!.actionId;
    expect(actionId).not.toBeNull();
    expect(after.version).toBe(accepted.version + 1);
    expect(await lastEntry()).toMatchObject({
      action: 'section11.add-to-plan',
      before: { improvements: accepted.improvements },
      after: { improvements: after.improvements },
    });

    // Every member sees it in the plan, under the priority chosen, answering the police's standard 5.
    const seen = actionPlanSchema.parse((await viewer.get('/action-plan')).body);
    const action = seen.priorities.find((p) => p.id === priority.id)!.actions.find((a) => a.id === actionId);
    expect(action).toMatchObject({
      title: 'Level 3 training for every detective sergeant',
      owner: 'Head of public protection',
      dueDate: '2018-12-31',
      status: 'not-started',
      section11: {
        cycleId: 'section-11-audit-2018',
        agencyId: 'west-midlands-police',
        improvementId: improvement.id,
        agencyName: accepted.agencyName,
        standardCode: '5',
        standardTitle: accepted.standards.find((s) => s.id === 'training')!.title,
      },
    });

    // Once is enough: a second time is refused, and the plan has the action once.
    const again = await qa.request('POST', path, { version: after.version, priorityId: priority.id });
    expect(again.status).toBe(409);
    expect((again.body as { message: string }).message).toBe(
      'This improvement action is already in the action plan.',
    );
    const actions = actionPlanSchema
      .parse((await viewer.get('/action-plan')).body)
      .priorities.flatMap((p) => p.actions)
      .filter((a) => a.section11?.improvementId === improvement.id);
    expect(actions).toHaveLength(1);
  });

  it('an improvement action of a self-assessment not yet submitted cannot go into the action plan', async () => {
    const council = await assessment(admin, COUNCIL);
    const drafted = section11AssessmentSchema.parse(
      (
        await admin.request('PUT', COUNCIL, {
          version: council.version,
          answers: [],
          improvements: [
            {
              id: null,
              standardId: 'training',
              description: 'Refresh the training needs analysis',
              owner: 'Principal social worker',
              dueDate: '2018-11-30',
              status: 'open',
            },
          ],
        })
      ).body,
    );
    const plan = actionPlanSchema.parse((await viewer.get('/action-plan')).body);
    const reply = await qa.request('POST', `${COUNCIL}/improvements/${drafted.improvements[0]!.id}/action`, {
      version: drafted.version,
      priorityId: plan.priorities.find((p) => !p.retired)!.id,
    });
    expect(reply.status).toBe(409);
    expect((reply.body as { message: string }).message).toContain('submitted or accepted');
  });

  it('the health contributor, of another agency, cannot touch the police’s; the cycle closes and nothing more changes', async () => {
    expect((await health.get(POLICE)).status).toBe(403);
    const cycle = section11CycleListSchema.parse((await admin.get('/section11/cycles')).body).cycles[0]!;
    const closed = await admin.request('POST', '/section11/cycles/section-11-audit-2018/close', {
      version: cycle.version,
    });
    expect(closed.status).toBe(200);
    expect(section11CycleSchema.parse(closed.body).closedOn).toBe('2018-06-01');
    const council = await assessment(admin, COUNCIL);
    expect(
      (await admin.request('PUT', COUNCIL, { version: council.version, answers: [], improvements: [] }))
        .status,
    ).toBe(409);
    expect((await standards()).lockedBy).toBeNull();
  });
});
