import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyReturnSchema, outboxSchema, returnRoundSchema, setupLinkSchema } from '../src/api/contract';
import { readMailConfig } from './mail/config';
import { enqueueMail, enqueueScheduledNotices } from './mail/outbox';
import { sendNext, smtpTransport, startMailSender, type MailSender } from './mail/sender';
import { people } from './test/fixtures';
import { startService, type Client, type TestService } from './test/service';
import { linksIn, startSmtpServer } from './test/smtp';

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

let service: TestService;
let smtp: Smtp;
let sender: MailSender;
let admin: Client;
let police: Client;
let health: Client;
// The sender's today: the day reminders and late notices are worked out for.
let today = '2018-04-20';

const POLICE = '/returns/q4-2017-18/west-midlands-police';

beforeAll(async () => {
  smtp = await startSmtpServer();
  service = await startService({ today: '2018-04-20' });
  admin = await service.as('administrator');
  police = await service.as('police');
  health = await service.as('health');
  sender = startMailSender({
    db: service.db,
    config: readMailConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'Board <board@board.test>' }),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    origin: service.url,
    today: () => today,
    // Looks often and retries soon, so the tests wait for arrivals rather than for the clock.
    pollMs: 50,
    retryBaseSeconds: 1,
  });
});
afterAll(async () => {
  await sender.stop();
  await service.close();
  await smtp.close();
});

/** Waits until `address` has received a message whose subject or body matches. */
async function arrival(address: string, match: RegExp) {
  await expect
    .poll(() => smtp.to(address).filter((m) => match.test(m.raw)).length, { timeout: 20_000 })
    .toBe(1);
  return smtp.to(address).find((m) => match.test(m.raw))!;
}

const outbox = async () => outboxSchema.parse((await admin.get('/admin/outbox')).body);

