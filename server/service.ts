import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { prepareDatabase } from './bootstrap';
import { ConfigError, readConfig } from './config';
import { openDatabase } from './db/open';
import { applyV8Settings } from './db/v8-settings';
import type { Lifecycle } from './http/env';
import { jsonLogger } from './log';
import { startMailSender } from './mail/sender';

/** `npm start`: the board's data service, serving the dashboard and its API on one origin. */
async function main(): Promise<void> {
  const config = readConfig();
  const log = jsonLogger({ level: config.logLevel });
  const v8Flags = applyV8Settings(config);
  const { db, release, where } = await openDatabase(config, log);
  // Several instances starting at once against one PostgreSQL: one migrates, the others wait on
  // its lock, and none takes requests before the schema is whole.
  const report = await prepareDatabase(db, config);
  db.keepTidy?.(log);
  const lifecycle: Lifecycle = { draining: false };
  const { app, services } = await createApp({ db, config, log, lifecycle });
  // Reminders and late notices are enqueued by every instance (once each, by key); mail is sent by
  // whichever instance takes it first. Without SMTP_URL it waits in the outbox (Administration).
  const mail = startMailSender({
    db,
    config: config.mail,
    log,
    origin:
      config.publicUrl ??
      `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`,
    today: services.today,
  });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const listening = `http://${host}:${info.port}`;
    const url = config.publicUrl ?? listening;
    log.info(`Data service on ${where}, listening on ${listening}.`, {
      listening,
      ...(v8Flags.length > 0 ? { v8Flags } : {}),
    });
    if (report.migrations.length > 0)
      log.info(`Applied database migrations: ${report.migrations.join(', ')}.`, {
        migrations: report.migrations,
      });
    if (report.seeded) log.info('Loaded the demo board (SEED=none starts without it).');
    if (report.adminCreated) log.info(`Created the administrator ${report.adminCreated} from ADMIN_EMAIL.`);
    if (report.setupToken) {
      // Not a log line: the one-time link is for the person starting the service, and works once.
      process.stdout.write(
        `\nNo one can sign in yet. Open this one-time link to create the administrator (it works once, for 24 hours):\n\n  ${url}/set-up#${report.setupToken}\n\n`,
      );
    }
    log.info(`Dashboard: ${url}`, { url });
  }) as Server;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Not ready from now on: `/readyz` says so and every answer closes its connection, while the
    // instance goes on answering until the load balancer has moved new requests elsewhere (not
    // for Ctrl-C at a terminal). Then it takes no new connection, lets requests in flight finish,
    // and closes the database.
    lifecycle.draining = true;
    const drain = signal === 'SIGTERM' ? config.shutdownDrainSeconds : 0;
    log.info(
      drain > 0
        ? `${signal}: draining for ${drain} s, then finishing requests in flight and stopping.`
        : `${signal}: finishing requests in flight, then stopping.`,
    );
    if (drain > 0) await new Promise((done) => setTimeout(done, drain * 1000));
    const finished = new Promise<void>((done) => server.close(() => done()));
    const gaveUp = await Promise.race([
      finished.then(() => false),
      new Promise<boolean>((done) =>
        setTimeout(() => done(true), config.shutdownGraceSeconds * 1000).unref(),
      ),
    ]);
    if (gaveUp) {
      log.warn(`Requests still in flight after ${config.shutdownGraceSeconds} s were cut off.`);
      server.closeAllConnections();
    }
    await mail.stop().catch((error: unknown) => log.error('Stopping the mail sender failed', error));
    await db.close().catch((error: unknown) => log.error('Closing the database failed', error));
    release();
    log.info('Stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  const log = jsonLogger();
  if (error instanceof ConfigError) log.error(`Configuration problem: ${error.message}`);
  else log.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
