import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../mocks/data';
import { createDemoApi } from '../mocks/demo-api';
import { endpoints } from '../src/api/contract';
import { startService, type Client, type TestService } from './test/service';

let service: TestService;
let viewer: Client;

beforeAll(async () => {
  service = await startService();
  viewer = await service.as('viewer');
});
afterAll(() => service.close());

/** Every read of the published board, with the path parameters a real page uses. */
const reads = [
  ['board', '/board'],
  ['indicators', '/indicators'],
  ['indicators', '/indicators?headline=true'],
  ['indicatorSummary', '/indicators/summary'],
  ['indicatorSummary', '/indicators/summary?headline=true'],
  ['indicator', '/indicators/cse-children-at-risk'],
  ['annotations', '/annotations'],
  ['audits', '/audits'],
  ['seriousCaseReviews', '/serious-case-reviews'],
  ['actionPlan', '/action-plan'],
  ['ofstedRecommendations', '/ofsted-recommendations'],
  ['funding', '/funding'],
  ['partnership', '/partnership'],
  ['agencies', '/agencies'],
] as const;

describe('the data service serves the demo board as the MSW demo does', () => {
  const demo = createDemoApi();

  it.each(reads)('%s keeps the contract and equals the demo API’s answer', async (name, path) => {
    const reply = await viewer.get(path);
    expect(reply.status).toBe(200);
    const parsed = endpoints[name].response.safeParse(reply.body);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(reply.body).toEqual(demo.handle('GET', path).body);
  });

  it('tells the CSE story: 10, 50 and 130 children identified', async () => {
    const reply = await viewer.get<{ series: { period: string; value: number }[] }>(
      '/indicators/cse-children-at-risk',
    );
    const value = (period: string) => reply.body.series.find((o) => o.period === period)?.value;
    expect([value('Q4 2015-16'), value('Q4 2016-17'), value('Q3 2017-18')]).toEqual([10, 50, 130]);
  });

  it('keeps a suppressed figure as a symbol, never as 0', async () => {
    const source = demoDataset.indicators.flatMap((i) =>
      [i.series, ...i.comparators.map((c) => c.series)].flat().filter((o) => o.value === null),
    );
    const reply = await viewer.get<{ indicators: { series: { value: number | null; symbol?: string }[] }[] }>(
      '/indicators',
    );
    const served = reply.body.indicators.flatMap((i) => i.series.filter((o) => o.value === null));
    for (const o of served) expect(o.symbol).toMatch(/^(c|x|z|low)$/);
    expect(source.length).toBeGreaterThanOrEqual(served.length);
  });

  it('summarises every indicator for lists: all but its comparators, with the board’s own figures as the indicator has them', async () => {
    type Listed = { id: string; headline: boolean; series: unknown[]; comparators?: unknown[] };
    const full = (await viewer.get<{ indicators: Listed[] }>('/indicators')).body.indicators;
    const summary = await viewer.get<{ indicators: Listed[] }>('/indicators/summary');
    expect(summary.status).toBe(200);
    expect(summary.body.indicators).toEqual(full.map(({ comparators: _comparators, ...rest }) => rest));
    expect(summary.body.indicators.some((i) => 'comparators' in i)).toBe(false);
    expect(full.some((i) => (i.comparators?.length ?? 0) > 0)).toBe(true);
    const headline = await viewer.get<{ indicators: Listed[] }>('/indicators/summary?headline=true');
    expect(headline.body.indicators.map((i) => i.id)).toEqual(
      full.filter((i) => i.headline).map((i) => i.id),
    );
    const bad = await viewer.get<{ fieldErrors: Record<string, string[]> }>(
      '/indicators/summary?headline=maybe',
    );
    expect(bad.status).toBe(422);
    expect(bad.body.fieldErrors).toEqual({ headline: ['headline is true or false'] });
  });

  it('answers an unknown indicator with 404 and a plain message', async () => {
    const reply = await viewer.get<{ message: string }>('/indicators/does-not-exist');
    expect(reply.status).toBe(404);
    expect(reply.body.message).toBe('The indicator "does-not-exist" was not found.');
  });

  it('answers a malformed id with 404, without reaching the database', async () => {
    const reply = await viewer.get('/indicators/DROP%20TABLE');
    expect(reply.status).toBe(404);
  });

  it('gives the overview only the headline indicators when it asks, and refuses a query it cannot do', async () => {
    const headline = await viewer.get<{ indicators: { id: string; headline: boolean }[] }>(
      '/indicators?headline=true',
    );
    expect(headline.body.indicators.length).toBeGreaterThan(0);
    expect(headline.body.indicators.every((i) => i.headline)).toBe(true);
    const bad = await viewer.get<{ fieldErrors: Record<string, string[]> }>('/indicators?headline=maybe');
    expect(bad.status).toBe(422);
    expect(bad.body.fieldErrors).toEqual({ headline: ['headline is true or false'] });
  });

  it('answers an unknown endpoint with a JSON 404', async () => {
    const reply = await viewer.get<{ message: string }>('/nothing-here');
    expect(reply.status).toBe(404);
    expect(reply.body.message).toContain('There is no GET /api/v1/nothing-here');
  });

  it('sends the cached answer again unchanged, gzipped on request, and 304 for the same version', async () => {
    const first = await viewer.get('/indicators', { 'Accept-Encoding': 'gzip' });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"\d+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await viewer.get('/indicators', { 'If-None-Match': etag! });
    expect(again.status).toBe(304);
  });
});
