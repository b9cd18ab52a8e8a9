import type { TAction } from '#contracts/permissions.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { WEB_FEATURES } from './features.ts';

export interface NavItem {
  to: string;
  label: MessageKey;
  /** false = the capability is not built yet: its page says so plainly. */
  built: boolean;
  /** Shown only to users who may do this (the feature's `nav` entry says which). */
  action?: TAction;
}

/** The capabilities of DOMAIN.md, in its order; a feature that registers the same address makes it built. */
const CAPABILITIES: readonly Omit<NavItem, 'built'>[] = [
  { to: '/units', label: 'nav.units' },
  { to: '/programmes', label: 'nav.programmes' },
  { to: '/periodic-reports', label: 'nav.periodicReports' },
  { to: '/emulation', label: 'nav.emulation' },
  { to: '/petitions', label: 'nav.petitions' },
  { to: '/grassroots', label: 'nav.grassroots' },
  { to: '/training', label: 'nav.training' },
  { to: '/khao-sat', label: 'nav.surveys' },
  { to: '/documents', label: 'nav.documents' },
];

const registered = WEB_FEATURES.flatMap((feature) => feature.nav ?? []);
const isRegistered = (to: string) => registered.some((entry) => entry.to === to);

/** The main navigation: every capability in DOMAIN.md's order, then any other feature entry. */
export const NAV_ITEMS: readonly NavItem[] = [
  ...CAPABILITIES.map((item) => {
    const action = registered.find((entry) => entry.to === item.to)?.action;
    return { ...item, built: isRegistered(item.to), ...(action ? { action } : {}) };
  }),
  ...registered
    .filter((entry) => entry.section === 'main' && !CAPABILITIES.some((item) => item.to === entry.to))
    .map(({ to, label, action }) => ({ to, label, built: true, ...(action ? { action } : {}) })),
];

/** Administration (only for administrators). */
export const ADMIN_ITEMS: readonly NavItem[] = registered
  .filter((entry) => entry.section === 'admin')
  .map(({ to, label }) => ({ to, label, built: true }));
