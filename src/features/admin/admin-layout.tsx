import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { EmptyState, LoadingState } from '../../components/states';
import { useDocumentTitle } from '../../lib/use-document-title';
import { usePermissions } from '../../lib/use-permissions';
import { useWording } from '../../lib/use-wording';
import type { Wording } from '../../lib/wording';

const sections: readonly { to: string; label: string | ((words: Wording) => string) }[] = [
  { to: '/admin/people', label: 'People and roles' },
  { to: '/admin/agencies', label: 'Agencies' },
  { to: '/admin/indicators', label: 'Indicators' },
  { to: '/admin/board', label: (words) => words.settings },
  { to: '/admin/audit-trail', label: 'Audit trail' },
  { to: '/admin/outbox', label: 'Outbox' },
];

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
  const words = useWording();
  return (
    <div className="page">
      <nav className="sub-nav" aria-label="Administration">
        <ul>
          {sections.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to}>{typeof s.label === 'string' ? s.label : s.label(words)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <h1 className="page__title">{title}</h1>
      <p className="page__lede">{lede}</p>
      {permissions.status === 'pending' ? (
        <LoadingState label="Checking what you may do here" />
      ) : permissions.status === 'error' ? (
        // The banner at the top says why the session could not be read, with Try again.
        <EmptyState>This page is shown once the dashboard knows who you are.</EmptyState>
      ) : permissions.open || permissions.administer ? (
        // Only an administrator's page asks for its data: nothing is fetched that would not be shown.
        children
      ) : (
        <p className="record-form__failure" role="alert">
          Only {words.theirs} administrators can use this page.
        </p>
      )}
    </div>
  );
}
