import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditListSchema, auditTrailSchema, type Audit } from '../src/api/contract';
import { startService, type Client, type TestService } from './test/service';

let service: TestService;
let admin: Client;
let qa: Client;
let editor: Client;
let viewer: Client;
let police: Client;
let owner: Client;

beforeAll(async () => {
  service = await startService({ today: '2018-05-14' });
  [admin, qa, editor, viewer, police, owner] = await Promise.all([
    service.as('administrator'),
    service.as('quality-assurance'),
    service.as('editor'),
    service.as('viewer'),
    service.as('police'),
    service.as('action-owner'),
  ]);
});
afterAll(() => service.close());

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
    const MARKUP = '<img src=x onerror="alert(1)"> <b>bold</b>';
    const FORMULA = '=HYPERLINK("http://evil.example","click")';
    const reply = await load(editor, [row(MARKUP, { theme: FORMULA, leadAgency: FORMULA })]);
    expect(reply.status).toBe(201);
    const saved = (await audits()).find((a) => a.title === MARKUP);
    expect(saved).toMatchObject({ title: MARKUP, theme: FORMULA, leadAgency: FORMULA });
  });
});
