import { NavLink } from 'react-router';
import { t } from '../../i18n/i18n.ts';

/** The sections of one survey: details and questionnaire, paper keying, results. */
export function SurveyNav({ id }: { id: number }) {
  return (
    <nav className="sv-nav" aria-label={t('survey.title')}>
      <NavLink to={`/khao-sat/${id}`} end>
        {t('survey.nav.detail')}
      </NavLink>
      <NavLink to={`/khao-sat/${id}/nhap-phieu`}>{t('survey.nav.keying')}</NavLink>
      <NavLink to={`/khao-sat/${id}/ket-qua`}>{t('survey.nav.results')}</NavLink>
    </nav>
  );
}
