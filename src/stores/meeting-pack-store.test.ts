import { beforeEach, describe, expect, it } from 'vitest';
import type { PackChart } from '../lib/meeting-pack';
import { MEETING_PACK_STORAGE_KEY, resetMeetingPack, useMeetingPackStore } from './meeting-pack-store';

const stored = (items: unknown[]) =>
  localStorage.setItem(MEETING_PACK_STORAGE_KEY, JSON.stringify({ state: { items }, version: 1 }));

const good = {
  id: 'a',
  type: 'indicator',
  indicatorId: 'referrals',
  from: '2015-16',
  to: '2017-18',
  hidden: [],
  note: '',
};

beforeEach(() => resetMeetingPack());

describe('meeting pack store', () => {
  it('restores a pack saved in the browser', async () => {
    stored([good]);
    await useMeetingPackStore.persist.rehydrate();
    expect(useMeetingPackStore.getState().items).toEqual([good]);
  });

  it('drops saved items it cannot understand and keeps the rest', async () => {
    stored([{ ...good, type: 'pie' }, good, { ...good, id: 'b', from: 'last year' }]);
    await useMeetingPackStore.persist.rehydrate();
    expect(useMeetingPackStore.getState().items).toEqual([good]);
  });

  it('pins a chart once: pinning the same chart again unpins it', () => {
    const chart: PackChart = {
      type: 'indicator',
      indicatorId: 'referrals',
      from: '2015-16',
      to: '2017-18',
      hidden: [],
    };
    useMeetingPackStore.getState().toggle(chart);
    useMeetingPackStore.getState().toggle({ ...chart, hidden: ['england'] });
    expect(useMeetingPackStore.getState().items).toHaveLength(2);
    useMeetingPackStore.getState().toggle(chart);
    expect(
      useMeetingPackStore.getState().items.map((i) => (i.type === 'indicator' ? i.hidden : null)),
    ).toEqual([['england']]);
  });
});
