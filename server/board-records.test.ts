import { describe, expect, it } from 'vitest';
import {
  actionPlanSchema,
  actionSchema,
  auditSchema,
  prioritySchema,
  type Action,
  type ActionPlan,
  type Audit,
  type Priority,
} from '../src/api/contract';
import { testBoard, type Client, MARKUP, FORMULA } from './test/service';

const board = testBoard({ today: '2018-05-14' });
const { admin, qa, editor, viewer, police, owner } = board.people;

const { lastEntry } = board;
const audits = async (client: Client = viewer) =>
  (await client.get<{ audits: Audit[] }>('/audits')).body.audits;
const plan = async (client: Client = viewer) =>
  actionPlanSchema.parse((await client.get('/action-plan')).body);

const newAudit = {
  title: 'Neglect in under-fives',
  theme: 'Priority 2: neglect',
  kind: 'multi-agency',
  leadAgency: 'Children’s social care',
  agencies: ['Children’s social care', 'West Midlands Police'],
  plannedDate: null,
  plannedQuarter: 'Q2 2018-19',
  casesToSample: 8,
};

describe('the audit programme', () => {
  it('adds an audit, planned, due on its quarter’s last day, with the audit trail’s after', async () => {
    const reply = await qa.request<Audit>('POST', '/audits', newAudit);
    expect(reply.status).toBe(201);
    const audit = auditSchema.parse(reply.body);
    expect(audit).toMatchObject({
      id: 'neglect-in-under-fives',
      status: 'planned',
      plannedDate: '2018-09-30',
      plannedQuarter: 'Q2 2018-19',
      casesToSample: 8,
      version: 1,
    });
    expect((await audits()).find((a) => a.id === audit.id)).toEqual(audit);
    expect(await lastEntry()).toMatchObject({
      action: 'audit.create',
      entityId: audit.id,
      actor: { name: 'Quinn QA' },
      before: null,
      after: { title: newAudit.title, plannedQuarter: 'Q2 2018-19', casesToSample: 8 },
    });
  });

  it('changes its plan, with before and after, and refuses a stale change with 409 and the audit as it is', async () => {
    const [audit] = (await audits()).filter((a) => a.id === 'neglect-in-under-fives');
    const change = { ...newAudit, plannedDate: '2018-08-15', plannedQuarter: null, version: audit!.version };
    const reply = await editor.request<Audit>('PUT', `/audits/${audit!.id}/plan`, change);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ plannedDate: '2018-08-15', plannedQuarter: null, version: 2 });
    expect(await lastEntry()).toMatchObject({
      action: 'audit.plan',
      before: { plannedDate: '2018-09-30', plannedQuarter: 'Q2 2018-19' },
      after: { plannedDate: '2018-08-15', plannedQuarter: null },
    });

    const stale = await qa.request<{ current: Audit }>('PUT', `/audits/${audit!.id}/plan`, {
      ...change,
      title: 'Someone else’s title',
    });
    expect(stale.status).toBe(409);
    expect(auditSchema.parse(stale.body.current)).toEqual(reply.body);
  });

  it('cancels it with a reason: kept in the programme, shown as cancelled, trail before and after', async () => {
    const audit = (await audits()).find((a) => a.id === 'neglect-in-under-fives')!;
    const reply = await admin.request<Audit>('POST', `/audits/${audit.id}/cancel`, {
      reason: 'Merged into the CSE audit',
      version: audit.version,
    });
    expect(reply.status).toBe(200);
    expect((await audits()).find((a) => a.id === audit.id)).toMatchObject({
      status: 'cancelled',
      cancelledReason: 'Merged into the CSE audit',
    });
    expect(await lastEntry()).toMatchObject({
      action: 'audit.cancel',
      before: { status: 'planned', cancelledReason: null },
      after: { status: 'cancelled', cancelledReason: 'Merged into the CSE audit' },
    });
  });

  it('needs a date or a quarter, and agencies taking part: 422 with field errors', async () => {
    const reply = await qa.request<{ fieldErrors: Record<string, string[]> }>('POST', '/audits', {
      ...newAudit,
      plannedQuarter: null,
      agencies: [],
    });
    expect(reply.status).toBe(422);
    expect(reply.body.fieldErrors).toEqual({
      agencies: ['Choose at least one agency taking part'],
      plannedDate: ['Enter the planned date or choose a quarter'],
    });
  });

  it('stores markup and formulas as given', async () => {
    const reply = await qa.request<Audit>('POST', '/audits', { ...newAudit, title: MARKUP, theme: FORMULA });
    expect(reply.status).toBe(201);
    expect((await audits()).find((a) => a.id === reply.body.id)).toMatchObject({
      title: MARKUP,
      theme: FORMULA,
    });
  });

  it('is refused to a viewer and a contributor (403), and nothing is added', async () => {
    const count = (await audits()).length;
    expect((await viewer.request('POST', '/audits', newAudit)).status).toBe(403);
    expect((await police.request('POST', '/audits', newAudit)).status).toBe(403);
    const audit = (await audits())[0]!;
    const cancel = await viewer.request('POST', `/audits/${audit.id}/cancel`, {
      reason: 'x',
      version: audit.version,
    });
    expect(cancel.status).toBe(403);
    expect(await audits()).toHaveLength(count);
    expect((await audits())[0]).toEqual(audit);
  });
});

