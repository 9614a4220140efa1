import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * After following a link to another page, focus moves to the new page's main heading, as it would
 * on a page load for a screen reader user (who then hears where they are), and the next Tab starts
 * from there. Not on the first page shown, nor when only the query changes (a filter or the year).
 * A lazily loaded page's heading is focused as soon as it appears, however long that takes.
 */
export function useFocusHeadingOnNavigate(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  // The page shown last: the first page, and an effect run again for the same page (as React's
  // StrictMode does), move no focus.
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    const container = main.current;
    if (!container) return;
    const focusHeading = () => {
      // Something on the new page has taken focus already (a "return focus" of its own): leave it.
      if (
        document.activeElement &&
        document.activeElement !== document.body &&
        container.contains(document.activeElement)
      ) {
        return true;
      }
      const heading = container.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    // However long the page takes to appear (its code or its data on a slow connection): until the
    // person goes elsewhere. A time limit here had left focus behind on a page that took longer.
    observer.observe(container, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [pathname, main]);
}
