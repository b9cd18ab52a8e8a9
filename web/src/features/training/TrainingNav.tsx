import { NavLink } from 'react-router';
import { t } from '../../i18n/i18n.ts';

/** The two views of training: the courses, and coverage with the list of those not yet trained. */
export function TrainingNav() {
  return (
    <nav className="tr-nav" aria-label={t('training.title')}>
      <NavLink to="/training" end>
        {t('training.nav.courses')}
      </NavLink>
      <NavLink to="/training/coverage">{t('training.nav.coverage')}</NavLink>
    </nav>
  );
}
