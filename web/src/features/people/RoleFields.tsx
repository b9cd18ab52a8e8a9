import type { z } from 'zod';
import type { ZRoleInput } from '#contracts/people.ts';
import { DateField } from '../../components/DateField.tsx';
import { t } from '../../i18n/i18n.ts';
import './roles.css';

/** Chức danh and Người đứng đầu: part of "Thêm thành viên" and "Thêm chức danh". `id` prefixes the inputs' ids. */
export function TitleFields({ id }: { id: string }) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('role.title')}</label>
        <input id={`${id}-title`} name="title" required maxLength={100} aria-describedby={`${id}-title-hint`} />
        <p className="hint" id={`${id}-title-hint`}>
          {t('role.titleHint')}
        </p>
      </div>
      <label className="checkbox field-checkbox">
        <input type="checkbox" name="isHead" />
        {t('role.head')}
      </label>
    </>
  );
}

interface TermFromFieldProps {
  id: string;
  defaultValue: string;
  /** Told when the date changes (the person page lists the organisations that exist on it). */
  onChange?: (date: string) => void;
}

/** Từ ngày: the first day of the term. */
export function TermFromField({ id, defaultValue, onChange }: TermFromFieldProps) {
  return (
    <div className="field">
      <label htmlFor={`${id}-termFrom`}>{t('role.termStart')}</label>
      <DateField id={`${id}-termFrom`} name="termFrom" required defaultValue={defaultValue} onChange={onChange} />
    </div>
  );
}

/** The role the fields hold (the organisation is chosen elsewhere). */
export function readRoleFields(form: FormData): Omit<z.input<typeof ZRoleInput>, 'organizationId'> {
  return {
    title: String(form.get('title') ?? ''),
    isHead: form.get('isHead') === 'on',
    termFrom: String(form.get('termFrom') ?? ''),
  };
}
