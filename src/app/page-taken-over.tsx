import { useEffect } from 'react';

/**
 * Says, on the page's root element (`data-ready`), that the browser has taken the page over: the
 * page the data service drew is hydrated, or the page is drawn, and its controls answer from then
 * on. Placed last inside the innermost boundary of every route (see routes.tsx), so that its effect
 * runs only once that boundary's content has been taken over: React takes over a page the server
 * drew boundary by boundary, the page's own after the header's, and the shell's effects run first.
 *
 * boot.js waits for it to hand the page what was typed or pressed before then; tests wait for it
 * rather than for a time.
 */
export function PageTakenOver() {
  useEffect(() => {
    document.documentElement.dataset.ready = 'true';
  }, []);
  return null;
}
