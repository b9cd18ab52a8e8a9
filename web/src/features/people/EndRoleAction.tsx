import { useId, useRef, useState, type FormEvent } from 'react';
import type { TRoleHeld } from '#contracts/organizations.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { formatDate, todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import './roles.css';
import { useEndRole } from './people.api.ts';

interface EndRoleActionProps {
  role: TRoleHeld;
  /** Whose role, for screen readers: "Nguyễn Văn An, Tổ viên" or "Ban Thanh tra nhân dân, Trưởng ban". */
  context: string;
  /** Told once the role has ended, with a sentence to show (the row itself may leave the list). */
  onEnded: (message: string) => void;
}

/** "Kết thúc nhiệm kỳ" in a row of current roles: a button, then the end date and a confirmation. */
export function EndRoleAction({ role, context, onEnded }: EndRoleActionProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  // after "Hủy", focus goes back to the button that opened the form rather than to the page's start
  const refocus = useRef(false);
  const end = useEndRole(role, (termTo) => onEnded(t('role.endedOn', { name: context, date: formatDate(termTo) })));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    end.mutate(String(new FormData(event.currentTarget).get('termTo') ?? ''));
  };

  if (!open) {
    return (
      <button
        type="button"
        className="button-secondary button-small"
        onClick={() => setOpen(true)}
        ref={(node) => {
          if (node && refocus.current) node.focus();
          refocus.current = false;
        }}
      >
        {t('role.end')}
        <span className="visually-hidden"> {context}</span>
      </button>
    );
  }
  return (
    <form className="end-role" onSubmit={submit} aria-label={t('role.endFor', { name: context })}>
      <div className="field">
        <label htmlFor={`${id}-termTo`}>{t('role.endDate')}</label>
        <DateField id={`${id}-termTo`} name="termTo" required defaultValue={todayInVietnam()} autoFocus />
      </div>
      <div className="end-role-buttons">
        <button type="submit" className="button-danger button-small" disabled={end.isPending}>
          {t('role.endConfirm')}
        </button>
        <button
          type="button"
          className="button-secondary button-small"
          onClick={() => {
            refocus.current = true;
            setOpen(false);
            end.reset();
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage error={end.error} />
    </form>
  );
}
