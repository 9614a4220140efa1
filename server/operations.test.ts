import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type TestService } from './test/service';

let service: TestService;

beforeAll(async () => {
  service = await startService();
});
afterAll(() => service.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${service.url}${path}`, { headers });

describe('health and readiness', () => {
  it('says it is alive, and ready while the database answers and it is not draining', async () => {
    expect(await (await get('/healthz')).json()).toEqual({ ok: true });
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
  });

  it('while draining to stop, says it is not ready and closes each connection after its answer', async () => {
    service.services.lifecycle.draining = true;
    try {
      const ready = await get('/readyz');
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ ready: false, reason: 'draining' });
      // It still answers what it is sent meanwhile.
      const board = await get('/api/v1/board');
      expect(board.status).toBe(401);
      expect(board.headers.get('connection')).toBe('close');
    } finally {
      service.services.lifecycle.draining = false;
    }
  });
});

describe('request ids', () => {
  it('gives every answer an id in X-Request-Id, and every error body the same reference', async () => {
    const one = await get('/api/v1/board');
    const two = await get('/api/v1/no-such-thing');
    const ids = [one.headers.get('x-request-id'), two.headers.get('x-request-id')];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(((await one.json()) as { reference: string }).reference).toBe(ids[0]);
    expect(two.status).toBe(404);
    expect(((await two.json()) as { reference: string }).reference).toBe(ids[1]);
  });

  it('keeps an id a trusted proxy passed on, and ignores one from anyone else', async () => {
    const passed = 'lb-7f3a9c21e4';
    const untrusted = await get('/api/v1/board', { 'X-Request-Id': passed });
    expect(untrusted.headers.get('x-request-id')).not.toBe(passed);
    const behindProxy = await startService({ env: { TRUST_PROXY: 'true' } });
    try {
      const trusted = await fetch(`${behindProxy.url}/api/v1/board`, { headers: { 'X-Request-Id': passed } });
      expect(trusted.headers.get('x-request-id')).toBe(passed);
      // Not an id: a made-up header cannot smuggle text into the log.
      const odd = await fetch(`${behindProxy.url}/api/v1/board`, {
        headers: { 'X-Request-Id': 'x" injected {' },
      });
      expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await behindProxy.close();
    }
  });
});
