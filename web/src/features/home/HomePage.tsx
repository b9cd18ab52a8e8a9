import { Link } from 'react-router';
import { canAdminister } from '../../app/can.ts';
import { ADMIN_ITEMS, NAV_ITEMS } from '../../app/nav-items.ts';
import { useMe } from '../../app/session.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';

/**
 * Start page: who is signed in, where they work, and which capabilities are ready. The capabilities are not
 * links here: the navigation already has them (one link per name keeps the page unambiguous).
 */
export function HomePage() {
  usePageTitle(t('home.title'));
  const me = useMe();
  const items = canAdminister(me) ? [...NAV_ITEMS, ...ADMIN_ITEMS] : NAV_ITEMS;
  return (
    <section>
      <h1>{t('home.greeting', { name: me.fullName })}</h1>
      <p>
        {me.unitId !== null && me.unitName ? (
          <>
            {t('home.yourUnit')} <Link to={`/units/${me.unitId}`}>{me.unitName}</Link>
          </>
        ) : (
          t('home.wholeCountry')
        )}
      </p>
      <p>{t('home.useMenu')}</p>
      <h2>{t('home.capabilities')}</h2>
      <ul className="cards">
        {items.map((item) => (
          <li key={item.to} className="card">
            <span>{t(item.label)}</span>
            <span className={item.built ? 'badge badge-ok' : 'badge'}>{t(item.built ? 'home.ready' : 'home.notReady')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
