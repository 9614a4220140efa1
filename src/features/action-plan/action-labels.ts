import type { ActionStatus } from '../../api/contract';
import type { Tone } from '../../components/status-tag';

export const actionStatusLabels: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  complete: 'Complete',
};

export const actionStatusTones: Record<ActionStatus, Tone> = {
  'not-started': 'neutral',
  'on-track': 'good',
  'at-risk': 'warning',
  'off-track': 'bad',
  complete: 'good',
};
