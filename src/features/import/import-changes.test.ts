import { describe, expect, it } from 'vitest';
import type { LocalIndicator } from '../../api/local-indicators';
import { describeCell, describeChanges } from './import-changes';

const base: LocalIndicator = {
  id: 'local-wolverhampton-referral-count-abc123',
  title: 'Referral count, Wolverhampton',
  shortTitle: 'Referral count',
  theme: 'referrals-and-assessment',
  definition: 'Referrals.',
  unit: 'count',
  decimalPlaces: 0,
  polarity: 'neutral',
  frequency: 'reporting-year',
  target: null,
  headline: false,
  illustrative: false,
  source: { name: 'referrals.csv', publisher: 'Department for Education (imported file)' },
  series: [
    { period: '2023', value: 3660 },
    { period: '2024', value: 4400 },
  ],
  comparators: [{ id: 'england', label: 'England', series: [{ period: '2024', value: 600000 }] }],
  importedFrom: { fileName: 'referrals.csv', importedAt: '2026-01-01T00:00:00.000Z', area: 'Wolverhampton' },
};

describe('what a re-import changes', () => {
  it('says an indicator is new when nothing has its id', () => {
    const [change] = describeChanges([base], []);
    expect(change).toMatchObject({ previous: null, replacesId: null, cells: [] });
  });

  it('lists every figure added, changed or removed, in every series, in time order', () => {
    const revised: LocalIndicator = {
      ...base,
      series: [
        { period: '2024', value: 4451 },
        { period: '2025', value: null, symbol: 'c' },
      ],
      comparators: [],
    };
    const [change] = describeChanges([revised], [base]);
    expect(change!.cells.map(describeCell)).toEqual([
      '2023 for Wolverhampton: 3,660 removed',
      '2024 for Wolverhampton: 4,400 becomes 4,451',
      '2025 for Wolverhampton: c added',
      '2024 for England: 600,000 removed',
    ]);
    expect(change!.details).toEqual([]);
  });

  it('says when only the title, unit, theme or direction changes', () => {
    const [change] = describeChanges(
      [{ ...base, polarity: 'down-is-good', theme: 'child-protection' }],
      [base],
    );
    expect(change!.cells).toEqual([]);
    expect(change!.details).toEqual(['theme', 'which way is better']);
  });

  it('finds the same indicator saved by an earlier version of the page under its older id', () => {
    const legacy = { ...base, id: 'local-wolverhampton-referral-count' };
    const [change] = describeChanges([base], [legacy], { [base.id]: legacy.id });
    expect(change!.previous).toBe(legacy);
    expect(change!.replacesId).toBe('local-wolverhampton-referral-count');
  });

  it('leaves an older id from another file alone', () => {
    const legacy = {
      ...base,
      id: 'local-wolverhampton-referral-count',
      importedFrom: { ...base.importedFrom, fileName: 'other.csv' },
    };
    const [change] = describeChanges([base], [legacy], { [base.id]: legacy.id });
    expect(change!.previous).toBeNull();
  });
});
