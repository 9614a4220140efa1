-- The board keeps its own chart events (issue 18): each is versioned, so a stale save is refused,
-- and retired rather than deleted, so the audit trail still names what it was.
alter table annotation add column version integer not null default 1;
alter table annotation add column retired boolean not null default false;
