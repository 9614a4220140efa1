-- The board keeps its own audit programme and action plan (issue 18): audits planned for a
-- quarter, cases to sample and a reason when cancelled; priorities versioned and retired rather
-- than deleted; actions that answer audits and reviews as well as Ofsted recommendations.
alter table audit add column planned_quarter text;
alter table audit add column cases_to_sample integer;
alter table audit add column cancelled_reason text;
alter table priority add column version integer not null default 1;
alter table priority add column retired boolean not null default false;
alter table action add column audit_ids jsonb not null default '[]';
alter table action add column review_ids jsonb not null default '[]';
