import type { Indicator, Polarity } from '../api/contract';

export type RagStatus = 'green' | 'amber' | 'red' | 'none';

export const ragLabels: Record<RagStatus, string> = {
  green: 'On target',
  amber: 'Close to target',
  red: 'Off target',
  none: 'No target',
};

/**
 * Red, amber or green against the target, in the direction the indicator's polarity calls good.
 * Amber is within `tolerance` (a fraction of the target) on the wrong side. An indicator without
 * a target, without a value or without a direction of good has no RAG status.
 */
export function ragStatus(value: number | null, target: Indicator['target'], polarity: Polarity): RagStatus {
  if (value === null || target === null || polarity === 'neutral') return 'none';
  const shortfall = polarity === 'up-is-good' ? target.value - value : value - target.value;
  if (shortfall <= 0) return 'green';
  const margin = Math.abs(target.value) * target.tolerance;
  return shortfall <= margin ? 'amber' : 'red';
}
