// A small HTTP server for built apps: static files with an SPA fallback, optional security
// headers, and an optional handler for API routes. Used by the end-to-end tests and the benchmark.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The Content-Security-Policy a board should serve the dashboard with (the data service's own). */
export { STRICT_CSP } from '../../server/http/content-security-policy.mjs';

/**
 * @param {{ root: string, headers?: Record<string, string>, api?: { prefix: string, handle: (method: string, path: string, body: unknown) => { status: number, body: unknown } } }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startStaticServer({ root, headers = {}, api }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (api && url.pathname.startsWith(api.prefix)) {
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        const text = Buffer.concat(chunks).toString('utf8');
        let body;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        const reply = api.handle(
          req.method ?? 'GET',
          url.pathname.slice(api.prefix.length) + url.search,
          body,
        );
        res.writeHead(reply.status, {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'no-store',
          ...headers,
        });
        res.end(reply.status === 204 ? undefined : JSON.stringify(reply.body));
        return;
      }
      const path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (!path.startsWith(base)) {
        res.writeHead(403).end();
        return;
      }
      let file = path;
      const info = await stat(file).catch(() => null);
      if (!info || info.isDirectory()) {
        // Unknown paths with a file extension are missing files; others are app routes.
        if (extname(url.pathname)) {
          res.writeHead(404, { 'Content-Type': 'text/plain', ...headers }).end('Not found');
          return;
        }
        file = join(base, 'index.html');
      }
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': file.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        ...headers,
      });
      createReadStream(file).pipe(res);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
