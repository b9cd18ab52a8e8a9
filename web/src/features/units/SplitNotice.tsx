import type { TUnitDetail } from '#contracts/units.ts';
import { formatDate, todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { useUnit } from './units.api.ts';

/**
 * "Hồ sơ có từ trước khi tách đơn vị …": a unit that was split is visible to each of its successors, so its
 * records (and those of its organisations and people) say they predate the split and where the territory went.
 */
export function SplitNotice({ detail }: { detail: TUnitDetail }) {
  const parts = detail.successors.filter((link) => link.kind === 'split');
  const first = parts[0];
  if (!first) return null;
  return (
    <p className="notice" role="note">
      <span className="badge">{t('unit.predatesSplitBadge')}</span>{' '}
      {t('unit.predatesSplit', {
        name: detail.unit.fullName,
        date: formatDate(first.effectiveDate),
        successors: parts.map((link) => link.unit.fullName).join(', '),
      })}
    </p>
  );
}

/** SplitNotice for a page that shows a record of a unit (an organisation, a person): reads the unit first. */
export function UnitSplitNotice({ unitId }: { unitId: number }) {
  const unit = useUnit(unitId, todayInVietnam());
  return unit.data ? <SplitNotice detail={unit.data} /> : null;
}