describe('email through the outbox', () => {
  it('an invitation arrives with a link that lets the person choose a password and sign in', async () => {
    const reply = await admin.request('POST', '/users', {
      email: 'sam.health@example.nhs.uk',
      name: 'Sam Health',
      role: 'contributor',
      agencyIds: ['childrens-social-care'],
      actionOwner: null,
    });
    expect(reply.status).toBe(201);
    const { link } = setupLinkSchema.parse(reply.body);
    const mail = await arrival('sam.health@example.nhs.uk', /Choose your password/);
    expect(mail.from).toBe('board@board.test');
    expect(linksIn(mail)).toContain(link);
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);

    const token = new URL(link).hash.slice(1);
    const accepted = await service
      .anonymous()
      .request('POST', '/invitations/accept', { token, password: 'a long enough password 42' });
    expect(accepted.status).toBe(200);
  });

  it('a person who turned round-opened notices off does not get one; the others do, with a link to their return', async () => {
    const off = await health.request('PUT', '/account/email', { off: ['round-opened'] });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ off: ['round-opened'] });
    expect((await health.get('/account/email')).body).toEqual({ off: ['round-opened'] });

    const reply = await admin.request('POST', '/returns', { quarter: 'Q4 2017-18', dueDate: '2018-04-22' });
    expect(reply.status).toBe(201);
    returnRoundSchema.parse(reply.body);
    const mail = await arrival(people.police.email, /Q4 2017-18 returns are open/);
    const link = linksIn(mail).find((l) => l.includes('/returns/'))!;
    expect(link).toBe(`${service.url}${POLICE}`);
    // The page the link opens shows the police's own return.
    const opened = await police.get(`${new URL(link).pathname}`);
    expect(opened.status).toBe(200);
    expect(agencyReturnSchema.parse(opened.body).agencyId).toBe('west-midlands-police');
    // Sam (also childrens-social-care) gets it; Hana, who turned it off, does not.
    await arrival('sam.health@example.nhs.uk', /Q4 2017-18 returns are open/);
    await expect.poll(async () => (await outbox()).messages.every((m) => m.sentAt !== null)).toBe(true);
    expect(smtp.to(people.health.email).filter((m) => /returns are open/.test(m.raw))).toEqual([]);
  });

  it('a reminder goes out the set number of days before the due date, once however often the timer runs', async () => {
    today = '2018-04-20'; // two days before 22 April; MAIL_REMINDER_DAYS is 3
    await sender.runOnce();
    const mail = await arrival(people.police.email, /return is due 22 April/);
    expect(linksIn(mail)).toContain(`${service.url}${POLICE}`);
    await sender.runOnce();
    await sender.runOnce();
    expect(smtp.to(people.police.email).filter((m) => /return is due 22 April/.test(m.raw))).toHaveLength(1);
    // No figures from the return in any message.
    expect(smtp.received.every((m) => !/cse-children-at-risk/.test(m.raw))).toBe(true);
  });

  it('a return sent back arrives with the reviewer’s comments and a link to the return', async () => {
    let mine = agencyReturnSchema.parse((await police.get(POLICE)).body);
    mine = agencyReturnSchema.parse(
      (
        await police.request('PUT', POLICE, {
          version: mine.version,
          values: mine.items.map((item) => ({
            indicatorId: item.indicatorId,
            period: item.period,
            value: 15,
            symbol: null,
            note: null,
            // 15 after 130 is a large change, which the contributor says they have checked.
            checked: true,
          })),
        })
      ).body,
    );
    expect((await police.request('POST', `${POLICE}/submit`, { version: mine.version })).status).toBe(200);
    const review = agencyReturnSchema.parse((await admin.get(POLICE)).body);
    const sentBack = await admin.request('POST', `${POLICE}/send-back`, {
      version: review.version,
      comment: 'Is a digit missing from the first figure?',
    });
    expect(sentBack.status).toBe(200);
    const mail = await arrival(people.police.email, /was sent back/);
    expect(mail.raw).toContain('Is a digit missing from the first figure?');
    expect(linksIn(mail)).toContain(`${service.url}${POLICE}`);
  });

  it('a late notice goes out once the due date has passed, to each contributor who has not turned it off, once', async () => {
    // Hana's agency's return is late too; she turned late notices off.
    expect((await health.request('PUT', '/account/email', { off: ['round-opened', 'late'] })).status).toBe(
      200,
    );
    today = '2018-04-23';
    await sender.runOnce();
    const mail = await arrival(people.police.email, /is late/);
    expect(linksIn(mail)).toContain(`${service.url}${POLICE}`);
    await sender.runOnce();
    const late = (await outbox()).messages.filter((m) => m.kind === 'late');
    // Police's and children's services' other contributor each once; Hana none.
    expect(late.map((m) => m.to).sort()).toEqual([people.police.email, 'sam.health@example.nhs.uk']);
  });

  it('the timer’s look finds nothing new in one statement, however many returns are late (issue 22)', async () => {
    const statements: string[] = [];
    await service.db.transaction((tx) =>
      enqueueScheduledNotices(
        { query: (sql, params) => (statements.push(sql), tx.query(sql, params)) },
        service.url,
        today,
        3,
      ),
    );
    expect(statements).toHaveLength(1);
  });

  it('with the SMTP server refusing, mail waits in the outbox and arrives once it is back', async () => {
    smtp.refuse();
    const reply = await admin.request('POST', '/users', {
      email: 'rory.refused@example.gov.uk',
      name: 'Rory Refused',
      role: 'viewer',
      agencyIds: [],
      actionOwner: null,
    });
    expect(reply.status).toBe(201);
    await expect
      .poll(
        async () => (await outbox()).messages.find((m) => m.to === 'rory.refused@example.gov.uk')?.attempts,
      )
      .toBeGreaterThanOrEqual(1);
    const waiting = (await outbox()).messages.find((m) => m.to === 'rory.refused@example.gov.uk')!;
    expect(waiting.sentAt).toBeNull();
    expect(waiting.lastError).not.toBeNull();
    expect(smtp.to('rory.refused@example.gov.uk')).toEqual([]);

    smtp.accept();
    await arrival('rory.refused@example.gov.uk', /Choose your password/);
    // Marked sent in the transaction that held its row, which commits just after the SMTP server's answer.
    await expect
      .poll(async () => (await outbox()).messages.find((m) => m.to === 'rory.refused@example.gov.uk')!.sentAt)
      .not.toBeNull();
  });

  it('when every agency’s return is published, everyone is told, with the dashboard’s link; contributors hear theirs was accepted', async () => {
    for (const agency of ['west-midlands-police', 'childrens-social-care', 'business-unit']) {
      const path = `/returns/q4-2017-18/${agency}`;
      let value = agencyReturnSchema.parse((await admin.get(path)).body);
      if (value.status !== 'submitted') {
        value = agencyReturnSchema.parse(
          (
            await admin.request('PUT', path, {
              version: value.version,
              values: value.items.map((item) => ({
                indicatorId: item.indicatorId,
                period: item.period,
                value: 20,
                symbol: null,
                note: 'Checked',
              })),
            })
          ).body,
        );
        const submitted = await admin.request('POST', `${path}/submit`, { version: value.version });
        expect(submitted.status).toBe(200);
        value = agencyReturnSchema.parse(submitted.body);
      }
      const published = await admin.request('POST', `${path}/publish`, { version: value.version });
      expect(published.status).toBe(200);
    }
    await arrival(people.police.email, /was accepted/);
    for (const person of [people.viewer, people.editor, people.administrator]) {
      const mail = await arrival(person.email, /Published: the Q4 2017-18 figures/);
      expect(linksIn(mail)).toContain(`${service.url}/`);
    }
  });

  it('two senders on one database send each message exactly once', async () => {
    for (let i = 0; i < 12; i++) {
      await service.db.transaction((tx) =>
        enqueueMail(tx, {
          kind: 'invitation',
          to: `twice-${i}@example.gov.uk`,
          subject: `Message ${i}`,
          paragraphs: ['Hello'],
          link: { href: `${service.url}/`, label: 'Open the dashboard' },
        }),
      );
    }
    // Two instances' senders, each with its own SMTP connection, racing for the same rows.
    const transports = [smtpTransport(smtp.url), smtpTransport(smtp.url)];
    const drain = async (index: number) => {
      while ((await sendNext(service.db, transports[index]!, 'board@board.test', 1)) !== 'none');
    };
    await Promise.all([drain(0), drain(1), drain(0), drain(1)]);
    for (const t of transports) t.close();
    for (let i = 0; i < 12; i++) {
      await expect.poll(() => smtp.to(`twice-${i}@example.gov.uk`).length).toBe(1);
    }
    // A second message with the same key is not enqueued twice.
    for (const round of [1, 2]) {
      void round;
      await service.db.transaction((tx) =>
        enqueueMail(tx, {
          kind: 'reminder',
          key: 'reminder:test:once',
          to: 'keyed@example.gov.uk',
          subject: 'Keyed',
          paragraphs: ['Hello'],
          link: { href: `${service.url}/`, label: 'Open the dashboard' },
        }),
      );
    }
    await arrival('keyed@example.gov.uk', /Keyed/);
    await sender.runOnce();
    expect(smtp.to('keyed@example.gov.uk')).toHaveLength(1);
  });
});

describe('without SMTP', () => {
  let quiet: TestService;
  beforeAll(async () => {
    quiet = await startService();
  });
  afterAll(() => quiet.close());

  it('the administrator’s outbox lists each message with its links, and says nothing is sent', async () => {
    const administrator = await quiet.as('administrator');
    const reply = await administrator.request('POST', '/users', {
      email: 'nadia.nomail@example.gov.uk',
      name: 'Nadia Nomail',
      role: 'viewer',
      agencyIds: [],
      actionOwner: null,
    });
    const { link } = setupLinkSchema.parse(reply.body);
    const box = outboxSchema.parse((await administrator.get('/admin/outbox')).body);
    expect(box.smtpConfigured).toBe(false);
    const message = box.messages.find((m) => m.to === 'nadia.nomail@example.gov.uk')!;
    expect(message).toMatchObject({ kind: 'invitation', sentAt: null, links: [link] });
    expect((await (await quiet.as('editor')).get('/admin/outbox')).status).toBe(403);
  });
});
