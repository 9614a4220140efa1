-- "I have checked this figure": a contributor's confirmation that a figure which moved by more
-- than half from the last one is right, kept with the figure (issue 23, case 7).
alter table return_value add column checked boolean not null default false;
