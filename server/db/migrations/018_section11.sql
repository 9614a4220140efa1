-- Section 11 self-assessment (issue 19): the board's standards, its cycles, and each agency's
-- self-assessment in a cycle, with the committee's moderation.

create table s11_standard (
  id text primary key,
  code text not null,
  title text not null,
  description text not null default '',
  statutory boolean not null default false,
  position integer not null,
  -- Left out of the set: kept for the cycles that used it.
  retired boolean not null default false
);

create table s11_settings (
  id integer primary key default 1 check (id = 1),
  standards_version integer not null default 1
);
insert into s11_settings (id, standards_version) values (1, 1);

create table s11_cycle (
  id text primary key,
  title text not null,
  opened_on date not null,
  due_date date not null,
  closed_on date,
  -- The standards as they stood when the cycle opened: a later change to the set leaves it be.
  standards jsonb not null,
  version integer not null default 1,
  created_at timestamptz not null default now()
);

create table s11_assessment (
  cycle_id text not null references s11_cycle (id),
  agency_id text not null references agency (id),
  status text not null default 'not-started',
  -- Edited as one draft, versioned as one.
  answers jsonb not null default '[]',
  improvements jsonb not null default '[]',
  comments text,
  submitted_at timestamptz,
  decided_at timestamptz,
  version integer not null default 1,
  primary key (cycle_id, agency_id)
);

-- The eight arrangements section 11 of the Children Act 2004 names (Working Together), which
-- every board assesses; a board adds its own under Section 11, Standards.
insert into s11_standard (id, code, title, description, statutory, position) values
  ('senior-management-commitment', '1', 'Senior management commitment to the importance of safeguarding and promoting children’s welfare', 'A named senior lead, and safeguarding in the organisation’s plans and in its reports to its board.', true, 0),
  ('statement-of-responsibilities', '2', 'A clear statement of the agency’s responsibilities towards children, available to all staff', 'Policies that say who does what, known to staff.', true, 1),
  ('line-of-accountability', '3', 'A clear line of accountability for the commissioning and provision of services to safeguard children', 'Who answers for safeguarding, from front line to chief officer, including commissioned services.', true, 2),
  ('childrens-views', '4', 'Service development that takes account of the need to safeguard children and is informed by their views and those of their families', 'Children’s and families’ views gathered and acted on.', true, 3),
  ('training', '5', 'Staff training on safeguarding and promoting children’s welfare, for all staff working with or in contact with children and families', 'Training matched to role, refreshed, and its take-up known.', true, 4),
  ('safer-recruitment', '6', 'Safe recruitment practices for individuals whom the organisation will permit to work regularly with children', 'DBS checks, references, and safer recruitment training for panels.', true, 5),
  ('inter-agency-working', '7', 'Effective inter-agency working to safeguard and promote children’s welfare', 'Attendance and contribution at conferences, strategy meetings and the board.', true, 6),
  ('information-sharing', '8', 'Information sharing', 'Staff know when and how to share information, and do.', true, 7);
