import { NavLink } from 'react-router';
import { t } from '../i18n/i18n.ts';
import { can, canAdminister } from './can.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { ADMIN_ITEMS, NAV_ITEMS, type NavItem } from './nav-items.ts';
import { useMe } from './session.ts';

interface NavProps {
  open: boolean;
  /** Called after a link is followed (closes the phone menu). */
  onNavigate: () => void;
}

function NavList({ items, onNavigate, labelledBy }: { items: readonly NavItem[]; onNavigate: () => void; labelledBy?: string }) {
  return (
    <ul className="nav-list" aria-labelledby={labelledBy}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} onClick={onNavigate}>
            {t(item.label)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/** Main navigation: every capability, plus administration for administrators. */
export function Nav({ open, onNavigate }: NavProps) {
  const me = useMe();
  return (
    <nav id="main-nav" className={open ? 'nav nav-open' : 'nav'} aria-label={t('nav.label')}>
      <ul className="nav-list">
        <li>
          <NavLink to="/" end onClick={onNavigate}>
            {t('nav.home')}
          </NavLink>
        </li>
      </ul>
      <NavList items={NAV_ITEMS.filter((item) => !item.action || can(me, item.action))} onNavigate={onNavigate} />
      {canAdminister(me) && (
        <>
          <p className="nav-group" id="nav-admin">
            {t('nav.admin')}
          </p>
          <NavList items={ADMIN_ITEMS} onNavigate={onNavigate} labelledBy="nav-admin" />
        </>
      )}
      <div className="nav-account">
        <p className="nav-group" id="nav-account">
          {t('nav.account')}
        </p>
        <ul className="nav-list" aria-labelledby="nav-account">
          <li>
            <NavLink to="/account/password" onClick={onNavigate}>
              {t('auth.changePassword')}
            </NavLink>
          </li>
          <li>
            <LanguageSwitch />
          </li>
        </ul>
      </div>
    </nav>
  );
}
