/**
 * Where to go after signing in: a path on this site only (never `//other.site` or a full URL),
 * so a link cannot send someone elsewhere after they sign in.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/^\/(sign-in|set-up|set-password)\b/.test(next)) return '/';
  return next;
}

export function signInPath(from: { pathname: string; search: string }): string {
  return `/sign-in?next=${encodeURIComponent(from.pathname + from.search)}`;
}
