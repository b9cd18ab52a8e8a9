import { TARGET_LEVELS, thresholdFor, type TComparator, type TTargetRule, type TThreshold } from '#contracts/programmes/target-rule.ts';

/**
 * An implementation plan may hold a unit to more than the parent programme asks, never to less (issue 11 item 1).
 * `looserPart` answers the first part of `local` that asks less than `parent` (a path under `rule`), or null when
 * the local rule is the same or stricter. Both must measure the same thing: same kind and indicator (and the same
 * child level, direction and window); a different measure is not comparable, so it is refused too.
 */
export function looserPart(parent: TTargetRule | null, local: TTargetRule | null): string | null {
  if (parent === null) return null;
  if (local === null) return 'rule';
  if (local.kind !== parent.kind) return 'rule.kind';
  if (local.indicator !== parent.indicator) return 'rule.indicator';
  switch (parent.kind) {
    case 'value':
      return local.kind === 'value' ? thresholdLooser(parent.comparator, parent.threshold, local.comparator, local.threshold, 'rule.threshold') : 'rule.kind';
    case 'share_of_units': {
      if (local.kind !== 'share_of_units') return 'rule.kind';
      if (local.childLevel !== parent.childLevel) return 'rule.childLevel';
      const each = thresholdLooser(parent.comparator, parent.threshold, local.comparator, local.threshold, 'rule.threshold');
      return each ?? thresholdLooser('>=', parent.share, '>=', local.share, 'rule.share');
    }
    case 'change':
      if (local.kind !== 'change') return 'rule.kind';
      if (local.direction !== parent.direction) return 'rule.direction';
      return local.percent >= parent.percent ? null : 'rule.percent';
    case 'coverage':
      if (local.kind !== 'coverage') return 'rule.kind';
      if (local.windowYears > parent.windowYears) return 'rule.windowYears';
      return thresholdLooser(parent.comparator, parent.threshold, local.comparator, local.threshold, 'rule.threshold');
    case 'milestone':
      if (local.kind !== 'milestone') return 'rule.kind';
      if (local.by > parent.by) return 'rule.by';
      return thresholdLooser(parent.comparator, parent.threshold, local.comparator, local.threshold, 'rule.threshold');
  }
}

/** Every level the parent holds to a number must be held by the local threshold to the same number or a stricter one. */
function thresholdLooser(parentComparator: TComparator, parent: TThreshold, localComparator: TComparator, local: TThreshold, path: string): string | null {
  if (localComparator !== parentComparator) return path.replace(/threshold$|share$/, 'comparator');
  for (const level of TARGET_LEVELS) {
    const asked = thresholdFor(parent, level);
    if (asked === null) continue;
    const held = thresholdFor(local, level);
    if (held === null) return typeof local === 'number' ? path : `${path}.${level}`;
    const stricterOrSame = parentComparator === '>=' ? held >= asked : held <= asked;
    if (!stricterOrSame) return typeof local === 'number' ? path : `${path}.${level}`;
  }
  return null;
}
