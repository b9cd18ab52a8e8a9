import { t } from '../i18n/i18n.ts';
import { useLocale } from './I18nProvider.tsx';

/** Switches between Vietnamese and English; names the other language in that language. */
export function LanguageSwitch() {
  const { locale, change } = useLocale();
  const other = locale === 'vi' ? 'en' : 'vi';
  return (
    <button type="button" className="link-button" lang={other} onClick={() => change(other)}>
      {t(other === 'en' ? 'layout.english' : 'layout.vietnamese')}
    </button>
  );
}
