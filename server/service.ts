import { serve } from '@hono/node-server';
import { createApp, consoleLogger } from './app';
import { prepareDatabase } from './bootstrap';
import { ConfigError, readConfig } from './config';
import { openDatabase } from './db/open';

/** `npm start`: the board's data service, serving the dashboard and its API on one origin. */
async function main(): Promise<void> {
  const config = readConfig();
  const { db, release, where } = await openDatabase(config);
  const report = await prepareDatabase(db, config);
  const { app } = await createApp({ db, config, log: consoleLogger });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = config.publicUrl ?? `http://${host}:${info.port}`;
    console.log(`Data service on ${where}.`);
    if (report.migrations.length > 0)
      console.log(`Applied database migrations: ${report.migrations.join(', ')}.`);
    if (report.seeded) console.log('Loaded the demo board (SEED=none starts without it).');
    if (report.adminCreated)
      console.log(`Created the administrator ${report.adminCreated} from ADMIN_EMAIL.`);
    if (report.setupToken) {
      console.log(
        '\nNo one can sign in yet. Open this one-time link to create the administrator (it works once, for 24 hours):',
      );
      console.log(`\n  ${url}/set-up#${report.setupToken}\n`);
    }
    console.log(`Dashboard: ${url}`);
  });
  const shutdown = async (signal: string) => {
    console.log(`${signal}: stopping the data service…`);
    server.close();
    await db.close().catch(() => undefined);
    release();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration problem: ${error.message}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
