import { en } from './en.ts';
import { vi, type MessageKey } from './vi.ts';

export type { MessageKey } from './vi.ts';
export type Locale = 'vi' | 'en';
type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { vi, en };
const STORAGE_KEY = 'dvs.locale';

function initialLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

let current: Locale = initialLocale();

/** The language the interface is shown in; Vietnamese unless the user chose English. */
export const getLocale = (): Locale => current;

/** Switches language (remembered in this browser). The app re-renders from I18nProvider. */
export function setLocale(locale: Locale): void {
  current = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** Replaces `{name}` placeholders with params. */
export function interpolate(text: string, params?: MessageParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The visible text for a key in the current language. Every string the user sees goes through here. */
export function t(key: MessageKey, params?: MessageParams): string {
  return interpolate(catalogues[current][key], params);
}

/** True when `key` is in the catalogue (for labels of open-ended codes such as audit entities). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}
