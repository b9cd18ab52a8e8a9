import { useId, useState, type FormEvent } from 'react';
import { PROVINCE_SETTINGS, type TProvinceSetting, type TProvinceSettingKey } from '#contracts/settings.ts';
import { useMe } from '../../app/session.ts';
import { ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime, todayInVietnam } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { useUnit, useUnitChildren } from '../units/units.api.ts';
import { useProvinceSettings, useSetProvinceSetting } from './settings.api.ts';
import './settings.css';

/** A value as words: "Có" / "Không", or the name of a choice. */
function valueText(key: TProvinceSettingKey, value: boolean | string): string {
  if (typeof value === 'boolean') return t(value ? 'settings.yes' : 'settings.no');
  return t(`settings.lead.${value}` as MessageKey);
}

/** The choices of a setting: yes/no, or the options of its list. */
function choices(key: TProvinceSettingKey): (boolean | string)[] {
  const schema = PROVINCE_SETTINGS[key].schema;
  return 'options' in schema ? [...(schema.options as readonly string[])] : [true, false];
}

/** One setting: its value in force, its default, who set it and why; a form to change it when allowed. */
function SettingItem({ provinceId, item, canManage }: { provinceId: number; item: TProvinceSetting; canManage: boolean }) {
  const id = useId();
  const set = useSetProvinceSetting(provinceId);
  const [saved, setSaved] = useState(false);
  const options = choices(item.key);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const index = Number(form.get('value'));
    setSaved(false);
    set.mutate(
      { key: item.key, value: options[index] as boolean | string, reason: String(form.get('reason') ?? '').trim() },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <li className="panel" aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`}>{t(`settings.key.${item.key}` as MessageKey)}</h2>
      <p className="hint">{t(`settings.hint.${item.key}` as MessageKey)}</p>
      <p>
        <strong>{valueText(item.key, item.value)}</strong>
        {' · '}
        {item.isDefault ? t('settings.isDefault') : t('settings.default', { value: valueText(item.key, item.defaultValue) })}
      </p>
      {!item.isDefault && item.setAt && (
        <p className="hint">{t('settings.setBy', { name: item.setByName ?? '', at: formatDateTime(item.setAt), reason: item.reason ?? '' })}</p>
      )}
      {canManage && (
        <form className="form" onSubmit={submit} aria-label={t(`settings.key.${item.key}` as MessageKey)}>
          <div className="field">
            <label htmlFor={`${id}-value`}>{t('settings.value')}</label>
            <select id={`${id}-value`} name="value" defaultValue={String(options.indexOf(item.value))}>
              {options.map((option, index) => (
                <option key={String(option)} value={index}>
                  {valueText(item.key, option)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('settings.reason')}</label>
            <input id={`${id}-reason`} name="reason" required minLength={5} maxLength={500} />
          </div>
          <button type="submit" disabled={set.isPending}>
            {t('settings.save')}
          </button>
          <ErrorMessage error={set.error} />
          {saved && <Success>{t('settings.saved')}</Success>}
        </form>
      )}
    </li>
  );
}

/** The province of the signed-in user: their unit, or the province above it; null for a national user. */
function useHomeProvince(): { provinceId: number | null; pending: boolean } {
  const me = useMe();
  const unit = useUnit(me.unitId ?? 0, todayInVietnam(), me.unitId !== null);
  if (me.unitId === null) return { provinceId: null, pending: false };
  if (!unit.data) return { provinceId: null, pending: true };
  const province = unit.data.unit.level === 'province' ? unit.data.unit : unit.data.ancestors.find((a) => a.level === 'province');
  return { provinceId: province?.id ?? null, pending: false };
}

/** "Cài đặt của tỉnh": what the 2025 reorganisation left open, as the province has chosen it (issue 9 item 10). */
export function ProvinceSettingsPage() {
  usePageTitle(t('settings.title'));
  const id = useId();
  const me = useMe();
  const home = useHomeProvince();
  const [picked, setPicked] = useState<number | null>(null);
  const provinces = useUnitChildren(undefined, todayInVietnam(), me.unitId === null);
  const provinceId = home.provinceId ?? picked;
  const settings = useProvinceSettings(provinceId);
  return (
    <section>
      <h1>{settings.data ? `${t('settings.title')}: ${settings.data.provinceName}` : t('settings.title')}</h1>
      <p className="hint">{t('settings.intro')}</p>
      {me.unitId === null && (
        <div className="field">
          <label htmlFor={`${id}-province`}>{t('settings.pickProvince')}</label>
          <select id={`${id}-province`} value={picked ?? ''} onChange={(event) => setPicked(event.target.value ? Number(event.target.value) : null)}>
            <option value="" />
            {(provinces.data ?? [])
              .filter((unit) => unit.level === 'province')
              .map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.fullName}
                </option>
              ))}
          </select>
        </div>
      )}
      {(home.pending || settings.isPending) && provinceId !== null && <Loading />}
      <ErrorMessage error={settings.error} />
      {settings.data && (
        <>
          {!settings.data.canManage && <p className="hint">{t('settings.readOnly')}</p>}
          <ul className="settings-list">
            {settings.data.items.map((item) => (
              <SettingItem key={item.key} provinceId={settings.data.provinceId} item={item} canManage={settings.data.canManage} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
