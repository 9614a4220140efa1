import { get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../mocks/data';
import {
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
});
