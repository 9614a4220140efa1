import { useEffect, useState } from 'react';

/**
 * The secret of a one-time link (`/set-password#<token>`). It travels in the address's fragment,
 * which the browser never sends to a server or in a Referer header, and is taken out of the
 * address bar once read, so it is not left in the history.
 */
export function useLinkToken(): string | null {
  const [token] = useState(() => {
    const value = window.location.hash.slice(1);
    return value.length >= 20 ? value : null;
  });
  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      );
    }
  }, []);
  return token;
}
