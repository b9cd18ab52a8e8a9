import type { MessageKey } from '../i18n/i18n.ts';

export interface NavItem {
  to: string;
  label: MessageKey;
  /** false = the capability is not built yet: its page says so plainly. */
  built: boolean;
}

/** The capabilities of DOMAIN.md, in its order, as the main navigation shows them. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/units', label: 'nav.units', built: true },
  { to: '/programmes', label: 'nav.programmes', built: false },
  { to: '/periodic-reports', label: 'nav.periodicReports', built: false },
  { to: '/emulation', label: 'nav.emulation', built: false },
  { to: '/petitions', label: 'nav.petitions', built: false },
  { to: '/grassroots', label: 'nav.grassroots', built: false },
  { to: '/training', label: 'nav.training', built: false },
  { to: '/surveys', label: 'nav.surveys', built: false },
  { to: '/documents', label: 'nav.documents', built: false },
];

/** Administration (only for administrators). */
export const ADMIN_ITEMS: readonly NavItem[] = [
  { to: '/admin/users', label: 'nav.users', built: true },
  { to: '/admin/audit', label: 'nav.audit', built: true },
];
