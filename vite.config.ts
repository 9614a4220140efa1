import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * The MSW worker lives in public/ so `vite dev` and the demo build can serve it, but a
 * production build talks to a real API and must not ship it.
 */
function dropMockWorkerOutsideDemo(mocksEnabled: boolean): Plugin {
  let outDir = 'dist';
  return {
    name: 'drop-mock-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      if (!mocksEnabled) await rm(resolve(outDir, 'mockServiceWorker.js'), { force: true });
    },
  };
}

/**
 * The data service's tests run in Node against a fresh database each, without the browser's MSW.
 * Budgets, not waits: a test that opens its own embedded database, migrates and seeds it (the first
 * run, two instances on one database) takes 10 to 15 s alone on this 2-core machine, and went past
 * 30 s with other work running.
 */
const serverTests = {
  environment: 'node' as const,
  include: ['server/**/*.test.ts'],
  setupFiles: ['./server/test/setup.ts'],
  globalSetup: ['./server/test/global-setup.ts'],
  testTimeout: 120_000,
  hookTimeout: 120_000,
};

/**
 * Source maps of the production build are for developers, not for the public: they are written
 * without a reference from the code (`sourcemap: 'hidden'`) and moved out of the folder a web
 * server publishes, into `dist-sourcemaps/`.
 */
function keepSourceMapsPrivate(): Plugin {
  let outDir = 'dist';
  let root = '.';
  return {
    name: 'keep-source-maps-private',
    apply: (_config, env) => env.command === 'build' && env.mode === 'production' && !env.isSsrBuild,
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const assets = resolve(outDir, 'assets');
      const target = resolve(root, 'dist-sourcemaps');
      await rm(target, { recursive: true, force: true });
      await mkdir(target, { recursive: true });
      for (const file of await readdir(assets)) {
        if (file.endsWith('.map')) await rename(resolve(assets, file), resolve(target, file));
      }
    },
  };
}

/**
 * The stylesheet before the scripts in index.html: it is what the first paint of a page drawn on the
 * server waits for, so it is asked for first.
 */
function stylesheetFirst(): Plugin {
  return {
    name: 'stylesheet-first',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links = html.match(/\s*<link rel="stylesheet"[^>]*>/g) ?? [];
        let out = html;
        for (const link of links) out = out.replace(link, '');
        return out.replace(
          /(\s*)<script type="module"/,
          (match, space: string) => `${links.join('')}${space}${match.trim()}`,
        );
      },
    },
  };
}

/** React's renderer for the browser (react-dom/client), in a chunk of its own: see src/main.tsx. */
const RENDERER_CHUNK = 'react-dom';

/**
 * The page is painted before the dashboard's code is asked for. The built index.html runs
 * public/boot.js, whose `data-app` names the entry; the chunks the entry imports, which Vite would
 * ask for at once with modulepreloads, are named in `<meta name="app-chunks">` instead (the data
 * service adds one for the code of the page it drew). boot.js asks for them all once the browser
 * has painted a page the data service drew (at once when there is none). With the entry a module
 * script of its own, its evaluation, and on a slow connection its download, came before the first
 * paint.
 */
function paintBeforeCode(): Plugin {
  return {
    name: 'paint-before-code',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
        if (!entry) throw new Error('paint-before-code: the built index.html has no entry script');
        const chunks: string[] = [];
        const rest = html.replace(
          /\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g,
          (_tag, href: string) => {
            chunks.push(href);
            return '';
          },
        );
        // React's renderer, which the entry imports as it starts, is asked for with it too (and what
        // it imports, but for the entry itself, which boot.js asks for).
        const renderer = Object.values(bundle ?? {})
          .flatMap((file) => (file.type === 'chunk' ? [file] : []))
          .find((chunk) => chunk.name === RENDERER_CHUNK);
        if (!renderer) throw new Error(`paint-before-code: the build has no ${RENDERER_CHUNK} chunk`);
        for (const href of [renderer.fileName, ...renderer.imports].map((f) => `/${f}`))
          if (href !== entry[1] && !chunks.includes(href)) chunks.push(href);
        const named = chunks.length ? `<meta name="app-chunks" content="${chunks.join(' ')}">\n    ` : '';
        return rest.replace(
          entry[0],
          () => `${named}<script type="module" src="/boot.js" data-app="${entry[1]}"></script>`,
        );
      },
    },
  };
}

