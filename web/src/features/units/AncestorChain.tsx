import type { TUnitRef } from '#contracts/units.ts';
import { ancestorChain } from './labels.ts';

/** ", Huyện X, Tỉnh Y" after a search hit, muted; nothing for a province. */
export function AncestorChain({ ancestors }: { ancestors: readonly TUnitRef[] }) {
  if (ancestors.length === 0) return null;
  return (
    <span className="muted">
      {' '}
      {ancestorChain(ancestors)}
    </span>
  );
}
