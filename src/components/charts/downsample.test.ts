import { describe, expect, it } from 'vitest';
import { downsampleRows } from './downsample';

const rows = (values: (number | null)[]) => values.map((v, x) => ({ x, a: v }));

describe('downsampleRows', () => {
  it('leaves a short series alone', () => {
    const input = rows([1, 2, 3]);
    expect(downsampleRows(input, ['a'], 10)).toEqual(input);
  });

  it('thins a long series but keeps its first, last, highest and lowest points', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 100) * 100);
    values[4321] = 500;
    values[8765] = -500;
    const out = downsampleRows(rows(values), ['a'], 500);
    expect(out.length).toBeLessThanOrEqual(2_000);
    expect(out[0]!.x).toBe(0);
    expect(out.at(-1)!.x).toBe(9_999);
    expect(out.find((r) => r.a === 500)?.x).toBe(4321);
    expect(out.find((r) => r.a === -500)?.x).toBe(8765);
  });

  it('keeps every missing value, so a gap is never bridged', () => {
    const values: (number | null)[] = Array.from({ length: 5_000 }, (_, i) => i);
    values[2500] = null;
    const out = downsampleRows(rows(values), ['a'], 100);
    expect(out.some((r) => r.x === 2500 && r.a === null)).toBe(true);
  });
});
