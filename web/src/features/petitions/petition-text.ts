import type { TCaseFlags, TCaseKind, TCaseStatus, TCaseChannel, TStepKind } from '#contracts/petitions/api.ts';
import { t } from '../../i18n/i18n.ts';

export const kindLabel = (kind: TCaseKind) => t(`petitions.kinds.${kind}`);
export const statusLabel = (status: TCaseStatus) => t(`petitions.statuses.${status}`);
export const channelLabel = (channel: TCaseChannel) => t(`petitions.channels.${channel}`);
export const stepLabel = (kind: TStepKind) => t(`petitions.steps.${kind}`);

/** The flags set on a case, as words ("Đông người", "Vượt cấp"). */
export function flagLabels(flags: TCaseFlags): string[] {
  return [
    flags.crowd && t('petitions.flags.crowd'),
    flags.aboveLevel && t('petitions.flags.above_level'),
    flags.prolonged && t('petitions.flags.prolonged'),
    flags.hotSpot && t('petitions.flags.hot_spot'),
  ].filter((label): label is string => Boolean(label));
}
