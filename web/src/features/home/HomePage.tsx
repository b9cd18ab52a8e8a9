import { Link } from 'react-router';
import { can, canAdminister } from '../../app/can.ts';
import { ADMIN_ITEMS, NAV_ITEMS } from '../../app/nav-items.ts';
import { useMe } from '../../app/session.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';
import { DueProgrammes } from './DueProgrammes.tsx';
import { DueReports } from './DueReports.tsx';
import { RecentChanges } from './RecentChanges.tsx';
import './home.css';

/**
 * The start page is a work page: the user's unit, the periodic reports due for it, the programmes' reviews and
 * tasks due, what changed lately in its
 * units, and links to the capabilities that exist (unbuilt ones are in the menu only, where they say so).
 */
export function HomePage() {
  usePageTitle(t('home.title'));
  const me = useMe();
  const links = [...NAV_ITEMS, ...(canAdminister(me) ? ADMIN_ITEMS : [])].filter((item) => item.built && (!item.action || can(me, item.action)));
  return (
    <section className="home">
      <h1>{t('home.greeting', { name: me.fullName })}</h1>
      <p className="home-unit">
        {me.unitId !== null && me.unitName ? (
          <>
            {t('home.yourUnit')} <Link to={`/units/${me.unitId}`}>{me.unitName}</Link>
          </>
        ) : (
          t('home.wholeCountry')
        )}
      </p>
      <div className="home-grid">
        {can(me, 'indicators.read') && <DueReports me={me} />}
        {can(me, 'programmes.read') && <DueProgrammes />}
        {can(me, 'audit.recent') && <RecentChanges auditLink={can(me, 'audit.read')} />}
      </div>
      <section aria-labelledby="home-capabilities" className="home-links">
        <h2 id="home-capabilities">{t('home.capabilities')}</h2>
        <ul>
          {links.map((item) => (
            <li key={item.to}>
              <Link to={item.to}>{t(item.label)}</Link>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
