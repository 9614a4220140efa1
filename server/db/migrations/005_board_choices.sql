-- Choices the board's administrator makes in board settings: the indicator the overview features
-- (null: the first headline indicator).
alter table board add column featured_indicator_id text;
-- The indicator that counts the board's audit programme (null: none); its tile is worked out from the audits.
alter table board add column audit_schedule_indicator_id text;
