import { ZProgrammePack, type TProgrammePack } from '#contracts/programmes/pack.ts';
import { msg } from '#server/shared/messages.ts';

/** A problem of a pack: the field's path in the pack ('targets.3.rule.threshold') and what is wrong. */
export interface PackProblem {
  field: string;
  message: string;
}

/**
 * Checks what the schema cannot: codes unique within their list (targets; groups; tasks across all groups), the
 * programme's years in order, and reviews and budget years within the programme's period.
 */
export function checkPackReferences(pack: TProgrammePack): PackProblem[] {
  const problems: PackProblem[] = [];
  const { fromYear, toYear } = pack.programme;
  if (toYear < fromYear) problems.push({ field: 'programme.toYear', message: msg('programmes.packYears', { from: fromYear, to: toYear }) });
  const unique = (codes: { code: string; field: string }[]) => {
    const seen = new Set<string>();
    for (const { code, field } of codes) {
      if (seen.has(code)) problems.push({ field, message: msg('programmes.packDuplicateCode', { code }) });
      seen.add(code);
    }
  };
  unique(pack.targets.map((t, i) => ({ code: t.code, field: `targets.${i}.code` })));
  unique(pack.solutionGroups.map((g, i) => ({ code: g.code, field: `solutionGroups.${i}.code` })));
  unique(pack.solutionGroups.flatMap((g, i) => g.tasks.map((t, j) => ({ code: t.code, field: `solutionGroups.${i}.tasks.${j}.code` }))));
  pack.reviews.forEach((review, i) => {
    if (review.toYear < review.fromYear) problems.push({ field: `reviews.${i}.toYear`, message: msg('programmes.packYears', { from: review.fromYear, to: review.toYear }) });
  });
  return problems;
}

/** Parses and checks a pack read from a file or a request: the schema's problems first, then the references. */
export function checkPack(raw: unknown): { pack: TProgrammePack; problems: [] } | { pack: null; problems: PackProblem[] } {
  const parsed = ZProgrammePack.safeParse(raw);
  if (!parsed.success) {
    return { pack: null, problems: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })) };
  }
  const problems = checkPackReferences(parsed.data);
  return problems.length === 0 ? { pack: parsed.data, problems: [] } : { pack: null, problems };
}

/** How many rows loading the pack writes, by table. */
export function packCounts(pack: TProgrammePack) {
  const tasks = pack.solutionGroups.flatMap((group) => group.tasks);
  return {
    targets: pack.targets.length,
    groups: pack.solutionGroups.length,
    tasks: tasks.length,
    assignments: tasks.reduce((sum, task) => sum + task.lead.length + task.coordinating.length, 0),
    reviews: pack.reviews.length,
    budgetLines: pack.budget.length,
  };
}
