import type { PackChart } from './meeting-pack';

/**
 * Identifies "the same chart" so a chart's pin button knows whether it is already pinned. Apart
 * from the pack's schemas (./meeting-pack): the store every page reads needs it, and the schemas
 * load only when a pack kept in this browser is read or a shared one is opened.
 */
export function packChartKey(chart: PackChart): string {
  switch (chart.type) {
    case 'indicator':
      return ['indicator', chart.indicatorId, chart.from, chart.to, [...chart.hidden].sort().join('+')].join(
        '|',
      );
    case 'audit-progress':
    case 'audit-grades':
    case 'partner-funding':
      return [chart.type, chart.year].join('|');
    case 'action-plan-progress':
      return [chart.type, chart.year ?? ''].join('|');
    case 'section11-assurance':
      return chart.type;
  }
}
