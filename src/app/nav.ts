/**
 * The product's areas, in the order the navigation shows them. An area appears here only once it
 * is built: no placeholder pages. `show` names who sees it (everyone when absent).
 */
export const navItems = [
  { to: '/', label: 'Overview', end: true },
  { to: '/indicators', label: 'Indicators', end: false },
  { to: '/quality-assurance', label: 'Quality assurance', end: false },
  { to: '/action-plan', label: 'Action plan', end: false },
  { to: '/partnership', label: 'Partnership', end: false },
  { to: '/section11', label: 'Section 11', end: false },
  { to: '/meeting-pack', label: 'Meeting pack', end: false },
  { to: '/import', label: 'Import', end: false },
  { to: '/returns', label: 'Returns', end: false, show: 'seeReturns' },
  { to: '/admin', label: 'Administration', end: false, show: 'administer' },
] as const;
