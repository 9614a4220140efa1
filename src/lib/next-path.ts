/** Stands for the app's own origin when reading `next`; only whether it stays the same matters. */
const APP_ORIGIN = 'https://app.invalid';

/**
 * Where to go after signing in: a path of this app only. `next` is parsed against the app's
 * origin, as a browser would, and accepted only if it stays on that origin, so `//other.site`,
 * `/\other.site`, `/<tab>/other.site` (browsers drop tabs and newlines) and full URLs all go to
 * `/`. Control characters and backslashes are refused outright; the answer is the parsed,
 * percent-encoded path, safe to put in a Location header.
 */
export function safeNextPath(next: string | null): string {
  // eslint-disable-next-line no-control-regex
  if (!next || !next.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, APP_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== APP_ORIGIN) return '/';
  const path = url.pathname + url.search + url.hash;
  if (!path.startsWith('/') || path.startsWith('//')) return '/';
  if (/^\/(sign-in|set-up|set-password)\b/.test(path)) return '/';
  return path;
}

export function signInPath(from: { pathname: string; search: string }): string {
  return `/sign-in?next=${encodeURIComponent(from.pathname + from.search)}`;
}
