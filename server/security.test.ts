import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './test/service';
import { startService, type TestService } from './test/service';

let service: TestService;
let editor: Client;

beforeAll(async () => {
  service = await startService();
  editor = await service.as('editor');
});
afterAll(() => service.close());

const audit = async () =>
  (await editor.get<{ audits: { id: string; version: number }[] }>('/audits')).body.audits[0]!;

const progress = (version: number) => ({
  status: 'in-progress',
  completedDate: null,
  casesAudited: null,
  grades: null,
  version,
});

describe('cross-site request forgery', () => {
  it('refuses a write without an Origin header', async () => {
    const { id, version } = await audit();
    const reply = await editor.request('PATCH', `/audits/${id}`, progress(version), { Origin: '' });
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({
      message: 'This request did not come from the dashboard’s own pages, so it was refused.',
      reference: reply.headers.get('x-request-id'),
    });
  });

  it('refuses a write from another site', async () => {
    const { id, version } = await audit();
    const reply = await editor.request('PATCH', `/audits/${id}`, progress(version), {
      Origin: 'https://evil.example',
    });
    expect(reply.status).toBe(403);
    expect((await audit()).version).toBe(version);
  });

  it('refuses a write that is not JSON (what an HTML form on another site can send)', async () => {
    const { id } = await audit();
    const reply = await editor.request('PATCH', `/audits/${id}`, 'status=cancelled', {
      'Content-Type': 'text/plain',
    });
    expect(reply.status).toBe(415);
  });

  it('refuses signing out from another site', async () => {
    const reply = await editor.request('DELETE', '/session', undefined, { Origin: 'https://evil.example' });
    expect(reply.status).toBe(403);
    expect((await editor.get('/session')).status).toBe(200);
  });
});

describe('answers', () => {
  it('carry the security headers and the strict CSP, on the API and on errors', async () => {
    for (const reply of [await editor.get('/board'), await service.anonymous().get('/board')]) {
      expect(reply.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(reply.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('x-frame-options')).toBe('DENY');
      expect(reply.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('refuse a body over the limit with 413, before reading it', async () => {
    const { id, version } = await audit();
    const reply = await editor.request('PATCH', `/audits/${id}`, {
      ...progress(version),
      padding: 'x'.repeat(100 * 1024),
    });
    expect(reply.status).toBe(413);
    expect((reply.body as { message: string }).message).toBe('The request is too large (at most 64 kB).');
  });

  it('say plainly when a body is not JSON', async () => {
    const { id } = await audit();
    const reply = await editor.request('PATCH', `/audits/${id}`, '{"status": ');
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      message: 'The request body is not valid JSON.',
      reference: reply.headers.get('x-request-id'),
    });
  });

  it('never carry a stack trace or SQL, only a plain message and a reference', async () => {
    const broken = await startService();
    try {
      const client = await broken.as('viewer');
      await broken.db.query('drop table audit cascade');
      const reply = await client.get<{ message: string }>('/audits');
      expect(reply.status).toBe(500);
      expect(Object.keys(reply.body)).toEqual(['message', 'reference']);
      expect(reply.body.message).toContain(`(reference ${reply.headers.get('x-request-id')})`);
      expect(reply.body.message).toMatch(
        /^The data service had a problem and could not answer\. It has been logged \(reference [0-9a-f-]{36}\); try again in a moment\.$/,
      );
      expect(JSON.stringify(reply.body)).not.toMatch(/relation|select|audit"|at \w+ \(/i);
    } finally {
      await broken.close();
    }
  });
});

describe('user-entered text', () => {
  it('is stored and returned exactly as given: HTML and spreadsheet formulas stay text', async () => {
    const plan = (
      await editor.get<{ priorities: { actions: { id: string; version: number }[] }[] }>('/action-plan')
    ).body;
    const action = plan.priorities[0]!.actions[0]!;
    const note = '<img src=x onerror=alert(1)> =HYPERLINK("http://evil.example","click") +1 @SUM(A1)';
    const reply = await editor.request<{ updates: { note: string }[] }>(
      'PATCH',
      `/action-plan/actions/${action.id}`,
      {
        status: 'on-track',
        progress: 50,
        note,
        version: action.version,
      },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.updates.at(-1)!.note).toBe(note);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
