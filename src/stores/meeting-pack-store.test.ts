import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PackChart } from '../lib/meeting-pack';
import {
  MEETING_PACK_STORAGE_KEY,
  readKeptPack,
  resetMeetingPack,
  useMeetingPackStore,
} from './meeting-pack-store';

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
    await readKeptPack();
    expect(useMeetingPackStore.getState().items).toEqual([good]);
  });

  it('drops saved items it cannot understand and keeps the rest', async () => {
    stored([{ ...good, type: 'pie' }, good, { ...good, id: 'b', from: 'last year' }]);
    await readKeptPack();
    expect(useMeetingPackStore.getState().items).toEqual([good]);
  });

  it('keeps a chart pinned before the kept pack was read, after it, and writes nothing over the pack before then', async () => {
    stored([good]);
    const chart: PackChart = { type: 'audit-progress', year: '2017-18' };
    useMeetingPackStore.getState().toggle(chart);
    // Not written: the pack kept in storage has not been read yet.
    expect(JSON.parse(localStorage.getItem(MEETING_PACK_STORAGE_KEY)!)).toEqual({
      state: { items: [good] },
      version: 1,
    });
    await readKeptPack();
    const items = useMeetingPackStore.getState().items;
    expect(items.map((i) => i.type)).toEqual(['indicator', 'audit-progress']);
    expect(useMeetingPackStore.getState().kept).toBe('read');
    // Written once read: both are kept for the next visit.
    const kept = JSON.parse(localStorage.getItem(MEETING_PACK_STORAGE_KEY)!) as {
      state: { items: unknown[] };
    };
    expect(kept.state.items).toEqual(items);
  });

  it('with no pack kept, reads none at once and keeps what is pinned from then on', async () => {
    await readKeptPack();
    expect(useMeetingPackStore.getState().kept).toBe('read');
    useMeetingPackStore.getState().toggle({ type: 'audit-progress', year: '2017-18' });
    const kept = JSON.parse(localStorage.getItem(MEETING_PACK_STORAGE_KEY)!) as {
      state: { items: unknown[] };
    };
    expect(kept.state.items).toHaveLength(1);
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

describe('when the code that reads the kept pack cannot be loaded', () => {
  afterEach(() => {
    vi.doUnmock('../lib/kept-pack');
  });

  it('says so, leaves the pack in storage as it was, and reads it on Try again', async () => {
    stored([good]);
    vi.doMock('../lib/kept-pack', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    await readKeptPack();
    expect(useMeetingPackStore.getState().kept).toBe('unreadable');
    expect(useMeetingPackStore.getState().items).toEqual([]);
    useMeetingPackStore.getState().toggle({ type: 'audit-progress', year: '2017-18' });
    expect(JSON.parse(localStorage.getItem(MEETING_PACK_STORAGE_KEY)!)).toEqual({
      state: { items: [good] },
      version: 1,
    });

    vi.doUnmock('../lib/kept-pack');
    await readKeptPack();
    expect(useMeetingPackStore.getState().kept).toBe('read');
    expect(useMeetingPackStore.getState().items.map((i) => i.type)).toEqual(['indicator', 'audit-progress']);
  });
});
