import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/Status.tsx';
import { t } from '../../i18n/i18n.ts';
import { useChangePassword } from './auth.api.ts';

/** Current password, new password twice; the server checks the rules and answers in Vietnamese. */
export function PasswordForm({ onDone }: { onDone: () => void }) {
  const change = useChangePassword();
  const id = useId();
  const [mismatch, setMismatch] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get('newPassword') ?? '');
    const repeated = newPassword === String(form.get('repeatPassword') ?? '');
    setMismatch(!repeated);
    if (!repeated) return;
    change.mutate({ currentPassword: String(form.get('currentPassword') ?? ''), newPassword }, { onSuccess: onDone });
  };

  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-current`}>{t('auth.currentPassword')}</label>
        <input id={`${id}-current`} name="currentPassword" type="password" autoComplete="current-password" required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-new`}>{t('auth.newPassword')}</label>
        <input
          id={`${id}-new`}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          aria-describedby={`${id}-rule`}
        />
        <p id={`${id}-rule`} className="hint">
          {t('auth.passwordRule')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-repeat`}>{t('auth.repeatPassword')}</label>
        <input id={`${id}-repeat`} name="repeatPassword" type="password" autoComplete="new-password" required />
      </div>
      {mismatch && (
        <p className="alert" role="alert">
          {t('auth.passwordMismatch')}
        </p>
      )}
      <ErrorMessage error={change.error} />
      <button type="submit" disabled={change.isPending}>
        {t('auth.savePassword')}
      </button>
    </form>
  );
}
