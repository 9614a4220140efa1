import type { EesSymbol, ReturnStatus } from '../../api/contract';
import type { Tone } from '../../components/status-tag';

export const returnStatusLabels: Record<ReturnStatus, string> = {
  'not-started': 'Not started',
  draft: 'Draft',
  submitted: 'Submitted',
  returned: 'Returned to agency',
  published: 'Published',
};

export const returnStatusTones: Record<ReturnStatus, Tone> = {
  'not-started': 'neutral',
  draft: 'neutral',
  submitted: 'warning',
  returned: 'bad',
  published: 'good',
};

/** The marks a figure can carry instead of (or, for `u`, beside) a value: the EES symbols. */
export const symbolChoices: { value: EesSymbol; label: string }[] = [
  { value: 'c', label: 'c: suppressed (confidential)' },
  { value: 'x', label: 'x: not available' },
  { value: 'z', label: 'z: not applicable' },
  { value: 'low', label: 'low: rounds to 0, but is not 0' },
  { value: 'k', label: 'k: rounds to 0, but is not 0' },
  { value: 'u', label: 'u: low reliability (with the value, or instead of it)' },
];
