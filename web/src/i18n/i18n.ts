import { vi, type MessageKey } from './vi.ts';

export type { MessageKey } from './vi.ts';
export type Locale = 'vi' | 'en';
type MessageParams = Record<string, string | number>;

const STORAGE_KEY = 'dvs.locale';

function rememberedLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

let current: Locale = 'vi';
/** The English catalogue, once fetched (i18n/en.ts, a chunk of its own). */
let english: Record<MessageKey, string> | undefined;

function apply(locale: Locale): void {
  current = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The language the interface is shown in; Vietnamese unless the user chose English. */
export const getLocale = (): Locale => current;

/**
 * Switches language (remembered in this browser), fetching the English catalogue the first time; the language
 * changes only once its strings are here, so t() never meets a missing catalogue. The app re-renders from
 * I18nProvider. Rejects, and leaves the language as it was, when the catalogue cannot be fetched.
 */
export async function setLocale(locale: Locale): Promise<void> {
  if (locale === 'en') english ??= await (await import('./en.ts')).loadEnglish();
  apply(locale);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/**
 * Before the first render (main.tsx): the remembered language, fetching English if that is it. The app waits
 * for it rather than showing Vietnamese and re-rendering: the wait is one small request and only for those who
 * chose English, whereas a late switch would flash the other language and remount the whole tree (I18nProvider
 * keys it by language), dropping anything typed meanwhile and restarting its queries. If the catalogue cannot be
 * fetched the app starts in Vietnamese and keeps the remembered choice for the next visit.
 */
export async function startLocale(): Promise<void> {
  const locale = rememberedLocale();
  if (locale === 'vi') return apply('vi');
  try {
    english ??= await (await import('./en.ts')).loadEnglish();
    apply('en');
  } catch {
    apply('vi');
  }
}

/** Replaces `{name}` placeholders with params. */
export function interpolate(text: string, params?: MessageParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The visible text for a key in the current language. Every string the user sees goes through here. */
export function t(key: MessageKey, params?: MessageParams): string {
  // a key of a catalogue not fetched yet (a page that forgot to name it in lazyPage) shows as the key itself
  return interpolate((current === 'en' && english ? english[key] : vi[key]) ?? key, params);
}

/** A feature's Vietnamese catalogue fetched with its pages (features whose strings are not in the first load). */
export type VietnameseLoader = () => Promise<Readonly<Record<string, string>>>;
const fetched = new Map<VietnameseLoader, Promise<void>>();

/**
 * Fetches a lazily loaded Vietnamese catalogue once and adds it to the one t() reads (lazyPage awaits it with the
 * page, so a page never renders before its strings are here). A failed fetch is tried again next time.
 */
export function loadVietnamese(load: VietnameseLoader): Promise<void> {
  let done = fetched.get(load);
  if (!done) {
    done = load().then(
      (catalogue) => void Object.assign(vi, catalogue),
      (error: unknown) => {
        fetched.delete(load);
        throw error;
      },
    );
    fetched.set(load, done);
  }
  return done;
}

/** True when `key` is in the catalogue (for labels of open-ended codes such as audit entities). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}
