-- Funding kept by the board (issue 18): each partner's contribution to a year is a row, each
-- year's table is versioned (a stale save is refused), and a partner taken out of a year is
-- retired rather than deleted, so the audit trail still names it.
create table funding_year (
  year text primary key,
  version integer not null default 1
);

create table funding_contribution (
  year text not null references funding_year (year),
  partner text not null,
  partner_type text not null,
  amount integer not null check (amount >= 0),
  position integer not null,
  retired boolean not null default false,
  primary key (year, partner)
);

-- The contributions a board already has, from the document the dashboard used to read whole.
insert into funding_year (year)
  select distinct c ->> 'year' from document, jsonb_array_elements(body -> 'contributions') c
  where key = 'funding';

insert into funding_contribution (year, partner, partner_type, amount, position)
  select c ->> 'year', c ->> 'partner', c ->> 'partnerType', round((c ->> 'amount')::numeric)::integer, (n - 1)::integer
  from document, jsonb_array_elements(body -> 'contributions') with ordinality as t (c, n)
  where key = 'funding'
  on conflict do nothing;

delete from document where key = 'funding';
