import { useSearchParams } from 'react-router';
import type { TCalendarYear } from '#contracts/legal/api.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, todayInVietnam } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { useCalendarYear, useCalendarYears, useSetCalendarDay, useUpdateCalendarYear } from './legal.api.ts';
import './legal.css';

const pad = (n: number) => String(n).padStart(2, '0');
/** Monday-first column of a date (0 = Monday … 6 = Sunday). */
const column = (year: number, month: number, day: number) => (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** One month: a 7-column grid, Monday first; days off, make-up Saturdays and weekends marked; administrators toggle a day. */
function Month({ calendar, month, onToggle, busy }: { calendar: TCalendarYear; month: number; onToggle?: (date: string, working: boolean) => void; busy: boolean }) {
  const listed = new Map(calendar.days.map((d) => [d.date, d.kind]));
  const first = column(calendar.year, month, 1);
  const cells: Array<{ date: string; day: number } | null> = [
    ...Array.from({ length: first }, () => null),
    ...Array.from({ length: daysIn(calendar.year, month) }, (_, i) => ({ date: `${calendar.year}-${pad(month)}-${pad(i + 1)}`, day: i + 1 })),
  ];
  return (
    <section className="legal-month" aria-label={t('legal.month', { month })}>
      <h3>{t('legal.month', { month })}</h3>
      <div className="legal-grid" role="presentation">
        {[1, 2, 3, 4, 5, 6, 0].map((weekday) => (
          <span key={weekday} className="legal-weekday" aria-hidden="true">
            {t(`legal.weekday.${weekday}` as MessageKey)}
          </span>
        ))}
        {cells.map((cell, index) => {
          if (!cell) return <span key={`blank-${index}`} />;
          const weekend = column(calendar.year, month, cell.day) >= 5;
          const kind = listed.get(cell.date);
          const working = kind === 'work' || (!weekend && kind !== 'off');
          const className = `legal-day${kind === 'work' ? ' legal-day-work' : !working ? (weekend && kind !== 'off' ? ' legal-day-weekend' : ' legal-day-off') : ''}`;
          const label = t(working ? 'legal.calendar.dayWork' : 'legal.calendar.dayOff', { date: formatDate(cell.date) });
          return onToggle ? (
            <button key={cell.date} type="button" className={className} aria-label={label} title={label} disabled={busy} onClick={() => onToggle(cell.date, !working)}>
              {cell.day}
            </button>
          ) : (
            <span key={cell.date} className={className} title={label}>
              {cell.day}
            </span>
          );
        })}
      </div>
    </section>
  );
}

/** "Lịch ngày làm việc": the months of a year with days off and make-up Saturdays; 2027 shown as provisional. */
export function CalendarPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('nam')) || Number(todayInVietnam().slice(0, 4));
  usePageTitle(t('legal.calendar.title', { year }));
  const years = useCalendarYears();
  const calendar = useCalendarYear(year);
  const toggle = useSetCalendarDay();
  const status = useUpdateCalendarYear(year);
  const manage = can(me, 'legal.manage');
  const data = calendar.data;
  return (
    <section className="legal-page">
      <h1>
        {t('legal.calendar.title', { year })}{' '}
        {data && <span className={data.status === 'provisional' ? 'badge badge-warning' : 'badge'}>{t(data.status === 'provisional' ? 'legal.calendar.provisional' : 'legal.calendar.confirmed')}</span>}
      </h1>
      <p>{t('legal.calendar.intro')}</p>
      <div className="form form-row">
        <div className="field">
          <label htmlFor="legal-year">{t('legal.calendar.year')}</label>
          <select id="legal-year" value={year} onChange={(event) => setParams({ nam: event.target.value })}>
            {(years.data?.years ?? [{ year, status: 'confirmed' as const }]).map((y) => (
              <option key={y.year} value={y.year}>
                {y.status === 'provisional' ? `${y.year} (${t('legal.calendar.provisional').toLowerCase()})` : y.year}
              </option>
            ))}
          </select>
        </div>
      </div>
      {calendar.isPending && <Loading />}
      <ErrorMessage error={calendar.error ?? toggle.error ?? status.error} />
      {data && (
        <>
          {data.status === 'provisional' && <p className="notice notice-warning" role="note">{t('legal.calendar.provisionalNote')}</p>}
          <p>
            {t('legal.calendar.counts', { off: data.weekdaysOff, work: data.workSaturdays })}
            {data.edited && ` · ${t('legal.calendar.edited')}`}
          </p>
          <p className="legal-legend">
            <span className="legal-day legal-day-off">1</span> {t('legal.calendar.legendOff')} <span className="legal-day legal-day-work">1</span> {t('legal.calendar.legendWork')}{' '}
            <span className="legal-day legal-day-weekend">1</span> {t('legal.calendar.legendWeekend')}
          </p>
          {manage && (
            <p className="legal-admin">
              {t('legal.calendar.toggleHint')}{' '}
              <button
                type="button"
                className="button-secondary"
                disabled={status.isPending}
                onClick={() => status.mutate({ status: data.status === 'provisional' ? 'confirmed' : 'provisional', seenVersion: data.version })}
              >
                {t(data.status === 'provisional' ? 'legal.calendar.confirm' : 'legal.calendar.markProvisional')}
              </button>
            </p>
          )}
          <div className="legal-months">
            {Array.from({ length: 12 }, (_, i) => (
              <Month key={i} calendar={data} month={i + 1} busy={toggle.isPending} {...(manage ? { onToggle: (date: string, working: boolean) => toggle.mutate({ date, working }) } : {})} />
            ))}
          </div>
          {data.notes && <p className="legal-notes">{data.notes}</p>}
          {data.sources.length > 0 && (
            <details>
              <summary>{t('legal.calendar.sources')}</summary>
              <ul className="legal-sources">
                {data.sources.map((source) => (
                  <li key={source}>{source}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
