import { describe, expect, it } from 'vitest';
import { decodePack, encodePack } from './meeting-pack';

const item = {
  id: 'a',
  type: 'indicator' as const,
  indicatorId: 'referrals',
  from: '2015-16',
  to: '2017-18',
  hidden: ['england' as const],
  note: 'Notes travel too: “quotes”, £ and é',
};

describe('pack links', () => {
  it('round-trips a pack through a URL-safe value, without the item ids', () => {
    const value = encodePack([item]);
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    const { id: _id, ...shared } = item;
    expect(decodePack(value)).toEqual({ ok: true, items: [shared] });
  });

  it.each([
    ['not base64', '%%%'],
    ['not JSON', btoa('{nope')],
    ['an unknown chart type', btoa(JSON.stringify({ version: 1, items: [{ type: 'pie', note: '' }] }))],
    ['an empty pack', btoa(JSON.stringify({ version: 1, items: [] }))],
    ['a bad period', encodePack([{ ...item, from: '2015' }])],
  ])('rejects %s', (_, value) => {
    expect(decodePack(value)).toEqual({ ok: false });
  });
});
