import type { Database } from './database';
import initial from './migrations/001_initial.sql?raw';
import boardRecords from './migrations/002_board_records.sql?raw';
import boardChoices from './migrations/005_board_choices.sql?raw';
import singleSignOn from './migrations/007_single_sign_on.sql?raw';
import mailOutbox from './migrations/008_mail_outbox.sql?raw';
import boardKind from './migrations/009_board_kind.sql?raw';
import returnChecks from './migrations/010_return_checks.sql?raw';
import accountApproval from './migrations/012_account_approval_and_sign_in_policy.sql?raw';
import boardOwnRecords from './migrations/013_board_own_records.sql?raw';
import funding from './migrations/014_funding.sql?raw';
import reviews from './migrations/015_reviews.sql?raw';
import partnershipAndSpending from './migrations/016_partnership_and_spending.sql?raw';
import section11 from './migrations/018_section11.sql?raw';
import section11Actions from './migrations/019_section11_actions.sql?raw';
import actionDates from './migrations/021_action_dates.sql?raw';
import retiredIn from './migrations/023_retired_in.sql?raw';

/** Every migration, in order. A new one is appended with the next number; none is ever edited. */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'board_records', sql: boardRecords },
  { version: 5, name: 'board_choices', sql: boardChoices },
  { version: 7, name: 'single_sign_on', sql: singleSignOn },
  { version: 8, name: 'mail_outbox', sql: mailOutbox },
  { version: 9, name: 'board_kind', sql: boardKind },
  { version: 10, name: 'return_checks', sql: returnChecks },
  { version: 12, name: 'account_approval_and_sign_in_policy', sql: accountApproval },
  { version: 13, name: 'board_own_records', sql: boardOwnRecords },
  { version: 14, name: 'funding', sql: funding },
  { version: 15, name: 'reviews', sql: reviews },
  { version: 16, name: 'partnership_and_spending', sql: partnershipAndSpending },
  { version: 18, name: 'section11', sql: section11 },
  { version: 19, name: 'section11_actions', sql: section11Actions },
  { version: 21, name: 'action_dates', sql: actionDates },
  { version: 23, name: 'retired_in', sql: retiredIn },
];

// Any fixed number: every process that starts against one database takes this lock to migrate.
const MIGRATION_LOCK = 727_161;

/**
 * Applies the migrations the database has not had, in order, in one transaction under an
 * advisory lock: several processes starting at once against one PostgreSQL wait for the first,
 * which applies them all, and then find nothing to do. A migration that fails leaves the database
 * as it was. Returns the versions applied.
 */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Under the lock too: two processes creating the table at once collide even with "if not exists".
    await tx.query(
      `create table if not exists schema_migration (
         version integer primary key,
         name text not null,
         applied_at timestamptz not null default now()
       )`,
    );
    const done = new Set(
      (await tx.query<{ version: number }>('select version from schema_migration')).map((r) =>
        Number(r.version),
      ),
    );
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('insert into schema_migration (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}

/** The statements of a migration script (no semicolons inside strings or bodies in ours). */
export function splitStatements(sql: string): string[] {
  return sql
    .replace(/--.*$/gm, '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
