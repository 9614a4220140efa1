-- When an action of the action plan was added and when it was closed (issue 18), so that a reporting
-- year shows the actions open in it: an action closed in one year stays in that year and is not
-- carried into the next. An action added before this is of unknown date, and belongs to every year
-- until it is closed; one already complete is taken as closed on its last dated update, else on its
-- due date, the nearest record there is.
alter table action add column added_on date;
alter table action add column completed_on date;
update action set completed_on = coalesce(
    (select max(u.date) from action_update u where u.action_id = action.id),
    action.due_date)
  where status = 'complete';
