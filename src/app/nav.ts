/**
 * The product's areas, in the order the navigation shows them. An area appears here only once it
 * is built: no placeholder pages.
 */
export const navItems = [
  { to: '/', label: 'Overview', end: true },
  { to: '/indicators', label: 'Indicators', end: false },
  { to: '/meeting-pack', label: 'Meeting pack', end: false },
] as const;
