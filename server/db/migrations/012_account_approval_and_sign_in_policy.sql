-- A viewer account asked for through single sign-on (a self sign-up domain) waits for an
-- administrator: `approval_requested_at` says since when; approving or refusing clears it.
alter table app_user add column approval_requested_at timestamptz;
-- Accounts asked for before this column: switched off, linked to a sign-in, never signed in, no password.
update app_user set approval_requested_at = created_at
  where not active and oidc_subject is not null and last_sign_in_at is null and password_hash is null;

-- Whether the board requires single sign-on (the administrator's setting; SSO_REQUIRED in the
-- environment requires it whatever this says). One row.
create table sign_in_policy (
  id integer primary key check (id = 1),
  sso_required boolean not null default false,
  version integer not null default 1
);
insert into sign_in_policy (id) values (1);
