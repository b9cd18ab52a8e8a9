import { NavLink } from 'react-router';
import { useMe } from '../../app/session.ts';
import { t } from '../../i18n/i18n.ts';
import { canSurveys } from './can.ts';

/** The sections of one survey: details, the builder (keepers), paper keying, review and import (typists), results. */
export function SurveyNav({ id }: { id: number }) {
  const me = useMe();
  const manage = canSurveys(me, 'surveys.manage');
  const enter = canSurveys(me, 'surveys.enter');
  return (
    <nav className="sv-nav" aria-label={t('survey.title')}>
      <NavLink to={`/khao-sat/${id}`} end>
        {t('survey.nav.detail')}
      </NavLink>
      {manage && <NavLink to={`/khao-sat/${id}/bang-hoi`}>{t('survey.nav.builder')}</NavLink>}
      {enter && <NavLink to={`/khao-sat/${id}/nhap-phieu`}>{t('survey.nav.keying')}</NavLink>}
      {enter && <NavLink to={`/khao-sat/${id}/nhap-tep`}>{t('survey.nav.import')}</NavLink>}
      <NavLink to={`/khao-sat/${id}/doi-chieu`}>{t('survey.nav.review')}</NavLink>
      <NavLink to={`/khao-sat/${id}/ket-qua`}>{t('survey.nav.results')}</NavLink>
    </nav>
  );
}
