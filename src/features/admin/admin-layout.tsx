import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title';
import { usePermissions } from '../../lib/use-permissions';

const sections = [
  { to: '/admin/people', label: 'People and roles' },
  { to: '/admin/agencies', label: 'Agencies' },
  { to: '/admin/indicators', label: 'Indicators' },
  { to: '/admin/board', label: 'Board settings' },
  { to: '/admin/audit-trail', label: 'Audit trail' },
  { to: '/admin/outbox', label: 'Outbox' },
] as const;

/** The administrator's pages share a heading and a second navigation. */
export function AdminLayout({
  title,
  lede,
  children,
}: {
  title: string;
  lede: ReactNode;
  children: ReactNode;
}) {
  useDocumentTitle(`${title} (administration)`);
  const permissions = usePermissions();
  return (
    <div className="page">
      <nav className="sub-nav" aria-label="Administration">
        <ul>
          {sections.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to}>{s.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <h1 className="page__title">{title}</h1>
      <p className="page__lede">{lede}</p>
      {permissions.user && !permissions.administer ? (
        <p className="record-form__failure" role="alert">
          Only the board’s administrators can use this page.
        </p>
      ) : (
        children
      )}
    </div>
  );
}
