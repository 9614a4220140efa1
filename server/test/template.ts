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
  // The test people's password at a lower scrypt cost (2^10, not the service's 2^15): each hash
  // carries its parameters, so signing in verifies it as the service would an older hash, in 3 ms
  // rather than about 100. The service's own hashing is tested where it hashes (people.test.ts).
  const hash = await hashPassword(PASSWORD, { N: 2 ** 10, r: 8, p: 1 });
  await db.transaction(async (tx) => {
    for (const person of Object.values(people)) await insertUser(tx, SYSTEM, person, hash);
  });
}
