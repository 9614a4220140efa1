import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { boardQueries } from '../api/queries';
import { FigureExportContext } from '../components/charts/figure-context';
import { SessionGate } from '../features/session/session-gate';
import { UserMenu } from '../features/session/user-menu';
import { rememberYears } from '../lib/last-known-board';
import { useBoardName } from '../lib/use-board-name';
import { usePermissions } from '../lib/use-permissions';
import { readKeptPack, usePackCount } from '../stores/meeting-pack-store';
import { navItems } from './nav';
import { watchLinkIntent } from './preload';
import { BoardBanner, KeptPackBanner, SessionBanner, SignInBanner } from './status-banners';
import { PeriodSelect, YearNotice } from './period-select';
import { ThemeToggle } from './theme-toggle';
import { useFocusHeadingOnNavigate } from './use-focus-heading';

export function AppShell() {
  return (
    <SessionGate>
      <Shell />
    </SessionGate>
  );
}

function Shell() {
  const board = useQuery(boardQueries.detail());
  const queryClient = useQueryClient();
  // Pages load ahead when a link to them is pointed at or focused (see preload).
  useEffect(() => watchLinkIntent(queryClient), [queryClient]);
  // The years are remembered for a later visit on which the board's details cannot be loaded.
  useEffect(() => {
    if (board.data) rememberYears(board.data);
  }, [board.data]);
  // The meeting pack kept in this browser (read before the page is taken over where there is one).
  useEffect(() => void readKeptPack(), []);
  const permissions = usePermissions();
  const items = navItems.filter((item) => !('show' in item) || permissions[item.show]);
  const packCount = usePackCount();
  const main = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigate(main);
  // Navigation keeps the reporting period; other view settings belong to the page they were set on.
  const year = new URLSearchParams(useLocation().search).get('year');
  const search = year ? `?year=${encodeURIComponent(year)}` : '';
  const boardName = board.data?.name ?? null;
  const headerName = useBoardName();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <p className="app-header__name">{headerName ?? '\u00a0'}</p>
          <p className="app-header__sub">Safeguarding dashboard</p>
        </div>
        {/* Before the navigation in the DOM, as on screen: the tab order follows what is seen. */}
        <div className="app-header__controls">
          <PeriodSelect />
          <ThemeToggle />
          <UserMenu />
        </div>
        <nav className="app-nav" aria-label="Main">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                {item.to === '/meeting-pack' ? (
                  // The pack is kept in this browser, so its count arrives after the page is drawn:
                  // it has its place kept, so that nothing moves when it does.
                  <NavLink
                    to={{ pathname: item.to, search }}
                    end={item.end}
                    className="app-nav__pack"
                    aria-label={
                      packCount > 0
                        ? `${item.label}, ${packCount} ${packCount === 1 ? 'chart' : 'charts'}`
                        : undefined
                    }
                  >
                    {item.label}
                    {packCount > 0 ? <span className="app-nav__count">{packCount}</span> : null}
                  </NavLink>
                ) : (
                  <NavLink to={{ pathname: item.to, search }} end={item.end}>
                    {item.label}
                  </NavLink>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <SignInBanner />
      <BoardBanner />
      <KeptPackBanner />
      <SessionBanner />
      <main id="main" className="app-main" tabIndex={-1} ref={main}>
        <YearNotice />
        <FigureExportContext.Provider value={{ boardName }}>
          <Outlet />
        </FigureExportContext.Provider>
      </main>
      <footer className="app-footer">
        {board.data?.illustrativeNotice ? (
          <p className="app-footer__notice">
            <strong>Illustrative data.</strong> {board.data.illustrativeNotice}
          </p>
        ) : null}
        <p>
          Department for Education statistics are used under the Open Government Licence v3.0. API contract:{' '}
          <a href="/contract/api-v1.schema.json">JSON Schema</a>.
        </p>
      </footer>
    </div>
  );
}
