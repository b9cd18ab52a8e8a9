import { useEffect, useId, useRef, useState } from 'react';
import { formatDate } from '../i18n/format.ts';
import { t } from '../i18n/i18n.ts';
import { DateCalendar } from './DateCalendar.tsx';
import { isoOfText, MAX_DATE, MIN_DATE, parseDateText } from './date-text.ts';
import './date-field.css';

export interface DateFieldProps {
  /** The text input's id: the page's `<label htmlFor>` names the field. */
  id: string;
  /** For forms read with FormData: a hidden input of this name holds the date as 'yyyy-mm-dd' ('' when none). */
  name?: string;
  /** The date, 'yyyy-mm-dd', when the page holds it (controlled). */
  value?: string;
  /** The first date, 'yyyy-mm-dd', when the form holds it; `form.reset()` puts it back. */
  defaultValue?: string;
  /** Told the date as 'yyyy-mm-dd' each time the text names another one; '' when it names none (empty, unfinished, wrong). */
  onChange?: (iso: string) => void;
  required?: boolean;
  /** Earliest and latest dates accepted, 'yyyy-mm-dd' (by default what the API accepts). */
  min?: string;
  max?: string;
  autoFocus?: boolean;
}

/**
 * The one date field of the app: the date is typed as dd/mm/yyyy whatever the browser's language ("2/12/2026",
 * "02122026" and "2-12-2026" are 2 December 2026) or chosen in a calendar ("Chọn ngày"), and handed to the page
 * as 'yyyy-mm-dd'. A date that does not exist is refused with a Vietnamese sentence, which also blocks the form.
 */
export function DateField({ id, name, value, defaultValue = '', onChange, required, min = MIN_DATE, max = MAX_DATE, autoFocus }: DateFieldProps) {
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [text, setText] = useState(() => formatDate(value ?? defaultValue));
  const [shownValue, setShownValue] = useState(value);
  const [shownDefault, setShownDefault] = useState(defaultValue);
  const [showError, setShowError] = useState(false);
  const [open, setOpen] = useState(false);

  // the page changed the date (another button, the address): show it, unless the text already names it
  if (value !== shownValue) {
    setShownValue(value);
    if (value !== undefined && value !== isoOfText(text, min, max)) setText(formatDate(value));
  }
  // a new first date (the page moved to another day) replaces the old one if it was not edited, as the browser does
  if (defaultValue !== shownDefault) {
    setShownDefault(defaultValue);
    if (value === undefined && isoOfText(text, min, max) === shownDefault) setText(formatDate(defaultValue));
  }
  const parsed = parseDateText(text, min, max);
  const iso = parsed.ok ? parsed.iso : '';
  const problem = parsed.ok || (!required && !text.trim()) ? null : t(parsed.error, parsed.params);

  // the form does not send while the text names no date (the browser shows this sentence at the field)
  useEffect(() => inputRef.current?.setCustomValidity(problem ?? ''), [problem]);

  // form.reset() puts the first date back
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const reset = () => {
      setText(formatDate(defaultValue));
      setShowError(false);
    };
    form.addEventListener('reset', reset);
    return () => form.removeEventListener('reset', reset);
  }, [defaultValue]);

  const change = (next: string) => {
    setText(next);
    setShowError(false);
    const nextIso = isoOfText(next, min, max);
    if (nextIso !== iso) onChange?.(nextIso);
  };
  const errorShown = showError && problem !== null;

  return (
    <div className="date-field">
      <div className="date-field-row">
        <input
          ref={inputRef}
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('date.placeholder')}
          value={text}
          required={required}
          autoFocus={autoFocus}
          aria-invalid={errorShown || undefined}
          aria-describedby={errorShown ? errorId : undefined}
          onChange={(event) => change(event.target.value)}
          onBlur={() => {
            if (parsed.ok) setText(formatDate(parsed.iso));
            else if (text.trim()) setShowError(true);
          }}
          onInvalid={() => setShowError(true)}
          onKeyDown={(event) => {
            if (event.altKey && event.key === 'ArrowDown') {
              event.preventDefault();
              setOpen(true);
            }
          }}
        />
        <button
          ref={buttonRef}
          type="button"
          className="button-secondary date-field-button"
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => setOpen(true)}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M7 2v2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-2V2h-2v2H9V2H7Zm-2 8h14v10H5V10Zm2 2v2h2v-2H7Zm4 0v2h2v-2h-2Zm4 0v2h2v-2h-2Zm-8 4v2h2v-2H7Zm4 0v2h2v-2h-2Z" />
          </svg>
          <span className="visually-hidden">{t('date.pick')}</span>
        </button>
      </div>
      {name && <input type="hidden" name={name} value={iso} />}
      {errorShown && (
        <p className="field-error" id={errorId}>
          {problem}
        </p>
      )}
      {open && (
        <DateCalendar
          value={iso}
          min={min}
          max={max}
          anchor={inputRef}
          onPick={(picked) => {
            change(formatDate(picked));
            setOpen(false);
            buttonRef.current?.focus();
          }}
          onClose={() => {
            setOpen(false);
            buttonRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
