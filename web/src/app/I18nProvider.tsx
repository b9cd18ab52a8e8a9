import { createContext, Fragment, useContext, useState, type ReactNode } from 'react';
import { getLocale, setLocale, type Locale } from '../i18n/i18n.ts';

const LocaleContext = createContext<{ locale: Locale; change: (locale: Locale) => void }>({
  locale: 'vi',
  change: () => undefined,
});

/** Holds the interface language; changing it re-renders the whole app (cached data stays). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(getLocale);
  const change = (next: Locale) => {
    // English is fetched on first choice; the page stays as it is until it arrives (or if it cannot be fetched)
    setLocale(next).then(
      () => setState(next),
      (error: unknown) => console.error('language not switched', error),
    );
  };
  return (
    <LocaleContext.Provider value={{ locale, change }}>
      <Fragment key={locale}>{children}</Fragment>
    </LocaleContext.Provider>
  );
}

export const useLocale = () => useContext(LocaleContext);
