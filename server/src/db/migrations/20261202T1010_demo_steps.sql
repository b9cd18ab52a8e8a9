-- Issue 7 B8: the demo is a list of versioned steps declared by the modules; each applied step is recorded
-- here, so a step added later runs on an existing database on the next start and the others are skipped.
create table demo_step (
  name text not null,
  version integer not null,
  applied_at timestamptz not null default now(),
  primary key (name, version)
);

-- A database that already holds the demo (its administrator and province accounts exist) has the foundation
-- step applied; the steps after it then run on its next start.
insert into demo_step (name, version)
select 'foundation', 1
where exists (select 1 from app_user where username = 'admin')
  and exists (select 1 from app_user where username = 'tinh.qt');
