import { describe, expect, it } from 'vitest';
import { ragStatus } from './rag';

const target = (value: number, tolerance = 0.1) => ({ value, tolerance });

describe('ragStatus', () => {
  it('is green when up is good and the value meets the target exactly', () => {
    expect(ragStatus(90, target(90), 'up-is-good')).toBe('green');
  });

  it('is amber within tolerance below an up-is-good target, red beyond it', () => {
    expect(ragStatus(82, target(90), 'up-is-good')).toBe('amber'); // 8 short, tolerance 9
    expect(ragStatus(80, target(90), 'up-is-good')).toBe('red');
  });

  it('reverses for down-is-good: lower than target is green', () => {
    expect(ragStatus(20.7, target(22), 'down-is-good')).toBe('green');
    expect(ragStatus(23.5, target(22), 'down-is-good')).toBe('amber');
    expect(ragStatus(26.8, target(22), 'down-is-good')).toBe('red');
  });

  it('has no status without a target or a direction of good', () => {
    expect(ragStatus(50, null, 'up-is-good')).toBe('none');
    expect(ragStatus(50, target(40), 'neutral')).toBe('none');
  });

  it('says there is no figure yet, not "no target", when a target has no figure to meet it', () => {
    expect(ragStatus(null, target(90), 'up-is-good')).toBe('no-figure');
  });
});
