import type { settingsVi } from './messages.vi.ts';

/** English messages of a province's settings. */
export const settingsEn: Record<keyof typeof settingsVi, string> = {
  'nav.provinceSettings': 'Province settings',
  'settings.title': 'Province settings',
  'settings.intro':
    'After the 2025 reorganisation some bodies have no clear central rule. The province chooses; the default is today’s most common practice.',
  'settings.pickProvince': 'Choose a province',
  'settings.value': 'Value',
  'settings.default': 'Default: {value}',
  'settings.isDefault': 'Using the default',
  'settings.setBy': 'Set by {name} at {at}: {reason}',
  'settings.reason': 'Reason (the province’s document or decision)',
  'settings.save': 'Save',
  'settings.saved': 'Setting saved.',
  'settings.readOnly': 'Only the province’s administrators may change these settings.',
  'settings.yes': 'Yes',
  'settings.no': 'No',
  'settings.key.communeBloc.enabled': 'Communes keep a Khối dân vận',
  'settings.hint.communeBloc.enabled': 'Under QĐ 23-QĐ/TW; no 2025–2026 text abolishes or recreates it.',
  'settings.key.communeBloc.lead': 'Head of the commune’s Khối dân vận',
  'settings.hint.communeBloc.lead': 'Either the standing deputy party secretary or the Front chair.',
  'settings.key.villageTeam.enabled': 'Villages keep a Tổ dân vận',
  'settings.hint.villageTeam.enabled': 'Under QĐ 23-QĐ/TW; unclear after the 2026 rearrangement of villages.',
  'settings.key.communeTradeUnion.enabled': 'A commune trade union inside the commune Front',
  'settings.hint.communeTradeUnion.enabled': 'The amended Trade Union Law (2025) has no commune tier.',
  'settings.lead.standing_deputy_secretary': 'Standing deputy party secretary',
  'settings.lead.front_chair': 'Chair of the commune Front',
};
