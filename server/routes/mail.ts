import type { Hono } from 'hono';
import { noticeKinds } from '../mail/outbox';
import { can } from '../../src/api/permissions';
import { endpoint } from '../http/endpoint';
import type { AppEnv, Services } from '../http/env';

/** How many of the newest messages the administrator's outbox lists. */
const OUTBOX_LIMIT = 200;

const LINK = /https?:\/\/[^\s<>"]+/g;

/** Each person's email notices, and the administrator's view of the outbox. */
export function mailRoutes(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;

  const preferences = async (userId: string) => {
    const rows = await db.query<{ kind: string }>(
      'select kind from mail_opt_out where user_id = $1 order by kind',
      [userId],
    );
    const off = new Set(rows.map((r) => r.kind));
    return { off: noticeKinds.filter((kind) => off.has(kind)) };
  };

  endpoint(app, services, 'mailPreferences', {
    allow: can.read,
    handler: ({ user }) => preferences(user.id),
  });

  endpoint(app, services, 'saveMailPreferences', {
    allow: can.read,
    handler: async ({ user, body }) => {
      await db.transaction(async (tx) => {
        await tx.query('delete from mail_opt_out where user_id = $1', [user.id]);
        for (const kind of new Set(body.off)) {
          await tx.query('insert into mail_opt_out (user_id, kind) values ($1, $2)', [user.id, kind]);
        }
      });
      return preferences(user.id);
    },
  });

  endpoint(app, services, 'outbox', {
    allow: can.administer,
    handler: async () => {
      const rows = await db.query<{
        id: number;
        kind: string;
        recipient: string;
        subject: string;
        text_body: string;
        created_at: string;
        sent_at: string | null;
        attempts: number;
        last_error: string | null;
      }>(
        `select id, kind, recipient, subject, text_body, created_at, sent_at, attempts, last_error
         from mail_outbox order by id desc limit $1`,
        [OUTBOX_LIMIT],
      );
      return {
        smtpConfigured: services.config.mail.smtpUrl !== null,
        messages: rows.map((row) => ({
          id: Number(row.id),
          kind: row.kind,
          to: row.recipient,
          subject: row.subject,
          text: row.text_body,
          links: row.text_body.match(LINK) ?? [],
          createdAt: row.created_at,
          sentAt: row.sent_at,
          attempts: row.attempts,
          lastError: row.last_error,
        })),
      };
    },
  });
}
