import type { Indicator, Polarity } from '../api/contract';

export type RagStatus = 'green' | 'amber' | 'red' | 'none' | 'no-figure';

export const ragLabels: Record<RagStatus, string> = {
  green: 'On target',
  amber: 'Close to target',
  red: 'Off target',
  none: 'No target',
  'no-figure': 'No figure yet',
};

/**
 * Red, amber or green against the target, in the direction the indicator's polarity calls good.
 * Amber is within `tolerance` (a fraction of the target) on the wrong side. An indicator without
 * a target or without a direction of good has no RAG status ("No target"); one with a target but
 * no figure yet says so, rather than "No target" beside its target.
 */
export function ragStatus(value: number | null, target: Indicator['target'], polarity: Polarity): RagStatus {
  if (target === null || polarity === 'neutral') return 'none';
  if (value === null) return 'no-figure';
  const shortfall = polarity === 'up-is-good' ? target.value - value : value - target.value;
  if (shortfall <= 0) return 'green';
  const margin = Math.abs(target.value) * target.tolerance;
  return shortfall <= margin ? 'amber' : 'red';
}
