import { getLocale } from './i18n.ts';

const intlLocale = () => (getLocale() === 'vi' ? 'vi-VN' : 'en-GB');

/** '2025-06-30' → '30/06/2025' (a calendar date, no time zone shift). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const [year, month, day] = date.slice(0, 10).split('-');
  return year && month && day ? `${day}/${month}/${year}` : date;
}

/** An ISO timestamp in Vietnam time, written the same way in both languages: '30/06/2025 14:05'. */
export function formatDateTime(iso: string): string {
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(value)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** 12345 → '12.345' in Vietnamese. */
export const formatNumber = (value: number): string => new Intl.NumberFormat(intlLocale()).format(value);

/** Today's date in Vietnam, 'YYYY-MM-DD'. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}
