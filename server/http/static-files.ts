import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Context, Hono } from 'hono';
import { safeNextPath } from '../../src/lib/next-path';
import { getCookie } from 'hono/cookie';
import { THEME_COOKIE } from '../../src/stores/theme-store';
import { findSession, type ActiveSession } from '../auth/sessions';
import { contentSecurityPolicy } from './content-security-policy.mjs';
import {
  KeptText,
  PageCache,
  PageMarks,
  PartCache,
  wholePage,
  type CachedPage,
  type PageBytes,
} from './page-cache';
import { routeStatus } from '../../src/app/routes';
import { serverRender, widthGuessFor, type ServerRendered } from './server-render';
import type { AppEnv, Services } from './env';
import { readSessionSecret } from './session-cookie';

async function sessionOf(c: Context<AppEnv>, services: Services): Promise<ActiveSession | null> {
  const secret = readSessionSecret(c);
  if (!secret) return null;
  return findSession(services.db, secret, {
    idleMinutes: services.config.sessionIdleMinutes,
    maxHours: services.config.sessionMaxHours,
  });
}

/** Where the page drawn on the server goes in index.html: its empty root element. */
const ROOT = '<div id="root"></div>';

/**
 * index.html with a page drawn on the server in its root, the data handed over beside it, and the
 * person's chosen theme painted from the first byte.
 */
function pageHtml(
  template: string,
  theme: string | undefined,
  rendered: ServerRendered | null,
  chunksOf: (sources: string[]) => string[] = () => [],
  /** The template whose scripts the page already has (when `template` stands a mark for its head). */
  built = template,
) {
  let html = template;
  if (theme === 'light' || theme === 'dark')
    html = html.replace('<html lang="en-GB"', `<html lang="en-GB" data-theme="${theme}"`);
  if (rendered) {
    // The code of the page drawn, asked for with the entry rather than after it has run (the page
    // is taken over sooner when it is not the overview). Named, not fetched: boot.js asks for it
    // with the entry once the page has been painted (see paintBeforeCode in vite.config.ts).
    const chunks = chunksOf(rendered.modules).filter((chunk) => !built.includes(chunk));
    if (chunks.length > 0)
      html = html.replace('</head>', () => `<meta name="app-chunks" content="${chunks.join(' ')}"></head>`);
    // The lazy pages drawn, which the entry loads before taking the page over (see loadPages).
    const pages = rendered.modules.length > 0 ? ` data-pages="${rendered.modules.join(' ')}"` : '';
    html = html.replace(
      ROOT,
      () =>
        `<div id="root" data-width-guess="${rendered.widthGuess}"${pages}>${rendered.html}</div><script type="application/json" id="app-state">${rendered.json}</script>`,
    );
  }
  return html;
}

/**
 * index.html with each of the build's stylesheets written into it rather than linked: the browser
 * paints the page without asking for another file first. The policy that lets those styles (and
 * no others) apply names each by its SHA-256 hash.
 */
export function inlineStylesheets(
  template: string,
  fileAt: (path: string) => Buffer | undefined,
): { html: string; policy: string } {
  const hashes: string[] = [];
  const html = template.replace(/<link rel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/g, (tag, href: string) => {
    const css = fileAt(href)?.toString('utf8');
    // A stylesheet that is not in the build, or that could end the element early, stays linked.
    if (css === undefined || /<\/style/i.test(css)) return tag;
    hashes.push(createHash('sha256').update(css, 'utf8').digest('base64'));
    return `<style>${css}</style>`;
  });
  return { html, policy: contentSecurityPolicy(hashes) };
}

interface ManifestChunk {
  file: string;
  imports?: string[];
}

/**
 * From the build's manifest (`build.manifest`, in dist/.vite, never served): the files a module
 * needs, itself and every chunk it imports, as paths to fetch. Without a manifest, none.
 */
