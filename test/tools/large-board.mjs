// npm run board:large -- --data-dir DIR | --database-url URL [--indicators N] [--quarters N] …
// Loads the large board (server/tools/large-board.ts) into an empty database; the TypeScript and
// the migrations' SQL are read through Vite, as the benchmark reads the demo API.
import { resolve } from 'node:path';
import { createServer as createViteServer } from 'vite';

const root = resolve(import.meta.dirname, '../..');
const vite = await createViteServer({
  root,
  server: { middlewareMode: true },
  appType: 'custom',
  logLevel: 'error',
});
try {
  const { main } = await vite.ssrLoadModule('/server/tools/large-board.ts');
  const started = performance.now();
  const loaded = await main(process.argv.slice(2));
  console.log(
    `Loaded the large board in ${((performance.now() - started) / 1000).toFixed(1)} s: ${Object.entries(
      loaded,
    )
      .map(([what, n]) => `${n} ${what}`)
      .join(', ')}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await vite.close();
}
