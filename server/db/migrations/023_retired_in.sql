-- The reporting year a review or a partnership link was retired in (issue 18): the year the board
-- was in then (its latest reporting year). A retired record stays in the views of the years before
-- it, kept in history, never deleted. One retired before this is taken as retired in the board's
-- latest year now.
alter table review add column retired_in text;
alter table partnership_link add column retired_in text;
update review set retired_in = (select max(y.year) from board, jsonb_array_elements_text(board.reporting_years) as y (year)) where retired;
update partnership_link set retired_in = (select max(y.year) from board, jsonb_array_elements_text(board.reporting_years) as y (year)) where retired;
