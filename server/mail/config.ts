/** Email settings, from environment variables (README "Email"). */
export interface MailConfig {
  /** `smtp://user:pass@mail.example.gov.uk:587` or `smtps://…`; null keeps mail in the outbox. */
  smtpUrl: string | null;
  /** The From address: `Safeguarding board <board@example.gov.uk>`. */
  from: string;
  /** How often each instance looks for mail to send, in seconds. */
  pollSeconds: number;
  /** Days before a return is due that its contributors are reminded (MAIL_REMINDER_DAYS, 3). */
  reminderDays: number;
}

export class MailConfigError extends Error {}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new MailConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${text}".`);
  }
  return value;
}

export function readMailConfig(env: NodeJS.ProcessEnv): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) {
    throw new MailConfigError('SMTP_URL must start with smtp:// or smtps://.');
  }
  const from = env.MAIL_FROM?.trim() || '';
  if (smtpUrl && !from) throw new MailConfigError('Set MAIL_FROM (the From address) with SMTP_URL.');
  return {
    smtpUrl,
    from,
    pollSeconds: whole(env, 'MAIL_POLL_SECONDS', 10, 1, 3600),
    reminderDays: whole(env, 'MAIL_REMINDER_DAYS', 3, 0, 60),
  };
}
