import type { TStructure, TUnitLevel } from '#contracts/units.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';

/** "Cấp tỉnh", "Cấp xã"… */
export const levelLabel = (level: TUnitLevel) => t(`unit.level.${level}`);

/** Which structure a unit belongs to. */
export const structureLabel = (structure: TStructure) => t(`unit.structure.${structure}`);

/** "Từ 01/07/2025 đến nay", "Đến 30/06/2025", "Từ … đến …". */
export function validityLabel(validFrom: string | null, validTo: string | null): string {
  if (validFrom && validTo) return t('unit.validFromTo', { from: formatDate(validFrom), to: formatDate(validTo) });
  if (validFrom) return t('unit.validFrom', { from: formatDate(validFrom) });
  if (validTo) return t('unit.validTo', { to: formatDate(validTo) });
  return t('unit.validAlways');
}

/** "xã" → "Xã": unit types are stored in lower case. */
export const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** "Huyện Gio Linh, Tỉnh Quảng Trị" from ancestors listed root first. */
export const ancestorChain = (ancestors: readonly { fullName: string }[]) =>
  [...ancestors]
    .reverse()
    .map((ancestor) => ancestor.fullName)
    .join(', ');
