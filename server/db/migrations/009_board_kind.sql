-- The board's kind, chosen by its administrator: a Local Safeguarding Children Board ('board') or a
-- safeguarding children partnership ('partnership'). It sets the words the dashboard uses for it.
-- A board that already exists was set up as a board: it stays one until its administrator says.
alter table board add column kind text not null default 'board' check (kind in ('board', 'partnership'));
