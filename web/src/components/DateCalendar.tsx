import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { formatDate, todayInVietnam } from '../i18n/format.ts';
import { t } from '../i18n/i18n.ts';
import { addDays, addMonths, clampIso, isoParts, isoWeekday, monthGrid } from './date-text.ts';

interface DateCalendarProps {
  /** The date the field holds ('' when none): selected, and where the calendar opens. */
  value: string;
  min: string;
  max: string;
  /** The field's input: on wide screens the calendar opens under it; on phones it sits in the middle. */
  anchor: RefObject<HTMLElement | null>;
  onPick: (iso: string) => void;
  onClose: () => void;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
type Weekday = (typeof WEEKDAYS)[number];
type Month = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;
/** Wider than this, the calendar opens next to its field (layout.css folds tables below 600 px). */
const WIDE = 600;

/** What a key does in the grid of days (WAI-ARIA date picker dialog), or null for keys it leaves alone. */
function keyMove(event: KeyboardEvent, from: string): string | null {
  switch (event.key) {
    case 'ArrowLeft':
      return addDays(from, -1);
    case 'ArrowRight':
      return addDays(from, 1);
    case 'ArrowUp':
      return addDays(from, -7);
    case 'ArrowDown':
      return addDays(from, 7);
    case 'Home':
      return addDays(from, 1 - isoWeekday(from));
    case 'End':
      return addDays(from, 7 - isoWeekday(from));
    case 'PageUp':
      return addMonths(from, event.shiftKey ? -12 : -1);
    case 'PageDown':
      return addMonths(from, event.shiftKey ? 12 : 1);
    default:
      return null;
  }
}

/**
 * "Chọn ngày": a modal calendar of one month, Monday first (T2 … CN), named "Tháng 12 năm 2026". Arrow keys move
 * by day and week, Page Up / Page Down by month (with Shift, by year), Home / End to the week's ends, Enter
 * chooses, Escape closes.
 */
export function DateCalendar({ value, min, max, anchor, onPick, onClose }: DateCalendarProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const today = todayInVietnam();
  const [focused, setFocused] = useState(() => clampIso(value || today, min, max));
  // move the keyboard focus to the focused day: on opening and after a key, not after the month buttons
  const focusDay = useRef(true);
  const { year, month } = isoParts(focused);

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const place = () => {
      const field = anchor.current?.getBoundingClientRect();
      if (!field || window.innerWidth <= WIDE) {
        dialog.style.removeProperty('margin');
        dialog.style.removeProperty('inset');
        return;
      }
      const { width, height } = dialog.getBoundingClientRect();
      const below = field.bottom + 4;
      const top = below + height <= window.innerHeight || field.top - height - 4 < 0 ? below : field.top - height - 4;
      dialog.style.margin = '0';
      dialog.style.inset = `${Math.max(4, top)}px auto auto ${Math.max(4, Math.min(field.left, window.innerWidth - width - 4))}px`;
    };
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [anchor]);

  useEffect(() => {
    if (!focusDay.current) return;
    focusDay.current = false;
    dialogRef.current?.querySelector<HTMLButtonElement>(`button[data-date="${focused}"]`)?.focus();
  }, [focused]);

  const showMonth = (months: number) => {
    focusDay.current = false;
    setFocused(clampIso(addMonths(focused, months), min, max));
  };
  const onGridKey = (event: KeyboardEvent) => {
    const next = keyMove(event, focused);
    if (next === null) return;
    event.preventDefault();
    focusDay.current = true;
    setFocused(clampIso(next, min, max));
  };
  const inRange = (iso: string) => iso >= min && iso <= max;
  // close the modal first: the page behind it is inert until then, so focus could not go back to the field
  const pick = (iso: string) => {
    dialogRef.current?.close();
    onPick(iso);
  };
  const close = () => {
    dialogRef.current?.close();
    onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      className="date-calendar"
      aria-label={t('date.pick')}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClick={(event) => {
        // a click on the backdrop (the dialog's own box is filled by its body)
        if (event.target === event.currentTarget) close();
      }}
    >
      <div className="date-calendar-body">
        <div className="date-calendar-head">
          <button type="button" className="button-secondary" aria-label={t('date.previousMonth')} onClick={() => showMonth(-1)}>
            <span aria-hidden="true">‹</span>
          </button>
          <h2 id={titleId} aria-live="polite">
            {t('date.monthYear', { month: t(`date.month.${month as Month}`), year })}
          </h2>
          <button type="button" className="button-secondary" aria-label={t('date.nextMonth')} onClick={() => showMonth(1)}>
            <span aria-hidden="true">›</span>
          </button>
        </div>
        <table role="grid" aria-labelledby={titleId} onKeyDown={onGridKey}>
          <thead>
            <tr>
              {WEEKDAYS.map((weekday) => (
                <th key={weekday} scope="col" abbr={t(`date.weekdayLong.${weekday}`)}>
                  {t(`date.weekday.${weekday}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthGrid(year, month).map((week) => (
              <tr key={week.find(Boolean)}>
                {week.map((day, index) =>
                  day === null ? (
                    <td key={`empty-${index}`} role="gridcell" />
                  ) : (
                    <td key={day} role="gridcell" aria-selected={day === value}>
                      <button
                        type="button"
                        data-date={day}
                        tabIndex={day === focused ? 0 : -1}
                        aria-label={t('date.dayLabel', { weekday: t(`date.weekdayLong.${isoWeekday(day) as Weekday}`), date: formatDate(day) })}
                        aria-current={day === today ? 'date' : undefined}
                        disabled={!inRange(day)}
                        onClick={() => pick(day)}
                      >
                        {isoParts(day).day}
                      </button>
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="date-calendar-foot">
          <button type="button" className="button-secondary button-small" disabled={!inRange(today)} onClick={() => pick(today)}>
            {t('date.today')}
          </button>
          <button type="button" className="button-secondary button-small" onClick={close}>
            {t('date.close')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
