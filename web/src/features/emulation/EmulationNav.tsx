import { Link, useLocation } from 'react-router';
import type { MessageKey } from '../../i18n/i18n.ts';
import { t } from '../../i18n/i18n.ts';

/** The parts of emulation, one link each (`match`: the addresses of its pages); each part adds its entry in its block. */
const SECTIONS: readonly { to: string; label: MessageKey; match: RegExp }[] = [
  // --- emu-core ---
  { to: '/emulation', label: 'emulation.nav.campaigns', match: /^\/emulation(\/campaigns(\/.*)?)?\/?$/ },
  // --- emu-models ---
  { to: '/emulation/models', label: 'emulation.nav.models', match: /^\/emulation\/models(\/.*)?$/ },
  // --- emu-review ---
  // --- emu-commit ---
  { to: '/emulation/commitments', label: 'emulation.nav.commitments', match: /^\/emulation\/commitments\/?$/ },
];

/** The sub-navigation at the top of every emulation page. */
export function EmulationNav() {
  const { pathname } = useLocation();
  return (
    <nav className="emu-sections" aria-label={t('emulation.sections')}>
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.to}>
            <Link to={section.to} aria-current={section.match.test(pathname) ? 'page' : undefined}>
              {t(section.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
