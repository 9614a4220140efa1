import { describe, expect, it } from 'vitest';
import { annotationSchema, type Annotation } from '../src/api/contract';
import { testBoard, type Client, MARKUP, FORMULA } from './test/service';

const board = testBoard({ today: '2018-05-14' });
const { admin, qa, editor, viewer, police } = board.people;

const { lastEntry } = board;
const events = async (client: Client = viewer) =>
  (await client.get<{ annotations: Annotation[] }>('/annotations')).body.annotations;

const newEvent = {
  indicatorId: 'cse-children-at-risk',
  date: '2017-10-01',
  label: 'New CSE team',
  description: 'A dedicated multi-agency CSE team began work.',
};

describe('chart events', () => {
  it('an editor marks an event on an indicator; every role reads it, with the audit trail’s after', async () => {
    const reply = await editor.request<Annotation>('POST', '/annotations', newEvent);
    expect(reply.status).toBe(201);
    const event = annotationSchema.parse(reply.body);
    expect(event).toEqual({ id: 'new-cse-team', ...newEvent, version: 1 });
    expect((await events()).find((e) => e.id === event.id)).toEqual(event);
    expect(await lastEntry()).toMatchObject({
      action: 'annotation.create',
      entityType: 'annotation',
      entityId: event.id,
      actor: { name: expect.any(String) },
      before: null,
      after: { ...newEvent, retired: false },
    });
  });

  it('changes an event, with before and after, and refuses a stale change with 409 and the event as it is', async () => {
    const event = (await events()).find((e) => e.id === 'new-cse-team')!;
    const change = { ...newEvent, date: '2017-11-01', label: 'New CSE hub', version: event.version };
    const reply = await admin.request<Annotation>('PUT', `/annotations/${event.id}`, change);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: event.id, date: '2017-11-01', label: 'New CSE hub', version: 2 });
    expect(await lastEntry()).toMatchObject({
      action: 'annotation.edit',
      before: { date: '2017-10-01', label: 'New CSE team' },
      after: { date: '2017-11-01', label: 'New CSE hub' },
    });

    const stale = await editor.request<{ current: Annotation }>('PUT', `/annotations/${event.id}`, {
      ...change,
      label: 'Someone else’s label',
    });
    expect(stale.status).toBe(409);
    expect(annotationSchema.parse(stale.body.current)).toEqual(reply.body);
    expect((await events()).find((e) => e.id === event.id)).toEqual(reply.body);
  });

  it('retires an event: no longer answered, kept in the audit trail with before and after', async () => {
    const event = (await events()).find((e) => e.id === 'new-cse-team')!;
    const stale = await editor.request('POST', `/annotations/${event.id}/retire`, {
      version: event.version - 1,
    });
    expect(stale.status).toBe(409);
    const reply = await editor.request<Annotation>('POST', `/annotations/${event.id}/retire`, {
      version: event.version,
    });
    expect(reply.status).toBe(200);
    expect((await events()).map((e) => e.id)).not.toContain(event.id);
    expect(await lastEntry()).toMatchObject({
      action: 'annotation.retire',
      entityId: event.id,
      before: { label: 'New CSE hub', retired: false },
      after: { label: 'New CSE hub', retired: true },
    });
    // Retired, not deleted: its id stays taken and it cannot be changed any more.
    const again = await editor.request('PUT', `/annotations/${event.id}`, { ...newEvent, version: 3 });
    expect(again.status).toBe(404);
    const next = await editor.request<Annotation>('POST', '/annotations', newEvent);
    expect(next.body.id).toBe('new-cse-team-2');
  });

  it('needs what happened, a real date and an indicator of the board: 422 with field errors', async () => {
    const blank = await editor.request<{ fieldErrors: Record<string, string[]> }>('POST', '/annotations', {
      ...newEvent,
      label: '  ',
      date: '2017-02-30',
    });
    expect(blank.status).toBe(422);
    expect(blank.body.fieldErrors).toEqual({
      label: ['Enter what happened'],
      date: ['Enter a real date, for example 1 April 2016'],
    });
    const unknown = await editor.request<{ fieldErrors: Record<string, string[]> }>('POST', '/annotations', {
      ...newEvent,
      indicatorId: 'no-such-indicator',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.fieldErrors).toEqual({ indicatorId: ['Choose an indicator of the board'] });
  });

  it('stores markup and formulas as given', async () => {
    const reply = await editor.request<Annotation>('POST', '/annotations', {
      ...newEvent,
      label: MARKUP,
      description: FORMULA,
    });
    expect(reply.status).toBe(201);
    expect((await events()).find((e) => e.id === reply.body.id)).toMatchObject({
      label: MARKUP,
      description: FORMULA,
    });
  });

  it('is refused to a viewer, a contributor and quality assurance (403), changing nothing', async () => {
    const before = await events();
    const event = before.find((e) => e.id === 'cse-screening-tool')!;
    for (const client of [viewer, police, qa]) {
      expect((await client.request('POST', '/annotations', newEvent)).status).toBe(403);
      const edit = { ...newEvent, version: event.version };
      expect((await client.request('PUT', `/annotations/${event.id}`, edit)).status).toBe(403);
      const retire = { version: event.version };
      expect((await client.request('POST', `/annotations/${event.id}/retire`, retire)).status).toBe(403);
    }
    expect(await events()).toEqual(before);
  });
});
