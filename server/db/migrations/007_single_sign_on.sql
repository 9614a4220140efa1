-- Single sign-on (OpenID Connect): the identity provider's subject a person's account is linked
-- to, and the sign-ins in progress (state, nonce and PKCE verifier kept here so that any instance
-- can finish a flow another started).
alter table app_user add column oidc_subject text;
create unique index app_user_oidc_subject on app_user (oidc_subject);

create table sso_flow (
  state_hash text primary key,
  nonce text not null,
  code_verifier text not null,
  return_to text not null,
  expires_at timestamptz not null
);
