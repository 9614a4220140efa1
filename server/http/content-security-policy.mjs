// The Content-Security-Policy the dashboard is served with: no inline script, no eval, nothing
// from another origin. The data service sends it on every response; the end-to-end tests and the
// benchmark serve the static builds with it too.
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
