import { z } from '../zod';

/** The notices a person may turn off; invitations and password links are always sent. */
export const noticeKindSchema = z.enum([
  'round-opened',
  'reminder',
  'late',
  'sent-back',
  'accepted',
  'published',
]);
export type NoticeKind = z.infer<typeof noticeKindSchema>;

/** GET and PUT /account/email: the notices the signed-in person gets by email. */
export const mailPreferencesSchema = z.object({
  /** The notices turned off; every other one is sent. */
  off: z.array(noticeKindSchema).check(z.maxLength(6)),
});
export type MailPreferences = z.infer<typeof mailPreferencesSchema>;

export const outboxMessageSchema = z.object({
  id: z.int(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  /** The plain text body, as sent. */
  text: z.string(),
  /** The links in the body, to give by hand when no mail can be sent. */
  links: z.array(z.string()),
  createdAt: z.iso.datetime(),
  sentAt: z.nullable(z.iso.datetime()),
  attempts: z.int().check(z.gte(0)),
  /** Why the last try failed (the SMTP server's words), if it did. */
  lastError: z.nullable(z.string()),
});

/** GET /admin/outbox: the newest messages, sent or waiting, for the administrator. */
export const outboxSchema = z.object({
  /** Whether SMTP is set up: if not, nothing is sent and the links must be given by hand. */
  smtpConfigured: z.boolean(),
  messages: z.array(outboxMessageSchema),
});
export type Outbox = z.infer<typeof outboxSchema>;
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
