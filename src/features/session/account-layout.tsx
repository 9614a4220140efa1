import type { ReactNode } from 'react';
import { ThemeToggle } from '../../app/theme-toggle';
import { useDocumentTitle } from '../../lib/use-document-title';

/** The frame of the pages used before anyone is signed in: no navigation, no board data. */
export function AccountLayout({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header app-header--account">
        <div className="app-header__brand">
          <p className="app-header__name">Safeguarding dashboard</p>
          <p className="app-header__sub">The board’s data service</p>
        </div>
        <div className="app-header__controls">
          <ThemeToggle />
        </div>
      </header>
      <main id="main" className="app-main account-page" tabIndex={-1}>
        <div className="account-card">
          <h1 className="page__title">{title}</h1>
          {children}
        </div>
      </main>
    </div>
  );
}
