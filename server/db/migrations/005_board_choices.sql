-- Choices the board's administrator makes in board settings: the indicator the overview features
-- (null: the first headline indicator).
alter table board add column featured_indicator_id text;
