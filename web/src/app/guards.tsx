import { useQuery } from '@tanstack/react-query';
import { useLayoutEffect, type ReactNode } from 'react';
import { dropStaticLogin } from '../features/auth/static-login.ts';
import { Navigate, useLocation } from 'react-router';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { t } from '../i18n/i18n.ts';
import { canAdminister } from './can.ts';
import { meQuery } from './session-query.ts';
import { MeContext, useMe } from './session.ts';

interface RequireSessionProps {
  children: ReactNode;
  /** The forced password page itself must stay reachable while a change is pending. */
  passwordChangePage?: boolean;
}

/** Renders children for a signed-in user; otherwise sends them to the login page (and back afterwards). */
export function RequireSession({ children, passwordChangePage = false }: RequireSessionProps) {
  const { data: me, isPending, error } = useQuery(meQuery);
  const location = useLocation();
  // the page's HTML login form, should the visitor be signed in after all (a session opened in another tab)
  useLayoutEffect(() => {
    if (me) dropStaticLogin();
  }, [me]);
  if (isPending) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  if (!me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (me.mustChangePassword && !passwordChangePage) return <Navigate to="/password/required" replace />;
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** Administration pages: users and audit log. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const me = useMe();
  if (!canAdminister(me)) return <p role="alert">{t('error.forbiddenPage')}</p>;
  return children;
}
