import type {
  CreatePartnershipLinkRequest,
  LinkedBoards,
  LinkedBoardsRequest,
  Partnership,
  PartnershipLink,
  PartnershipLinkEditRequest,
} from '../../src/api/contract';
import type { Queryable } from '../db/database';
import type { Actor } from './audit-log';
import { readDocument } from './board';
import { checkVersion, freeId, logged } from './writes';

interface LinkRow extends Record<string, unknown> {
  id: string;
  kind: PartnershipLink['kind'];
  title: string;
  description: string;
  since: string | null;
  version: number;
  retired: boolean;
  retired_in: string | null;
}

const columns = 'id, kind, title, description, since, version, retired, retired_in';

const toLink = (row: LinkRow): PartnershipLink => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  description: row.description,
  since: row.since,
  version: row.version,
  ...(row.retired_in ? { retiredIn: row.retired_in } : {}),
});

/** What a link says, for the audit trail's before and after. */
const contentOf = (l: PartnershipLink) => ({
  kind: l.kind,
  title: l.title,
  description: l.description,
  since: l.since,
  retired: l.retiredIn !== undefined,
  ...(l.retiredIn ? { retiredIn: l.retiredIn } : {}),
});

/**
 * GET /partnership: the links, a retired one with the year it was retired in (it is shown in the
 * years before), and the number of linked boards, a figure the board states (one link may stand
 * for a network of many boards).
 */
export async function readPartnership(db: Queryable): Promise<Partnership> {
  const { linkedBoardsCount, version } = await readLinkedBoards(db);
  const links = (
    await db.query<LinkRow>(
      `select ${columns} from partnership_link where not retired or retired_in is not null order by position`,
    )
  ).map(toLink);
  return { linkedBoardsCount, linkedBoardsVersion: version, links };
}

async function readLinkedBoards(db: Queryable): Promise<LinkedBoards> {
  const { linkedBoardsCount, version } = await readDocument<{ linkedBoardsCount: number; version?: number }>(
    db,
    'partnership',
    { linkedBoardsCount: 0 },
  );
  return { linkedBoardsCount, version: version ?? 1 };
}

/** Sets the number of other boards shared with: versioned, in the audit trail. */
export async function saveLinkedBoards(
  tx: Queryable,
  actor: Actor,
  request: LinkedBoardsRequest,
): Promise<LinkedBoards> {
  // Two saves at once: the second waits here, then finds the version moved on.
  await tx.query(
    `insert into document (key, body) values ('partnership', '{"linkedBoardsCount": 0}') on conflict (key) do nothing`,
  );
  await tx.query(`select key from document where key = 'partnership' for update`);
  const before = checkVersion(
    await readLinkedBoards(tx),
    request.version,
    'number of linked boards',
    'partnership',
  );
  const after: LinkedBoards = { linkedBoardsCount: request.linkedBoardsCount, version: before.version + 1 };
  await tx.query(`update document set body = $1 where key = 'partnership'`, [JSON.stringify(after)]);
  return logged(
    tx,
    actor,
    {
      action: 'partnership.linked-boards',
      entityType: 'partnership',
      entityId: 'linked-boards',
      summary: `Set the number of linked boards to ${after.linkedBoardsCount}`,
      before: { linkedBoardsCount: before.linkedBoardsCount },
      after: { linkedBoardsCount: after.linkedBoardsCount },
    },
    after,
  );
}

async function lockLink(tx: Queryable, id: string, version: number): Promise<PartnershipLink> {
  const [row] = await tx.query<LinkRow>(`select ${columns} from partnership_link where id = $1 for update`, [
    id,
  ]);
  return checkVersion(row && !row.retired ? toLink(row) : undefined, version, 'partnership link', id);
}

/** Adds a link with another board or group, or an engagement activity, after the others. */
export async function createPartnershipLink(
  tx: Queryable,
  actor: Actor,
  request: CreatePartnershipLinkRequest,
): Promise<PartnershipLink> {
  const id = await freeId(tx, 'partnership_link', request.title, 'link');
  const [row] = await tx.query<LinkRow>(
    `insert into partnership_link (id, position, kind, title, description, since)
     values ($1, (select coalesce(max(position), -1) + 1 from partnership_link), $2, $3, $4, $5)
     returning ${columns}`,
    [id, request.kind, request.title, request.description, request.since],
  );
  const after = toLink(row!);
  return logged(
    tx,
    actor,
    {
      action: 'partnership-link.create',
      entityType: 'partnership-link',
      entityId: id,
      summary: `Added the partnership link “${after.title}”`,
      after: contentOf(after),
    },
    after,
  );
}

/** Changes a link's kind, name, description or date. */
export async function editPartnershipLink(
  tx: Queryable,
  actor: Actor,
  id: string,
  request: PartnershipLinkEditRequest,
): Promise<PartnershipLink> {
  const before = await lockLink(tx, id, request.version);
  const [row] = await tx.query<LinkRow>(
    `update partnership_link set kind = $2, title = $3, description = $4, since = $5, version = version + 1
     where id = $1 returning ${columns}`,
    [id, request.kind, request.title, request.description, request.since],
  );
  const after = toLink(row!);
  return logged(
    tx,
    actor,
    {
      action: 'partnership-link.edit',
      entityType: 'partnership-link',
      entityId: id,
      summary: `Changed the partnership link “${after.title}”`,
      before: contentOf(before),
      after: contentOf(after),
    },
    after,
  );
}

/** Retires a link in `year`: kept, shown in the years before, and in the audit trail. */
export async function retirePartnershipLink(
  tx: Queryable,
  actor: Actor,
  id: string,
  version: number,
  year: string,
): Promise<PartnershipLink> {
  const before = await lockLink(tx, id, version);
  const [row] = await tx.query<LinkRow>(
    `update partnership_link set retired = true, retired_in = $2, version = version + 1 where id = $1
     returning ${columns}`,
    [id, year],
  );
  const after = toLink(row!);
  return logged(
    tx,
    actor,
    {
      action: 'partnership-link.retire',
      entityType: 'partnership-link',
      entityId: id,
      summary: `Retired the partnership link “${after.title}”`,
      before: contentOf(before),
      after: contentOf(after),
    },
    after,
  );
}

/** Loads the demo board's links and its figure, each link at version 1. */
export async function insertPartnership(tx: Queryable, partnership: Partnership): Promise<void> {
  await tx.query('insert into document (key, body) values ($1, $2)', [
    'partnership',
    JSON.stringify({ linkedBoardsCount: partnership.linkedBoardsCount }),
  ]);
  for (const [i, l] of partnership.links.entries()) {
    await tx.query(
      'insert into partnership_link (id, position, kind, title, description, since) values ($1, $2, $3, $4, $5, $6)',
      [l.id, i, l.kind, l.title, l.description, l.since],
    );
  }
}
