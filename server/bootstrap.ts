import { newPasswordSchema, emailSchema } from '../src/api/contract';
import { hashPassword } from './auth/passwords';
import { ConfigError, type Config } from './config';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { isEmpty, seedDemoBoard } from './db/seed';
import { recordAudit, SYSTEM } from './store/audit-log';
import { countUsers, issueToken, type UserRow } from './store/users';

export interface StartReport {
  migrations: number[];
  seeded: boolean;
  /** For the one-time link `/set-up#<token>`, printed for the first visitor to create the administrator. */
  setupToken: string | null;
  adminCreated: string | null;
}

/**
 * Everything before the service answers: migrations, the demo board on an empty database (unless
 * SEED=none), and the first administrator (from ADMIN_EMAIL and ADMIN_PASSWORD, or a one-time
 * set-up link when they are not given).
 */
export async function prepareDatabase(db: Database, config: Config): Promise<StartReport> {
  const migrations = await migrate(db);
  const seeded = config.seed === 'demo' && (await isEmpty(db)) ? await seedDemoBoard(db) : false;
  let setupToken: string | null = null;
  let adminCreated: string | null = null;
  if ((await countUsers(db)) === 0) {
    if (config.adminEmail && config.adminPassword) {
      const email = emailSchema.safeParse(config.adminEmail);
      if (!email.success)
        throw new ConfigError(`ADMIN_EMAIL is not an email address: "${config.adminEmail}".`);
      const password = newPasswordSchema.safeParse(config.adminPassword);
      if (!password.success) {
        throw new ConfigError(`ADMIN_PASSWORD: ${password.error.issues[0]?.message ?? 'not accepted'}.`);
      }
      const hash = await hashPassword(password.data);
      const created = await db.transaction(async (tx) => {
        // Several instances starting at once: one creates the administrator, the others find it.
        await tx.query('select pg_advisory_xact_lock(727163)');
        if ((await countUsers(tx)) > 0) return false;
        const [row] = await tx.query<UserRow>(
          `insert into app_user (email, name, role, password_hash) values ($1, $2, 'administrator', $3) returning *`,
          [email.data, config.adminName, hash],
        );
        await recordAudit(tx, SYSTEM, {
          action: 'user.create',
          entityType: 'user',
          entityId: row!.id,
          summary: `Created the first administrator, ${row!.email}, from ADMIN_EMAIL`,
          before: null,
          after: { email: row!.email, name: row!.name, role: 'administrator' },
        });
        return true;
      });
      if (created) adminCreated = email.data;
    } else {
      setupToken = (await db.transaction((tx) => issueToken(tx, 'setup', null, 24))).token;
    }
  }
  return { migrations, seeded, setupToken, adminCreated };
}
