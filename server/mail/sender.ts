import nodemailer from 'nodemailer';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import type { MailConfig } from './config';
import { enqueueScheduledNotices } from './outbox';

/** What sends one message: nodemailer's SMTP transport in the service. */
export interface Transport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
  }): Promise<unknown>;
  close(): void;
}

export function smtpTransport(smtpUrl: string): Transport {
  return nodemailer.createTransport(smtpUrl, {
    // A down SMTP server is noticed quickly: the row stays locked only while one send is tried.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as never) as unknown as Transport;
}

/** Longest wait between two tries of one message. */
const MAX_RETRY_SECONDS = 15 * 60;

/**
 * Takes the oldest message that is due and not being sent by another instance (its row is locked
 * with `for update skip locked`), sends it and marks it sent in the same transaction. If the SMTP
 * server refuses, the message stays in the outbox and is tried again after a longer wait each time.
 */
export async function sendNext(
  db: Database,
  transport: Transport,
  from: string,
  retryBaseSeconds: number,
): Promise<'sent' | 'failed' | 'none'> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{
      id: number;
      recipient: string;
      subject: string;
      text_body: string;
      html_body: string;
      attempts: number;
    }>(
      `select id, recipient, subject, text_body, html_body, attempts from mail_outbox
       where sent_at is null and next_attempt_at <= now()
       order by id limit 1
       for update skip locked`,
    );
    if (!row) return 'none';
    try {
      await transport.sendMail({
        from,
        to: row.recipient,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
      });
    } catch (error) {
      const wait = Math.min(retryBaseSeconds * 2 ** Math.min(row.attempts, 20), MAX_RETRY_SECONDS);
      // The SMTP server's own words (no message content): for the administrator's outbox page.
      const reason = error instanceof Error ? error.message.slice(0, 300) : 'The SMTP server refused';
      await tx.query(
        `update mail_outbox set attempts = attempts + 1, last_error = $2,
           next_attempt_at = now() + make_interval(secs => $3)
         where id = $1`,
        [row.id, reason, wait],
      );
      return 'failed';
    }
    await tx.query(
      'update mail_outbox set attempts = attempts + 1, sent_at = now(), last_error = null where id = $1',
      [row.id],
    );
    return 'sent';
  });
}

export interface MailSender {
  /** Sends what is due now (tests, and the timer). */
  runOnce(): Promise<void>;
  /** Stops the timer and waits for a send in progress; closes the SMTP connection. */
  stop(): Promise<void>;
}

export interface SenderOptions {
  db: Database;
  config: MailConfig;
  log: Logger;
  /** The address people use, for links in scheduled notices. */
  origin: string;
  today: () => string;
  transport?: Transport;
  /** Milliseconds between two looks at the outbox (MAIL_POLL_SECONDS by default). */
  pollMs?: number;
  retryBaseSeconds?: number;
}

/**
 * Each instance runs one: on a timer it enqueues the day's reminders and late notices (once each,
 * whichever instance is first) and, with SMTP configured, sends what is due. Without SMTP the mail
 * waits in the outbox, where an administrator sees it.
 */
export function startMailSender(options: SenderOptions): MailSender {
  const { db, config, log } = options;
  const transport = options.transport ?? (config.smtpUrl ? smtpTransport(config.smtpUrl) : null);
  const pollMs = options.pollMs ?? config.pollSeconds * 1000;
  const retryBase = options.retryBaseSeconds ?? 30;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const work = async () => {
    // Cheap when nothing is new: a notice already in the outbox is not added again.
    await db.transaction((tx) =>
      enqueueScheduledNotices(tx, options.origin, options.today(), config.reminderDays),
    );
    if (!transport) return;
    let failures = 0;
    // Send until nothing is due (or the SMTP server fails twice in a row this round).
    while (!stopped) {
      const outcome = await sendNext(db, transport, config.from, retryBase);
      if (outcome === 'none') break;
      if (outcome === 'failed' && ++failures >= 2) break;
      if (outcome === 'sent') failures = 0;
    }
  };

  const runOnce = () => {
    running = running.then(work).catch((error: unknown) => log.error('Sending mail failed', error));
    return running;
  };

  const tick = () => {
    if (stopped) return;
    void runOnce().finally(() => {
      if (!stopped) timer = setTimeout(tick, pollMs);
    });
  };
  timer = setTimeout(tick, 0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      transport?.close();
    },
  };
}
