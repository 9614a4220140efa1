-- The board's data service: first schema. Every editable record has a version that goes up by one
-- with each saved change; a save based on an older version is refused (409).

create table board (
  id text primary key,
  name text not null,
  short_name text not null,
  area jsonb not null,
  reporting_years jsonb not null,
  current_year text not null,
  data_as_at date not null,
  ofsted jsonb,
  illustrative_notice text,
  version integer not null default 1
);

-- One row. `data_version` goes up with every write readers can see; cached answers are keyed by it.
create table service_state (
  id integer primary key check (id = 1),
  data_version bigint not null default 1
);
insert into service_state (id) values (1);

create table agency (
  id text primary key,
  name text not null,
  kind text not null,
  position integer not null,
  version integer not null default 1
);

create table indicator (
  id text primary key,
  position integer not null,
  title text not null,
  short_title text not null,
  theme text not null,
  definition text not null,
  unit text not null,
  decimal_places integer not null,
  polarity text not null,
  frequency text not null,
  target jsonb,
  headline boolean not null,
  illustrative boolean not null,
  source jsonb not null,
  agency_id text references agency (id),
  version integer not null default 1
);

create table comparator (
  indicator_id text not null references indicator (id) on delete cascade,
  id text not null,
  label text not null,
  position integer not null,
  primary key (indicator_id, id)
);

-- Published figures only. `series` is 'board' for the board's own figures or a comparator id.
create table observation (
  indicator_id text not null references indicator (id) on delete cascade,
  series text not null,
  period text not null,
  sort_key integer not null,
  value double precision,
  symbol text,
  primary key (indicator_id, series, period)
);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null,
  role text not null,
  agency_ids jsonb not null default '[]',
  action_owner text,
  password_hash text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  last_sign_in_at timestamptz,
  version integer not null default 1
);
create unique index app_user_email on app_user (lower(email));

-- A published figure that changed: the earlier value, who changed it, when and why.
create table observation_revision (
  id bigserial primary key,
  indicator_id text not null references indicator (id) on delete cascade,
  series text not null,
  period text not null,
  previous_value double precision,
  previous_symbol text,
  previous_existed boolean not null,
  value double precision,
  symbol text,
  changed_by uuid references app_user (id),
  changed_by_name text not null,
  changed_at timestamptz not null default now(),
  reason text not null
);
create index observation_revision_indicator on observation_revision (indicator_id, changed_at);

create table annotation (
  id text primary key,
  position integer not null,
  indicator_id text,
  date date not null,
  label text not null,
  description text not null
);

create table audit (
  id text primary key,
  position integer not null,
  title text not null,
  theme text not null,
  kind text not null,
  lead_agency text not null,
  agencies jsonb not null,
  planned_date date not null,
  status text not null,
  completed_date date,
  cases_audited integer,
  grades jsonb,
  actions_arising jsonb not null,
  version integer not null default 1
);

create table priority (
  id text primary key,
  position integer not null,
  number integer not null,
  title text not null,
  description text not null
);

create table action (
  id text primary key,
  priority_id text not null references priority (id) on delete cascade,
  position integer not null,
  title text not null,
  owner text not null,
  due_date date not null,
  status text not null,
  progress integer not null,
  ofsted_recommendation_ids jsonb not null,
  version integer not null default 1
);

create table action_update (
  id text primary key,
  action_id text not null references action (id) on delete cascade,
  position integer not null,
  date date not null,
  author text not null,
  note text not null
);

-- Resources the dashboard reads whole and nobody edits through it (yet): serious case reviews,
-- Ofsted recommendations, funding, partnership links.
create table document (
  key text primary key,
  body jsonb not null
);

create table session (
  id_hash text primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  method text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index session_by_user on session (user_id);

-- Failed sign-ins by email address (known or not), to slow and then lock guessing.
create table sign_in_throttle (
  key text primary key,
  failures integer not null,
  last_failure_at timestamptz not null,
  locked_until timestamptz
);

-- One-time links: the first administrator's set-up, and a person's invitation or reset.
create table one_time_token (
  token_hash text primary key,
  purpose text not null,
  user_id uuid references app_user (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create table return_round (
  id text primary key,
  quarter text not null unique,
  due_date date not null,
  opened_at timestamptz not null default now(),
  opened_by_name text not null
);

create table agency_return (
  round_id text not null references return_round (id) on delete cascade,
  agency_id text not null references agency (id),
  status text not null,
  comment text,
  submitted_by_name text,
  submitted_at timestamptz,
  published_by_name text,
  published_at timestamptz,
  version integer not null default 1,
  primary key (round_id, agency_id)
);

create table return_value (
  round_id text not null,
  agency_id text not null,
  indicator_id text not null references indicator (id) on delete cascade,
  period text not null,
  value double precision,
  symbol text,
  note text,
  primary key (round_id, agency_id, indicator_id, period),
  foreign key (round_id, agency_id) references agency_return (round_id, agency_id) on delete cascade
);

-- Every write: who, when, what, and the record before and after.
create table audit_entry (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text,
  actor_email text,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  summary text not null,
  before jsonb,
  after jsonb
);
create index audit_entry_at on audit_entry (at);
