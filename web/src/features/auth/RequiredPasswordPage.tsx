import { useNavigate } from 'react-router';
import { useLogout } from '../../app/session.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';
import { PasswordForm } from './PasswordForm.tsx';

/** First login (or after a reset): the user must choose their own password before anything else. */
export function RequiredPasswordPage() {
  usePageTitle(t('auth.requiredTitle'));
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="auth-brand">{t('app.name')}</p>
        <h1>{t('auth.requiredTitle')}</h1>
        <p>{t('auth.requiredMessage')}</p>
        <PasswordForm onDone={() => void navigate('/', { replace: true })} />
        <button
          type="button"
          className="link-button"
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
        >
          {t('auth.logout')}
        </button>
      </div>
    </main>
  );
}
