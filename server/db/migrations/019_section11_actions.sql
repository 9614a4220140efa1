-- An agreed Section 11 improvement action added to the action plan (issue 19): the action says
-- which agency's improvement, against which standard, it answers.
alter table action add column section11 jsonb;
