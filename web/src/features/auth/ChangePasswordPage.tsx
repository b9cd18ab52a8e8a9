import { useState } from 'react';
import { Success } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';
import { PasswordForm } from './PasswordForm.tsx';

/** "Đổi mật khẩu" from the header. */
export function ChangePasswordPage() {
  usePageTitle(t('auth.changePassword'));
  const [done, setDone] = useState(false);
  return (
    <section className="narrow">
      <h1>{t('auth.changePassword')}</h1>
      {done ? <Success>{t('auth.passwordChanged')}</Success> : <PasswordForm onDone={() => setDone(true)} />}
    </section>
  );
}
