import { useSearchParams } from 'react-router';
import { todayInVietnam } from '../../i18n/format.ts';

/** Last day of the four-level structure (province – district – commune), before the 2025 reform. */
export const BEFORE_REFORM = '2025-06-30';
/** First day of the two-level structure (province – commune). */
export const REFORM_DAY = '2025-07-01';

const isDate = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * The date the unit structure is shown as of, kept in the address (?asOf=) so a link or a reload shows the same
 * structure. No parameter means today.
 */
export function useAsOf() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('asOf');
  const param = isDate(raw) ? raw : null;
  const setAsOf = (value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value && isDate(value)) next.set('asOf', value);
        else next.delete('asOf');
        return next;
      },
      { replace: true },
    );
  return { asOf: param ?? todayInVietnam(), param, setAsOf };
}

/** A link to `path` that keeps the chosen date. */
export const withAsOf = (path: string, asOf: string | null) => (asOf ? `${path}?asOf=${asOf}` : path);

/** The day before a date ('2025-07-01' → '2025-06-30'): a merged unit is shown as it stood just before. */
export function dayBefore(date: string): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() - 1);
  return value.toISOString().slice(0, 10);
}

// --- shell-history ---
/**
 * The date a record is shown on: the chosen date, or the record's first or last day when it did not exist on
 * the chosen date (a 2019 commune opened today is shown as it stood on 30/06/2025, never as an empty shell).
 */
export function dateWithin(asOf: string, validFrom: string | null, lastDay: string | null): string {
  if (lastDay !== null && asOf > lastDay) return lastDay;
  if (validFrom !== null && asOf < validFrom) return validFrom;
  return asOf;
}

/** Whether a unit, organisation or role with this last day has ended: history, read-only for daily work. */
export const hasEnded = (lastDay: string | null): boolean => lastDay !== null && lastDay < todayInVietnam();

/** The day after a date ('2025-06-30' → '2025-07-01'): where a successor takes over. */
export function dayAfter(date: string): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + 1);
  return value.toISOString().slice(0, 10);
}