export function manifestChunks(manifest: Buffer | undefined): (sources: string[]) => string[] {
  if (!manifest) return () => [];
  const chunks = JSON.parse(manifest.toString('utf8')) as Record<string, ManifestChunk>;
  return (sources) => {
    const files = new Set<string>();
    const add = (key: string) => {
      const chunk = chunks[key];
      if (!chunk || files.has(`/${chunk.file}`)) return;
      files.add(`/${chunk.file}`);
      for (const imported of chunk.imports ?? []) add(imported);
    };
    for (const source of sources) add(source);
    return [...files];
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

interface StaticFile {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
  immutable: boolean;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
  );
  return files.flat();
}

/** Pages anyone may open: the sign-in page and the one-time links. */
const PUBLIC_PAGES = /^\/(sign-in|set-up|set-password)\/?$/;

/**
 * The built dashboard, read into memory once at start (it is under 2 MB) with gzipped copies of
 * its text files. Hashed assets are cached for a year; everything else is revalidated. Any other
 * path that is not a file is a page of the app, answered with index.html: with the page
 * drawn on the server for someone signed in (server-render), as built for the public pages.
 */
export async function serveDashboard(app: Hono<AppEnv>, root: string, services: Services): Promise<void> {
  const files = new Map<string, StaticFile>();
  const parts = new PartCache();
  for (const path of await walk(root)) {
    const url = `/${relative(root, path).split(sep).join('/')}`;
    // Source maps stay on the server's disk (README: debugging a production build), never served.
    if (url.endsWith('.map') || url === '/mockServiceWorker.js') continue;
    const body = await readFile(path);
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const compressible = /^(text\/|application\/(json|manifest)|image\/svg)/.test(type) && body.length > 1024;
    files.set(url, {
      body,
      gzip: compressible ? gzipSync(body, { level: 9 }) : null,
      type,
      immutable: url.startsWith('/assets/'),
    });
  }
  const chunksOf = manifestChunks(files.get('/.vite/manifest.json')?.body);
  files.delete('/.vite/manifest.json');
  const index = files.get('/index.html');
  if (!index) throw new Error(`There is no built dashboard in ${root}: run npm run build first.`);
  const { html: template, policy } = inlineStylesheets(
    index.body.toString('utf8'),
    (path) => files.get(path)?.body,
  );
  if (!template.includes(ROOT)) throw new Error(`${root}/index.html has no empty ${ROOT} to draw pages in.`);
  // Every page's head, stylesheet and all, is the same: encoded and compressed once, here, and the
  // first text kept for every page (encoding the 30 kB stylesheet as UTF-8 for each page cost more
  // than drawing it). Pages are written around its mark.
  const headText = /<head>[\s\S]*(?=<\/head>)/.exec(template)?.[0] ?? '';
  const head = new KeptText(headText);
  const marksFor = () => {
    const marks = new PageMarks();
    marks.mark(head);
    return marks;
  };
  const marked = headText ? template.replace(headText, () => new PageMarks().mark(head)) : template;
  const drawn = new PageCache();
  const pageBytes = (
    theme: string | undefined,
    rendered: ServerRendered | null,
    marks: PageMarks,
  ): PageBytes => marks.page(pageHtml(marked, theme, rendered, chunksOf, template));

  app.get('*', async (c) => {
    const path = new URL(c.req.url).pathname;
    const file = files.get(path);
    if (!file) {
      // A missing file (it has an extension) is a 404; anything else is a page of the app.
      if (extname(path)) {
        return c.text('Not found', 404, { 'Cache-Control': 'no-store' });
      }
      // Someone who is not signed in goes to the sign-in page first, and comes back here after;
      // someone signed in who opens the sign-in page goes straight on.
      const url = new URL(c.req.url);
      const session = await sessionOf(c, services);
      if (!PUBLIC_PAGES.test(path) && !session) {
        return c.redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
      }
      if (path.startsWith('/sign-in') && session) {
        return c.redirect(safeNextPath(url.searchParams.get('next')), 302);
      }
      const theme = getCookie(c, THEME_COOKIE);
      let page: CachedPage;
      // An address with no page answers 404 (with the not-found page); so does one naming a
      // record that is not there, as the page drawn on the server found.
      let status = routeStatus(path);
      if (session && !PUBLIC_PAGES.test(path)) {
        const widthGuess = widthGuessFor({
          userAgent: c.req.header('user-agent'),
          mobileHint: c.req.header('sec-ch-ua-mobile'),
        });
        // Everything the page is drawn from. A write anyone can see moves the data version on,
        // and the session (who, their role, when it ends) is part of it, so a page is only ever
        // served again to the same session, from the same data.
        const key = JSON.stringify([
          url.pathname + url.search,
          widthGuess,
          theme,
          session.dataVersion,
          session.user,
          session.method,
          session.expiresAt,
        ]);
        const cached = drawn.get(key);
        if (cached) page = cached;
        else {
          const marks = marksFor();
          const rendered = await serverRender(services, url, session, widthGuess, parts, marks);
          const bytes = pageBytes(theme, rendered, marks);
          // A page that could not be drawn here is not kept: the next request tries again.
          page = rendered ? drawn.set(key, bytes, rendered.status) : { ...bytes, gzip: null };
        }
        status = page.status ?? status;
      } else {
        page = { ...pageBytes(theme, null, marksFor()), gzip: null };
      }
      const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
      c.header('Content-Type', 'text/html; charset=utf-8');
      c.header('Content-Security-Policy', policy);
      // Drawn for this person: never kept by a shared cache.
      c.header('Cache-Control', 'private, no-store');
      c.header('Vary', 'Cookie, Accept-Encoding');
      if (gzip) c.header('Content-Encoding', 'gzip');
      return c.body((gzip ? drawn.compressed(page) : wholePage(page)) as unknown as ArrayBuffer, status);
    }
    const gzip = file.gzip !== null && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    return new Response((gzip ? file.gzip : file.body) as unknown as BodyInit, {
      headers: {
        'Content-Type': file.type,
        'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        Vary: 'Accept-Encoding',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      },
    });
  });
}
