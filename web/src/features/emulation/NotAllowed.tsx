import { t } from '../../i18n/i18n.ts';

/** Shown to a user without the permission the page needs (the server would refuse anyway). */
export function NotAllowed() {
  return (
    <p className="alert" role="alert">
      {t('emulation.notAllowed')}
    </p>
  );
}
