import { NavLink } from 'react-router';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { t } from '../../i18n/i18n.ts';

/** The pages of field visits and of briefings. */
export function GrassrootsNav() {
  const me = useMe();
  return (
    <nav className="gr-nav" aria-label={t('grassroots.title')}>
      <NavLink to="/grassroots" end>
        {t('grassroots.nav.visits')}
      </NavLink>
      {can(me, 'grassroots.log') && <NavLink to="/grassroots/log">{t('grassroots.nav.log')}</NavLink>}
      <NavLink to="/grassroots/field-days">{t('grassroots.nav.figures')}</NavLink>
      <NavLink to="/grassroots/briefings">{t('grassroots.nav.briefings')}</NavLink>
    </nav>
  );
}
