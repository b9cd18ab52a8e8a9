import { NavLink } from 'react-router';
import type { MessageKey } from '../../i18n/i18n.ts';
import { t } from '../../i18n/i18n.ts';

/** The parts of emulation, one link each; each part adds its entry in its block. */
const SECTIONS: readonly { to: string; label: MessageKey; end?: boolean }[] = [
  // --- emu-core ---
  { to: '/emulation', label: 'emulation.nav.campaigns', end: true },
  // --- emu-models ---
  // --- emu-review ---
  // --- emu-commit ---
];

/** The sub-navigation at the top of every emulation page. */
export function EmulationNav() {
  return (
    <nav className="emu-sections" aria-label={t('emulation.sections')}>
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.to}>
            <NavLink to={section.to} end={section.end ?? false}>
              {t(section.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
