import { describe, expect, it } from 'vitest';
import { actionPlanSchema, auditListSchema, auditTrailSchema, type Audit } from '../src/api/contract';
import { FORMULA, MARKUP, testBoard, type Client } from './test/service';

const board = testBoard({ today: '2018-05-14' });
const { admin, qa, editor, viewer, police, owner } = board.people;

const audits = async () => (await viewer.get<{ audits: Audit[] }>('/audits')).body.audits;

const row = (title: string, extra: Partial<Record<string, unknown>> = {}) => ({
  title,
  theme: 'Priority 2: neglect',
  kind: 'multi-agency',
  leadAgency: 'Children’s social care',
  agencies: ['Children’s social care', 'West Midlands Police'],
  plannedDate: null,
  plannedQuarter: 'Q3 2018-19',
  casesToSample: 6,
  ...extra,
});

const load = (client: Client, rows: unknown[]) => client.request('POST', '/audits/import', { audits: rows });

describe('POST /audits/import: the audit programme from a spreadsheet', () => {
  it('adds every audit for quality assurance, an editor and an administrator, each in the audit trail', async () => {
    for (const [client, who] of [
      [qa, 'qa'],
      [editor, 'editor'],
      [admin, 'admin'],
    ] as const) {
      const reply = await load(client, [row(`Loaded by ${who} one`), row(`Loaded by ${who} two`)]);
      expect(reply.status).toBe(201);
      const added = auditListSchema.parse(reply.body).audits;
      expect(added.map((a) => [a.title, a.status, a.plannedDate, a.version])).toEqual([
        [`Loaded by ${who} one`, 'planned', '2018-12-31', 1],
        [`Loaded by ${who} two`, 'planned', '2018-12-31', 1],
      ]);
      const now = await audits();
      for (const audit of added) expect(now.find((a) => a.id === audit.id)).toEqual(audit);
    }
    const trail = auditTrailSchema.parse((await admin.get('/audit-trail?limit=2')).body).entries;
    expect(trail.map((e) => [e.action, e.after])).toEqual([
      ['audit.create', expect.objectContaining({ title: 'Loaded by admin two' })],
      ['audit.create', expect.objectContaining({ title: 'Loaded by admin one' })],
    ]);
  });

  it('refuses a viewer, a contributor and an action owner with 403 and adds nothing', async () => {
    const before = await audits();
    for (const client of [viewer, police, owner]) {
      const reply = await load(client, [row('Not theirs to plan')]);
      expect(reply.status).toBe(403);
    }
    expect(await audits()).toEqual(before);
  });

  it('adds nothing when one audit repeats one in the programme, and names its row', async () => {
    await load(qa, [row('Repeated audit', { plannedDate: '2018-06-01', plannedQuarter: null })]);
    const before = await audits();
    // Same title, other case and spacing, same year (a quarter of 2018-19): a repeat.
    const reply = await load(qa, [row('Fresh audit A'), row('Fresh audit B'), row('  repeated   AUDIT ')]);
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({
      fieldErrors: {
        'audits[2].title': ['This audit is already in the programme for that year (same title)'],
      },
    });
    expect(await audits()).toEqual(before);
    // The same title in another year is another audit.
    const nextYear = await load(qa, [row('Repeated audit', { plannedQuarter: 'Q1 2019-20' })]);
    expect(nextYear.status).toBe(201);
  });

  it('adds nothing when the file lists an audit twice, or one audit is not valid', async () => {
    const before = await audits();
    const twice = await load(qa, [row('Twice listed'), row('Twice listed')]);
    expect(twice.status).toBe(422);
    expect(twice.body).toMatchObject({
      fieldErrors: { 'audits[1].title': ['This audit is listed twice for the same year'] },
    });
    const invalid = await load(qa, [row('Valid one'), row('No date', { plannedQuarter: null })]);
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({
      fieldErrors: { 'audits[1].plannedDate': ['Enter the planned date or choose a quarter'] },
    });
    expect((await load(qa, [])).status).toBe(422);
    expect(await audits()).toEqual(before);
  });

  it('stores markup and formula payloads as text, as given', async () => {
    const reply = await load(editor, [row(MARKUP, { theme: FORMULA, leadAgency: FORMULA })]);
    expect(reply.status).toBe(201);
    const saved = (await audits()).find((a) => a.title === MARKUP);
    expect(saved).toMatchObject({ title: MARKUP, theme: FORMULA, leadAgency: FORMULA });
  });
});

