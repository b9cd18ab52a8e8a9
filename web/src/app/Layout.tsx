import { Suspense, useState } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { Loading } from '../components/Status.tsx';
import { t } from '../i18n/i18n.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Nav } from './Nav.tsx';
import { useLogout, useMe } from './session.ts';

/** The frame of every signed-in page: header with the user, navigation, and the page. */
export function Layout() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const signOut = () => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('layout.menu')}
        </button>
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <div className="topbar-user">
          <span className="user-name">{me.fullName}</span>
          <span className="user-unit">{me.unitName ?? t('layout.allUnits')}</span>
        </div>
        <div className="topbar-actions">
          <LanguageSwitch />
          <Link to="/account/password">{t('auth.changePassword')}</Link>
          <button type="button" className="button-secondary" onClick={signOut} disabled={logout.isPending}>
            {t('auth.logout')}
          </button>
        </div>
      </header>
      <div className="shell-body">
        <Nav open={menuOpen} onNavigate={() => setMenuOpen(false)} />
        <main id="main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