export default defineConfig(({ mode, isSsrBuild }) => {
  const mocksEnabled = mode === 'development' || mode === 'demo' || mode === 'test';
  return {
    plugins: [
      react(),
      dropMockWorkerOutsideDemo(mocksEnabled),
      keepSourceMapsPrivate(),
      stylesheetFirst(),
      paintBeforeCode(),
    ],
    resolve: {
      // React Router's package names only its development build, with its warnings and checks,
      // for every build (remix-run/react-router#14102). A build for use takes its production
      // build: the same code without them (the server's too, which then bundles it).
      alias:
        mode === 'production' || mode === 'demo'
          ? [
              {
                find: /^react-router$/,
                replacement: resolve(
                  import.meta.dirname,
                  'node_modules/react-router/dist/production/index.mjs',
                ),
              },
            ]
          : [],
    },
    define: {
      __MOCKS_ENABLED__: JSON.stringify(mocksEnabled),
    },
    build: isSsrBuild
      ? {
          // `vite build --ssr`: the data service and its backup tools, for Node.
          outDir: 'dist-server',
          target: 'node20',
          copyPublicDir: false,
          sourcemap: true,
          rollupOptions: {
            input: { main: 'server/main.ts', backup: 'server/backup.ts', restore: 'server/restore.ts' },
          },
        }
      : {
          outDir: mode === 'demo' ? 'dist-demo' : 'dist',
          target: 'es2022',
          // dist/.vite/manifest.json: which chunks each page needs, for the data service to ask for
          // them with the page it draws (it reads the manifest and never serves it).
          manifest: mode !== 'demo',
          sourcemap: mode === 'demo' ? true : 'hidden',
          // The first page needs react-dom, react-query, the router and the dashboard's own code
          // (about 135 kB gzip, measured by `npm run bench`; recharts, only for tooltips, and the
          // contract's schemas load later). The default 500 kB warning is about raw size and says
          // nothing useful here (recharts' chunk is over it).
          chunkSizeWarningLimit: 900,
          rolldownOptions: {
            output: {
              // What the first page imports goes in one chunk beside the entry, not in thirty small
              // ones: each costs a round trip on a slow connection (Lighthouse's mobile run). React's
              // renderer for the browser is a chunk of its own, which the entry runs in a task of its
              // own (src/main.tsx), and which is asked for with it (paintBeforeCode).
              codeSplitting: {
                groups: [
                  { name: 'app', tags: ['$initial'] },
                  {
                    name: RENDERER_CHUNK,
                    test: /node_modules[\\/](react-dom[\\/]client|react-dom[\\/]cjs[\\/]react-dom-client|scheduler[\\/])/,
                  },
                ],
              },
            },
          },
        },
    preview: { host: '127.0.0.1' },
    server: { host: '127.0.0.1' },
    test: {
      restoreMocks: true,
      // Both cores: Vitest's default in a run is one worker fewer than the machine has, which on a
      // 2-core machine ran every file one after another (12 minutes; 7.5 with two workers). The
      // tests' budgets (60 s in the browser's environment, 120 s for the data service) are set for a
      // loaded machine, which two workers are.
      maxWorkers: 2,
      projects: [
        {
          extends: true,
          test: {
            name: 'app',
            environment: 'jsdom',
            // A budget, not a wait: a test that hangs fails at it. The import tests parse real DfE
            // files, and the page tests draw whole pages and type into their forms: 2-7 s on a
            // quiet 2-core machine, and up to 22 s with two suites and a build running beside
            // them (the busy loop, issue 20), where 20 s failed two of them. Each file's own
            // budgets were taken out for this one.
            testTimeout: 60_000,
            setupFiles: ['./test/setup.ts'],
            include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'test/**/*.test.{ts,tsx}'],
            exclude: ['test/e2e/**', 'node_modules/**'],
          },
        },
        {
          extends: true,
          test: { ...serverTests, name: 'server (PGlite)', env: { TEST_DATABASE: 'pglite' } },
        },
        // With TEST_DATABASE_URL (CI starts a PostgreSQL 15 cluster), the same suite runs on PostgreSQL.
        ...(process.env.TEST_DATABASE_URL
          ? [
              {
                extends: true as const,
                test: { ...serverTests, name: 'server (PostgreSQL)', env: { TEST_DATABASE: 'postgres' } },
              },
            ]
          : []),
      ],
    },
  };
});
