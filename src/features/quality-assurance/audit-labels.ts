import type { AuditStatus } from '../../api/contract';

export const auditStatusLabels: Record<AuditStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
