// The Content-Security-Policy the dashboard is served with: no inline script, no eval, nothing
// from another origin. The data service sends it on every response; the end-to-end tests and the
// benchmark serve the static builds with it too.

/**
 * The policy, allowing besides the app's own files only the inline stylesheets whose SHA-256 hashes
 * are given (base64): the data service puts the built stylesheet in its pages, so that the first
 * paint waits for no second request.
 * @param {readonly string[]} [styleHashes]
 */
export function contentSecurityPolicy(styleHashes = []) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes.map((hash) => `'sha256-${hash}'`)].join(' '),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const STRICT_CSP = contentSecurityPolicy();