const plan = async () => actionPlanSchema.parse((await viewer.get('/action-plan')).body);
const action = (priority: string, title: string, extra: Partial<Record<string, unknown>> = {}) => ({
  priority,
  title,
  owner: 'Named nurse',
  dueDate: '2019-03-31',
  ofstedRecommendationIds: [],
  auditIds: [],
  reviewIds: [],
  ...extra,
});
const loadActions = (client: Client, rows: unknown[]) =>
  client.request('POST', '/action-plan/import', { actions: rows });

describe('POST /action-plan/import: the action plan from a spreadsheet', () => {
  it('adds actions for an editor and an administrator, under the priority of that title or a new one', async () => {
    const before = await plan();
    const reply = await loadActions(editor, [
      action('  scrutiny AND challenge ', 'Loaded under an existing priority'),
      action('Early help', 'Loaded under a new priority', { ofstedRecommendationIds: ['rec-1'] }),
      action('early help', 'Second under the new priority'),
    ]);
    expect(reply.status).toBe(201);
    const after = actionPlanSchema.parse(reply.body);
    expect(after).toEqual(await plan());
    expect(after.priorities).toHaveLength(before.priorities.length + 1);
    const scrutiny = after.priorities.find((p) => p.title === 'Scrutiny and challenge')!;
    expect(scrutiny.actions.at(-1)).toMatchObject({
      title: 'Loaded under an existing priority',
      status: 'not-started',
      progress: 0,
      version: 1,
    });
    const added = after.priorities.at(-1)!;
    expect(added).toMatchObject({
      title: 'Early help',
      description: '',
      number: before.priorities.length + 1,
    });
    expect(added.actions.map((a) => [a.title, a.ofstedRecommendationIds])).toEqual([
      ['Loaded under a new priority', ['rec-1']],
      ['Second under the new priority', []],
    ]);
    expect((await loadActions(admin, [action('Early help', 'Loaded by the administrator')])).status).toBe(
      201,
    );
    const trail = auditTrailSchema.parse((await admin.get('/audit-trail?limit=1')).body).entries;
    expect(trail[0]).toMatchObject({
      action: 'action.create',
      after: expect.objectContaining({ title: 'Loaded by the administrator' }),
    });
  });

  it('refuses quality assurance, a viewer, a contributor and an action owner with 403 and adds nothing', async () => {
    const before = await plan();
    for (const client of [qa, viewer, police, owner]) {
      expect((await loadActions(client, [action('Early help', 'Not theirs to add')])).status).toBe(403);
    }
    expect(await plan()).toEqual(before);
  });

  it('adds nothing, not even a new priority, when one action repeats the plan or is not valid', async () => {
    const before = await plan();
    const repeat = await loadActions(editor, [
      action('A priority not there yet', 'Fresh action'),
      // The same title, due in the same financial year (2018-19) as the one loaded above.
      action('Early help', 'LOADED under a new priority', { dueDate: '2018-04-01' }),
    ]);
    expect(repeat.status).toBe(422);
    expect(repeat.body).toMatchObject({
      fieldErrors: { 'actions[1].title': ['This action is already in the plan for that year (same title)'] },
    });
    const invalid = await loadActions(editor, [
      action('A priority not there yet', 'Fresh action'),
      action('', 'No priority', { dueDate: '31/02/2019' }),
    ]);
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({
      fieldErrors: {
        'actions[1].priority': ['Enter the priority it comes under'],
        'actions[1].dueDate': ['Enter a real date, for example 31 March 2019'],
      },
    });
    expect(await plan()).toEqual(before);
  });

  it('stores markup and formula payloads as text, as given', async () => {
    const MARKUP = '<script>alert(1)</script>';
    const reply = await loadActions(admin, [action(MARKUP, FORMULA, { owner: MARKUP })]);
    expect(reply.status).toBe(201);
    const added = (await plan()).priorities.find((p) => p.title === MARKUP)!;
    expect(added.actions[0]).toMatchObject({ title: FORMULA, owner: MARKUP });
  });
});
