import type { TBudget, TBudgetLine } from '#contracts/programmes/tasks.api.ts';
import type { BudgetLineRow } from './budget.repository.ts';

export const presentBudgetLine = (row: BudgetLineRow): TBudgetLine => ({
  id: row.id,
  programmeId: row.programme_id,
  year: row.year,
  title: row.title,
  source: row.source,
  planned: row.planned === null ? null : Number(row.planned),
  allocated: row.allocated === null ? null : Number(row.allocated),
  spent: row.spent === null ? null : Number(row.spent),
  position: row.position,
});

/** Lines with their sums per year (a line without a year under null, first) and overall; a missing amount adds 0. */
export function presentBudget(rows: readonly BudgetLineRow[]): TBudget {
  const lines = rows.map(presentBudgetLine);
  const empty = (year: number | null) => ({ year, planned: 0, allocated: 0, spent: 0, lineCount: 0 });
  const add = (sum: ReturnType<typeof empty>, line: TBudgetLine) => {
    sum.planned += line.planned ?? 0;
    sum.allocated += line.allocated ?? 0;
    sum.spent += line.spent ?? 0;
    sum.lineCount += 1;
  };
  const byYear = new Map<number | null, ReturnType<typeof empty>>();
  const total = empty(null);
  for (const line of lines) {
    const sum = byYear.get(line.year) ?? empty(line.year);
    byYear.set(line.year, sum);
    add(sum, line);
    add(total, line);
  }
  const years = [...byYear.values()].sort((a, b) => (a.year ?? -1) - (b.year ?? -1));
  return { lines, years, total };
}
