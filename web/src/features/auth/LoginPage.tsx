import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { meQuery } from '../../app/session-query.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';
import { useLogin } from './auth.api.ts';
import { LoginWait } from './LoginWait.tsx';
import { staticLoginError, takeOverStaticLogin, throttledSeconds } from './static-login.ts';

/** Only same-app paths are followed after login (no open redirect). */
const safeNext = (next: string | null) => (next && /^\/(?![/\\])/.test(next) ? next : '/');

/**
 * The login form. On the first load it takes over the HTML login form of index.html (static-login.ts): what was
 * typed there, the focus, and the error it showed.
 */
export function LoginPage() {
  usePageTitle(t('auth.login'));
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: me } = useQuery(meQuery);
  const id = useId();
  const next = safeNext(params.get('next'));
  // the HTML form's error; after a refused attempt (`?loi=login_throttled&cho=8`) the countdown of a refused call
  const [htmlForm, setHtmlForm] = useState(() => {
    const error = staticLoginError();
    return { error, wait: error ? throttledSeconds(params) : undefined };
  });
  const endHtmlFormWait = useCallback(() => setHtmlForm({ error: null, wait: undefined }), []);
  const waitSeconds = login.error instanceof ApiError ? login.error.retryAfterSeconds : login.isIdle ? htmlForm.wait : undefined;
  const username = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => takeOverStaticLogin({ username: username.current, password: password.current }), []);
  if (me && !login.isPending) return <Navigate to={me.mustChangePassword ? '/password/required' : next} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    login.mutate(
      { username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') },
      { onSuccess: (user) => void navigate(user.mustChangePassword ? '/password/required' : next, { replace: true }) },
    );
  };

  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="auth-brand">{t('app.name')}</p>
        <h1>{t('auth.login')}</h1>
        <form onSubmit={submit} className="form">
          <div className="field">
            <label htmlFor={`${id}-username`}>{t('auth.username')}</label>
            <input ref={username} id={`${id}-username`} name="username" autoComplete="username" autoCapitalize="none" required autoFocus />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('auth.password')}</label>
            <input ref={password} id={`${id}-password`} name="password" type="password" autoComplete="current-password" required />
          </div>
          {waitSeconds !== undefined ? (
            <LoginWait key={login.submittedAt} seconds={waitSeconds} onDone={login.isIdle ? endHtmlFormWait : login.reset} />
          ) : login.isIdle && htmlForm.error ? (
            <div className="alert" role="alert">
              <p>{htmlForm.error}</p>
            </div>
          ) : (
            <ErrorMessage error={login.error} />
          )}
          <button type="submit" disabled={login.isPending || waitSeconds !== undefined}>
            {t('auth.login')}
          </button>
        </form>
      </div>
    </main>
  );
}
