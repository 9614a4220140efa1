-- Email through an outbox: a message is written here in the same transaction as the change that
-- causes it, then sent by whichever instance takes it first (row lock, skip locked), retried with
-- back-off while the SMTP server is down, and marked sent in the transaction that held the lock.
create table mail_outbox (
  id bigserial primary key,
  -- Scheduled notices (a reminder, a late return) carry a key so that every instance enqueues each once.
  dedupe_key text,
  kind text not null,
  recipient text not null,
  subject text not null,
  text_body text not null,
  html_body text not null,
  created_at timestamptz not null default now(),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  sent_at timestamptz
);
create unique index mail_outbox_dedupe_key on mail_outbox (dedupe_key);
create index mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null;

-- The notices a person turned off (invitations and password links cannot be).
create table mail_opt_out (
  user_id uuid not null references app_user (id) on delete cascade,
  kind text not null,
  primary key (user_id, kind)
);
