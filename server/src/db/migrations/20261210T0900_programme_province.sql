-- SCALE.md rules 1–3 for the programmes' child tables: tasks and assignments grow with the country (every commune's
-- implementation plan copies the province's tasks), so every child row carries the 2025 province of its programme
-- (`province_id`, copied from the programme at insert, never updated), its primary key and unique keys include it,
-- and the keys between these tables join on it. Backfilled from the programme.

alter table programme add constraint programme_province_id_key unique (province_id, id);

alter table programme_target add column province_id bigint;
update programme_target c set province_id = p.province_id from programme p where p.id = c.programme_id;
alter table programme_target alter column province_id set not null;

alter table programme_solution_group add column province_id bigint;
update programme_solution_group c set province_id = p.province_id from programme p where p.id = c.programme_id;
alter table programme_solution_group alter column province_id set not null;

alter table programme_task add column province_id bigint;
update programme_task c set province_id = p.province_id from programme p where p.id = c.programme_id;
alter table programme_task alter column province_id set not null;

alter table task_assignment add column province_id bigint;
update task_assignment c set province_id = t.province_id from programme_task t where t.id = c.task_id;
alter table task_assignment alter column province_id set not null;

alter table programme_review add column province_id bigint;
update programme_review c set province_id = p.province_id from programme p where p.id = c.programme_id;
alter table programme_review alter column province_id set not null;

alter table programme_budget_line add column province_id bigint;
update programme_budget_line c set province_id = p.province_id from programme p where p.id = c.programme_id;
alter table programme_budget_line alter column province_id set not null;

-- keys between the child tables go first, then the primary keys become (province_id, id)
alter table programme_target drop constraint programme_target_parent_target_id_fkey;
alter table programme_task drop constraint programme_task_group_id_fkey;
alter table task_assignment drop constraint task_assignment_task_id_fkey;
alter table programme_target drop constraint programme_target_programme_id_fkey;
alter table programme_solution_group drop constraint programme_solution_group_programme_id_fkey;
alter table programme_task drop constraint programme_task_programme_id_fkey;
alter table programme_review drop constraint programme_review_programme_id_fkey;
alter table programme_budget_line drop constraint programme_budget_line_programme_id_fkey;

alter table programme_target drop constraint programme_target_pkey, add primary key (province_id, id);
alter table programme_solution_group drop constraint programme_solution_group_pkey, add primary key (province_id, id);
alter table programme_task drop constraint programme_task_pkey, add primary key (province_id, id);
alter table task_assignment drop constraint task_assignment_pkey, add primary key (province_id, id);
alter table programme_review drop constraint programme_review_pkey, add primary key (province_id, id);
alter table programme_budget_line drop constraint programme_budget_line_pkey, add primary key (province_id, id);

alter table programme_target drop constraint programme_target_programme_id_code_key, add unique (province_id, programme_id, code);
alter table programme_solution_group drop constraint programme_solution_group_programme_id_code_key, add unique (province_id, programme_id, code);
alter table programme_task drop constraint programme_task_programme_id_code_key, add unique (province_id, programme_id, code);

alter table programme_target add foreign key (province_id, programme_id) references programme (province_id, id);
alter table programme_solution_group add foreign key (province_id, programme_id) references programme (province_id, id);
alter table programme_task add foreign key (province_id, programme_id) references programme (province_id, id);
alter table programme_review add foreign key (province_id, programme_id) references programme (province_id, id);
alter table programme_budget_line add foreign key (province_id, programme_id) references programme (province_id, id);
alter table programme_task add foreign key (province_id, group_id) references programme_solution_group (province_id, id);
alter table task_assignment add foreign key (province_id, task_id) references programme_task (province_id, id);
-- an implementation plan's target points to its parent programme's target, which may lie in another province's
-- rows (a province's plan of a central programme): no key across provinces; the service reads the parent target
-- through the programme's reach before it writes the link
create index programme_target_parent on programme_target (parent_target_id) where parent_target_id is not null;

drop index programme_task_group;
create index programme_task_group on programme_task (province_id, group_id);
drop index task_assignment_task;
create index task_assignment_task on task_assignment (province_id, task_id);
drop index programme_review_programme;
create index programme_review_programme on programme_review (province_id, programme_id, due_on);
drop index programme_budget_programme;
create index programme_budget_programme on programme_budget_line (province_id, programme_id, year);
