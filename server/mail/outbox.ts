import type { AgencyReturn, ReturnRound } from '../../src/api/contract';
import type { Queryable } from '../db/database';

/**
 * What the board emails. An invitation or password link is essential and always sent; a person
 * can turn each of the others off on their own account.
 */
export const noticeKinds = [
  'round-opened',
  'reminder',
  'late',
  'sent-back',
  'accepted',
  'published',
] as const;
export type NoticeKind = (typeof noticeKinds)[number];
export type MailKind = 'invitation' | 'password' | NoticeKind;

export interface Message {
  kind: MailKind;
  to: string;
  subject: string;
  /** Paragraphs of plain text; the link is added after them. */
  paragraphs: string[];
  link: { href: string; label: string };
  /** Set for scheduled notices: a message with the same key is enqueued once, by any instance. */
  key?: string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** Plain text and simple HTML of one message: no images, no tracking, nothing but the words and the link. */
export function compose(message: Message): { text: string; html: string } {
  const text = [...message.paragraphs, `${message.link.label}: ${message.link.href}`].join('\n\n') + '\n';
  const html = [
    '<!doctype html><html><body>',
    ...message.paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    `<p><a href="${escapeHtml(message.link.href)}">${escapeHtml(message.link.label)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { text, html };
}

/**
 * Puts a message in the outbox, in the caller's transaction: it is sent only if the change that
 * caused it is written. A keyed message already in the outbox is not added again.
 */
export async function enqueueMail(tx: Queryable, message: Message): Promise<void> {
  const { text, html } = compose(message);
  await tx.query(
    `insert into mail_outbox (dedupe_key, kind, recipient, subject, text_body, html_body)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (dedupe_key) do nothing`,
    [message.key ?? null, message.kind, message.to, message.subject, text, html],
  );
}

interface Recipient {
  email: string;
  name: string;
}

/** The active people of these agencies who enter returns, without those who turned this notice off. */
async function contributorsOf(
  tx: Queryable,
  agencyIds: readonly string[],
  kind: NoticeKind,
): Promise<Recipient[]> {
  if (agencyIds.length === 0) return [];
  return tx.query<{ email: string; name: string }>(
    `select u.email, u.name from app_user u
     where u.active and u.role = 'contributor'
       and exists (select 1 from jsonb_array_elements_text(u.agency_ids) a where a = any($1::text[]))
       and not exists (select 1 from mail_opt_out o where o.user_id = u.id and o.kind = $2)
     order by u.email`,
    [agencyIds, kind],
  );
}

/** Every active person: everyone can read a published report. */
async function everyoneFor(tx: Queryable, kind: NoticeKind): Promise<Recipient[]> {
  return tx.query<{ email: string; name: string }>(
    `select u.email, u.name from app_user u
     where u.active
       and not exists (select 1 from mail_opt_out o where o.user_id = u.id and o.kind = $1)
     order by u.email`,
    [kind],
  );
}

const formatDate = (iso: string) =>
  new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** An invitation (a new person) or a new password link (someone already invited). */
export function mailSetupLink(
  tx: Queryable,
  person: { email: string; name: string },
  link: string,
  expiresAt: string,
  kind: 'invitation' | 'password',
): Promise<void> {
  return enqueueMail(tx, {
    kind,
    to: person.email,
    subject:
      kind === 'invitation'
        ? 'You are invited to the safeguarding board’s dashboard'
        : 'Choose a new password for the safeguarding board’s dashboard',
    paragraphs: [
      `Dear ${person.name},`,
      kind === 'invitation'
        ? 'You have been given an account on the safeguarding board’s dashboard. Open the link below to choose your password.'
        : 'An administrator has made you a new link to choose your password for the safeguarding board’s dashboard.',
      `The link works once, until ${new Date(expiresAt).toUTCString()}. If you did not expect this email, you can ignore it.`,
    ],
    link: { href: link, label: 'Choose your password' },
  });
}

const returnLink = (origin: string, roundId: string, agencyId: string) =>
  `${origin}/returns/${encodeURIComponent(roundId)}/${encodeURIComponent(agencyId)}`;

/** A round of returns opened: each agency's contributors are told when theirs is due. */
export async function mailRoundOpened(
  tx: Queryable,
  origin: string,
  round: ReturnRound,
): Promise<ReturnRound> {
  for (const agency of round.agencies) {
    for (const person of await contributorsOf(tx, [agency.agencyId], 'round-opened')) {
      await enqueueMail(tx, {
        kind: 'round-opened',
        to: person.email,
        subject: `${round.quarter} returns are open: ${agency.agencyName}’s is due ${formatDate(round.dueDate)}`,
        paragraphs: [
          `Dear ${person.name},`,
          `The safeguarding board has opened the ${round.quarter} round of returns. ${agency.agencyName}’s return is due by ${formatDate(round.dueDate)}.`,
        ],
        link: { href: returnLink(origin, round.id, agency.agencyId), label: 'Open the return' },
      });
    }
  }
  return round;
}

/** A return sent back: its contributors get the reviewer's comments. */
export const mailReturnSentBack = (tx: Queryable, origin: string, value: AgencyReturn) =>
  mailReturnDecision(tx, origin, 'sent-back', value);

/**
 * A return accepted and published: its contributors are told; once every agency's return of the
 * round is published, everyone is told the quarter's figures are published (once, by its key).
 */
export async function mailReturnPublished(
  tx: Queryable,
  origin: string,
  value: AgencyReturn,
): Promise<AgencyReturn> {
  await mailReturnDecision(tx, origin, 'accepted', value);
  const [open] = await tx.query(
    `select 1 from agency_return where round_id = $1 and status <> 'published' limit 1`,
    [value.roundId],
  );
  if (!open) await mailPublished(tx, origin, `the ${value.quarter} figures from every agency`, value.roundId);
  return value;
}

async function mailReturnDecision(
  tx: Queryable,
  origin: string,
  decision: 'sent-back' | 'accepted',
  value: AgencyReturn,
): Promise<AgencyReturn> {
  for (const person of await contributorsOf(tx, [value.agencyId], decision)) {
    const sentBack = decision === 'sent-back';
    await enqueueMail(tx, {
      kind: decision,
      to: person.email,
      subject: sentBack
        ? `${value.agencyName}’s ${value.quarter} return was sent back`
        : `${value.agencyName}’s ${value.quarter} return was accepted`,
      paragraphs: [
        `Dear ${person.name},`,
        sentBack
          ? `The board has sent back ${value.agencyName}’s ${value.quarter} return. Please make the changes asked for and submit it again.`
          : `The board has accepted and published ${value.agencyName}’s ${value.quarter} return. Thank you.`,
        ...(value.comment ? [`The reviewer’s comments:\n${value.comment}`] : []),
      ],
      link: { href: returnLink(origin, value.roundId, value.agencyId), label: 'Open the return' },
    });
  }
  return value;
}

/** A report published: everyone who can sign in is told, with a link to the overview. */
export async function mailPublished(tx: Queryable, origin: string, what: string, key: string): Promise<void> {
  for (const person of await everyoneFor(tx, 'published')) {
    await enqueueMail(tx, {
      kind: 'published',
      to: person.email,
      subject: `Published: ${what}`,
      paragraphs: [`Dear ${person.name},`, `The safeguarding board has published ${what}.`],
      link: { href: `${origin}/`, label: 'Open the dashboard' },
      key: `published:${key}:${person.email.toLowerCase()}`,
    });
  }
}

/**
 * Reminders a set number of days before a return is due, and late notices the day after, for
 * every return not yet submitted or published. Each instance runs this on a timer; the key makes
 * each notice go into the outbox once, whichever instance finds it first.
 *
 * One statement finds the notices not yet in the outbox (each return's contributors, without those
 * who turned the notice off or already have it), so a look that finds nothing new is one read. It
 * ran in the timer's transaction every ten seconds, and at a large board (40 agencies' returns
 * late) it had been a query and an insert per agency and person each time: on the embedded
 * database, whose one connection everything else waits for, a quarter of a second of every ten
 * (issue 22).
 */
export async function enqueueScheduledNotices(
  tx: Queryable,
  origin: string,
  today: string,
  reminderDays: number,
): Promise<void> {
  const due = await tx.query<{
    kind: 'late' | 'reminder';
    round_id: string;
    quarter: string;
    due_date: string;
    agency_id: string;
    agency_name: string;
    email: string;
    name: string;
  }>(
    `select n.kind, n.round_id, n.quarter, n.due_date, n.agency_id, n.agency_name, n.email, n.name
     from (
       select d.*, u.email, u.name, u.id as user_id,
              d.kind || ':' || d.round_id || ':' || d.agency_id || ':' || lower(u.email) as key
       from (
         select r.round_id, rr.quarter, rr.due_date::text as due_date, r.agency_id, a.name as agency_name,
                case when rr.due_date < $1::date then 'late' else 'reminder' end as kind
         from agency_return r
         join return_round rr on rr.id = r.round_id
         join agency a on a.id = r.agency_id
         where r.status not in ('submitted', 'published')
           and (rr.due_date < $1::date or rr.due_date <= $1::date + make_interval(days => $2))
       ) d
       join app_user u on u.active and u.role = 'contributor' and u.agency_ids ? d.agency_id
     ) n
     where not exists (select 1 from mail_opt_out o where o.user_id = n.user_id and o.kind = n.kind)
       and not exists (select 1 from mail_outbox m where m.dedupe_key = n.key)
     order by n.due_date, n.round_id, n.agency_id, n.email`,
    [today, reminderDays],
  );
  for (const row of due) {
    const late = row.kind === 'late';
    await enqueueMail(tx, {
      kind: row.kind,
      to: row.email,
      // The key as it has always been made (the statement's is only there to skip what is in).
      key: `${row.kind}:${row.round_id}:${row.agency_id}:${row.email.toLowerCase()}`,
      subject: late
        ? `${row.agency_name}’s ${row.quarter} return is late`
        : `${row.agency_name}’s ${row.quarter} return is due ${formatDate(row.due_date)}`,
      paragraphs: [
        `Dear ${row.name},`,
        late
          ? `${row.agency_name}’s ${row.quarter} return was due by ${formatDate(row.due_date)} and has not been submitted yet.`
          : `A reminder: ${row.agency_name}’s ${row.quarter} return is due by ${formatDate(row.due_date)}.`,
      ],
      link: { href: returnLink(origin, row.round_id, row.agency_id), label: 'Open the return' },
    });
  }
}
