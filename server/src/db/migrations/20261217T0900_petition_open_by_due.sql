-- The overdue and due-soon lists of a province (issue 12 performance): open cases by due date, with the unit for
-- the scope check, so the first page walks the index in order and the count reads the index alone. The predicate
-- is the repository's "open" condition written with the same literals (case.repository.ts isOpen). It replaces
-- petition_case_open_due (closed_on is null), which no query matches: a duplicate or a transfer ends a case too.
create index petition_case_open_by_due on petition_case (province_id, due_on, received_on) include (unit_id)
  where status not in ('refused', 'transferred', 'closed', 'withdrawn', 'duplicate');
drop index petition_case_open_due;
