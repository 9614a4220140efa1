import { get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../mocks/data';
import {
  asAtYearFor,
  loadLocalIndicators,
  removeLocalIndicator,
  saveLocalIndicators,
  type LocalIndicator,
} from './local-indicators';

const KEY = 'local-indicators-v1';

function local(id: string): LocalIndicator {
  const base = demoDataset.indicators.find((i) => i.id === 'referrals')!;
  return {
    ...(base as LocalIndicator),
    id: `local-${id}`,
    importedFrom: { fileName: 'board.csv', importedAt: '2017-12-01T10:00:00.000Z' },
  };
}

describe('locally stored indicators', () => {
  it('keeps an entry it cannot read when other indicators are saved or removed, so nothing is lost', async () => {
    const damaged = { id: 'local-damaged', title: 'Saved by an older version' };
    await set(KEY, [damaged, local('a')]);

    expect((await loadLocalIndicators()).map((i) => i.id)).toEqual(['local-a']);
    await saveLocalIndicators([local('b')]);
    await removeLocalIndicator('local-a');

    expect((await loadLocalIndicators()).map((i) => i.id)).toEqual(['local-b']);
    expect(await get(KEY)).toContainEqual(damaged);
  });

  it('replaces the same id, and any older id it is told the new indicator stands for', async () => {
    await saveLocalIndicators([local('a'), local('old-b'), local('c')]);
    await saveLocalIndicators([{ ...local('a'), title: 'Again' }, local('b')], ['local-old-b']);
    const saved = await loadLocalIndicators();
    expect(saved.map((i) => i.id)).toEqual(['local-c', 'local-a', 'local-b']);
    expect(saved.find((i) => i.id === 'local-a')!.title).toBe('Again');
  });

  it('shows an imported indicator as at no year: its own latest figure, whatever the board’s year', () => {
    expect(asAtYearFor(local('a'), '2016-17')).toBeNull();
    const { importedFrom: _, ...own } = local('a');
    expect(asAtYearFor(own, '2016-17')).toBe('2016-17');
  });
});
