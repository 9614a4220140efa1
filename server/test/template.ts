import { hashPassword } from '../auth/passwords';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { seedDemoBoard } from '../db/seed';
import { SYSTEM } from '../store/audit-log';
import { insertUser } from '../store/users';
import { PASSWORD, people } from './fixtures';

/** A database as every test starts it: migrated, the demo board loaded, and the test people. */
export async function prepareTemplate(db: Database): Promise<void> {
  await migrate(db);
  await seedDemoBoard(db);
  const hash = await hashPassword(PASSWORD);
  await db.transaction(async (tx) => {
    for (const person of Object.values(people)) await insertUser(tx, SYSTEM, person, hash);
  });
}
