-- Partnership links and the board's spending kept by the board (issue 18). Each link is a row,
-- versioned (a stale save is refused) and retired rather than deleted, so the audit trail still
-- names it. The board's spending is one table per year, versioned per year, like the
-- contributions of 014. The number of linked boards stays a board figure in the document.
create table partnership_link (
  id text primary key,
  position integer not null,
  kind text not null,
  title text not null,
  description text not null,
  since text,
  version integer not null default 1,
  retired boolean not null default false
);

insert into partnership_link (id, position, kind, title, description, since)
  select l ->> 'id', (n - 1)::integer, l ->> 'kind', l ->> 'title', coalesce(l ->> 'description', ''), l ->> 'since'
  from document, jsonb_array_elements(body -> 'links') with ordinality as t (l, n)
  where key = 'partnership'
  on conflict do nothing;

update document set body = body - 'links' where key = 'partnership';

create table spending_year (
  year text primary key,
  version integer not null default 1
);

create table spending_line (
  year text not null references spending_year (year),
  item text not null,
  amount integer not null check (amount >= 0),
  position integer not null,
  retired boolean not null default false,
  primary key (year, item)
);