const priorityBody = { title: 'Neglect', description: 'Earlier help for neglected children' };

describe('the action plan', () => {
  let priority: Priority;
  let action: Action;

  it('adds a priority, numbered after the others, with the trail’s after', async () => {
    const before = await plan();
    const reply = await editor.request<Priority>('POST', '/action-plan/priorities', priorityBody);
    expect(reply.status).toBe(201);
    priority = prioritySchema.parse(reply.body);
    expect(priority).toMatchObject({ id: 'neglect', number: before.priorities.length + 1, actions: [] });
    expect(await lastEntry()).toMatchObject({ action: 'priority.create', after: priorityBody });
  });

  it('edits a priority with before and after, and refuses a stale edit with 409', async () => {
    const reply = await admin.request<Priority>('PATCH', `/action-plan/priorities/${priority.id}`, {
      title: 'Neglect and early help',
      description: priorityBody.description,
      version: priority.version,
    });
    expect(reply.status).toBe(200);
    expect(await lastEntry()).toMatchObject({
      action: 'priority.update',
      before: { title: 'Neglect' },
      after: { title: 'Neglect and early help' },
    });
    const stale = await editor.request<{ current: Priority }>(
      'PATCH',
      `/action-plan/priorities/${priority.id}`,
      {
        ...priorityBody,
        version: priority.version,
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.current.title).toBe('Neglect and early help');
    priority = reply.body;
  });

  it('moves a priority up and renumbers the plan', async () => {
    const reply = await editor.request<ActionPlan>('POST', `/action-plan/priorities/${priority.id}/move`, {
      direction: 'up',
      version: priority.version,
    });
    expect(reply.status).toBe(200);
    const titles = reply.body.priorities.map((p) => `${p.number} ${p.title}`);
    const n = titles.length;
    expect(titles[n - 2]).toBe(`${n - 1} Neglect and early help`);
    expect(titles[n - 1]).toMatch(new RegExp(`^${n} `));
    priority = reply.body.priorities.find((p) => p.id === priority.id)!;
  });

  it('adds an action answering an Ofsted recommendation and an audit, stored as given', async () => {
    const reply = await editor.request<Action>('POST', '/action-plan/actions', {
      priorityId: priority.id,
      title: MARKUP,
      owner: FORMULA,
      dueDate: '2019-03-31',
      ofstedRecommendationIds: ['rec-1'],
      auditIds: ['macfa-neglect-2016'],
      reviewIds: [],
    });
    expect(reply.status).toBe(201);
    action = actionSchema.parse(reply.body);
    expect(action).toMatchObject({
      title: MARKUP,
      owner: FORMULA,
      status: 'not-started',
      progress: 0,
      ofstedRecommendationIds: ['rec-1'],
      auditIds: ['macfa-neglect-2016'],
      // Added on the service's day, and open.
      addedDate: '2018-05-14',
      completedDate: null,
    });
    expect((await plan()).priorities.find((p) => p.id === priority.id)!.actions).toEqual([action]);
    expect(await lastEntry()).toMatchObject({
      action: 'action.create',
      after: { title: MARKUP, owner: FORMULA },
    });
  });

  it('moves an action to another priority, with before and after, and refuses a stale move', async () => {
    const other = (await plan()).priorities[0]!;
    const body = {
      priorityId: other.id,
      title: 'Audit neglect cases every quarter',
      owner: 'QA chair',
      dueDate: '2019-03-31',
      ofstedRecommendationIds: [],
      auditIds: ['macfa-neglect-2016'],
      reviewIds: [],
      version: action.version,
    };
    const reply = await admin.request<Action>('PUT', `/action-plan/actions/${action.id}`, body);
    expect(reply.status).toBe(200);
    const after = await plan();
    expect(after.priorities[0]!.actions.map((a) => a.id)).toContain(action.id);
    expect(after.priorities.find((p) => p.id === priority.id)!.actions).toEqual([]);
    expect(await lastEntry()).toMatchObject({
      action: 'action.move',
      before: { priorityId: priority.id, title: MARKUP },
      after: { priorityId: other.id, title: body.title },
    });
    const stale = await editor.request('PUT', `/action-plan/actions/${action.id}`, body);
    expect(stale.status).toBe(409);
    action = reply.body;
  });

  it('closes an action: complete, 100%, with its closing note', async () => {
    const reply = await editor.request<Action>('POST', `/action-plan/actions/${action.id}/close`, {
      version: action.version,
      note: 'Done at the March board',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'complete', progress: 100, completedDate: '2018-05-14' });
    expect(reply.body.updates.at(-1)).toMatchObject({ note: 'Done at the March board', date: '2018-05-14' });
    action = reply.body;
  });

  it('issue 18: a closed action keeps the day it closed on; opened again, it is no longer closed', async () => {
    // The demo plan's complete actions carry the day they closed on (the year they stay in).
    const seeded = (await plan()).priorities.flatMap((p) => p.actions);
    expect(seeded.find((a) => a.id === 'qa-committee-schedule')).toMatchObject({
      status: 'complete',
      completedDate: '2017-03-22',
    });
    expect(seeded.find((a) => a.id === 'section-11-challenge')).toMatchObject({ completedDate: null });
    const reopened = await admin.request<Action>('PATCH', `/action-plan/actions/${action.id}`, {
      status: 'on-track',
      progress: 90,
      version: action.version,
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'on-track', completedDate: null });
  });

  it('retires a priority: kept with its actions, shown as retired, the others renumbered', async () => {
    const reply = await editor.request<Priority>('POST', `/action-plan/priorities/${priority.id}/retire`, {
      version: priority.version,
    });
    expect(reply.status).toBe(200);
    const after = await plan();
    expect(after.priorities.find((p) => p.id === priority.id)).toMatchObject({ retired: true });
    const inUse = after.priorities.filter((p) => !p.retired).map((p) => p.number);
    expect(inUse).toEqual(inUse.map((_, i) => i + 1));
    expect(await lastEntry()).toMatchObject({
      action: 'priority.retire',
      before: { retired: false },
      after: { retired: true },
    });
    const onRetired = await editor.request<{ fieldErrors: Record<string, string[]> }>(
      'POST',
      '/action-plan/actions',
      {
        priorityId: priority.id,
        title: 'Late',
        owner: 'Someone',
        dueDate: '2019-03-31',
        ofstedRecommendationIds: [],
        auditIds: [],
        reviewIds: [],
      },
    );
    expect(onRetired.status).toBe(422);
    expect(onRetired.body.fieldErrors).toEqual({
      priorityId: ['That priority is retired: choose one in use'],
    });
  });

  it('is refused to a viewer, a contributor, quality assurance and an action owner (403), changing nothing', async () => {
    const before = await plan();
    for (const client of [viewer, police, qa, owner]) {
      expect((await client.request('POST', '/action-plan/priorities', priorityBody)).status).toBe(403);
      const first = before.priorities[0]!;
      const move = await client.request('POST', `/action-plan/priorities/${first.id}/move`, {
        direction: 'down',
        version: first.version,
      });
      expect(move.status).toBe(403);
    }
    expect(await plan()).toEqual(before);
  });
});

describe('Ofsted recommendations', () => {
  const inspection = {
    reportTitle: 'Joint targeted area inspection, March 2019',
    inspectionDate: '2019-03-12',
    judgement: 'requires-improvement',
    recommendations: ['Make sure <script>alert(1)</script> neglect is seen early', '@SUM(1+1) Audit more'],
  };

  it('adds an inspection’s recommendations numbered on, stored as given, with the trail’s after', async () => {
    const before = (await viewer.get<{ recommendations: { number: number }[] }>('/ofsted-recommendations'))
      .body;
    const last = Math.max(...before.recommendations.map((r) => r.number));
    const reply = await editor.request<{ reportTitle: string; recommendations: unknown[] }>(
      'POST',
      '/ofsted-recommendations',
      inspection,
    );
    expect(reply.status).toBe(201);
    expect(reply.body.reportTitle).toBe(inspection.reportTitle);
    expect(reply.body.recommendations.slice(-2)).toEqual([
      {
        id: `rec-${last + 1}`,
        number: last + 1,
        text: inspection.recommendations[0],
        actionIds: [],
        inspectionDate: '2019-03-12',
        judgement: 'requires-improvement',
      },
      expect.objectContaining({ number: last + 2, text: inspection.recommendations[1] }),
    ]);
    expect((await viewer.get('/ofsted-recommendations')).body).toEqual(reply.body);
    expect(await lastEntry()).toMatchObject({ action: 'ofsted.add', before: null, after: inspection });
  });

  it('an action links to a new recommendation from its side', async () => {
    const list = (await viewer.get<{ recommendations: { id: string }[] }>('/ofsted-recommendations')).body;
    const rec = list.recommendations.at(-1)!.id;
    const first = (await plan()).priorities.find((p) => !p.retired)!;
    const reply = await editor.request<Action>('POST', '/action-plan/actions', {
      priorityId: first.id,
      title: 'Answer the inspection',
      owner: 'Board manager',
      dueDate: '2019-09-30',
      ofstedRecommendationIds: [rec],
      auditIds: [],
      reviewIds: [],
    });
    expect(reply.status).toBe(201);
    expect(reply.body.ofstedRecommendationIds).toEqual([rec]);
  });

  it('needs at least one recommendation (422), and is refused to QA, a contributor and a viewer (403)', async () => {
    const empty = await editor.request<{ fieldErrors: Record<string, string[]> }>(
      'POST',
      '/ofsted-recommendations',
      {
        ...inspection,
        recommendations: [],
      },
    );
    expect(empty.status).toBe(422);
    expect(empty.body.fieldErrors).toEqual({ recommendations: ['Enter at least one recommendation'] });
    for (const client of [qa, police, viewer]) {
      expect((await client.request('POST', '/ofsted-recommendations', inspection)).status).toBe(403);
    }
  });
});
