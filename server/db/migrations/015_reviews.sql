-- The board keeps its own reviews (issue 18): serious case reviews, practice reviews and rapid
-- reviews are rows, each versioned (a stale save is refused) and retired with a reason rather
-- than deleted, so the audit trail still names it. `type` is null on an old record that never
-- recorded one: its name then follows from its publication date, as before.
create table review (
  id text primary key,
  position integer not null,
  title text not null,
  type text,
  review_date date,
  published_date date not null,
  summary text not null,
  learning_themes jsonb not null,
  recommendations jsonb,
  actions jsonb not null,
  version integer not null default 1,
  retired boolean not null default false,
  retired_reason text
);

-- The reviews a board already has, from the document the dashboard used to read whole.
insert into review (id, position, title, type, review_date, published_date, summary, learning_themes,
  recommendations, actions)
  select r ->> 'id', (n - 1)::integer, r ->> 'title', r ->> 'type', (r ->> 'reviewDate')::date,
    (r ->> 'publishedDate')::date, coalesce(r ->> 'summary', ''), coalesce(r -> 'learningThemes', '[]'::jsonb),
    r -> 'recommendations', coalesce(r -> 'actions', '[]'::jsonb)
  from document, jsonb_array_elements(body -> 'reviews') with ordinality as t (r, n)
  where key = 'serious-case-reviews'
  on conflict do nothing;

delete from document where key = 'serious-case-reviews';
