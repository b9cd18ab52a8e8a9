import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { PERIOD_TYPES, type PeriodType } from '#contracts/indicators/period.ts';
import { UNIT_LEVELS, type TUnitLevel } from '#contracts/units.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';
import { UnitPicker, type PickedUnit } from '../units/UnitPicker.tsx';
import { CONFIG_PATH, NotAllowed } from './IndicatorConfigPage.tsx';
import { knownElements, periodTypeLabel, useCreateDataSet, useDataElements } from './indicator-config.api.ts';
import { RulesEditor, type RuleDraft } from './RulesEditor.tsx';
import { EXAMPLES } from './expression-check.ts';
import './indicator-config.css';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/**
 * "Thêm biểu mẫu báo cáo": elements not yet in a form, period type, due and lock days, who reports (levels under
 * the owner, units one by one) and validation rules checked as they are typed.
 */
export function NewDataSetPage() {
  usePageTitle(t('indicatorConfig.dataSet.create'));
  const id = useId();
  const me = useMe();
  const navigate = useNavigate();
  const elements = useDataElements();
  const create = useCreateDataSet();
  // a province officer's forms belong to their province; a system administrator picks one
  const [owner, setOwner] = useState<PickedUnit | null>(me.unitId && me.unitName ? { id: me.unitId, fullName: me.unitName } : null);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [levels, setLevels] = useState<ReadonlySet<TUnitLevel>>(new Set(['commune']));
  const [units, setUnits] = useState<PickedUnit[]>([]);
  const [rules, setRules] = useState<RuleDraft[]>([]);
  const free = useMemo(() => (elements.data ?? []).filter((e) => e.dataSetId === null && e.source === 'entered'), [elements.data]);
  const known = useMemo(() => knownElements(free.filter((e) => chosen.has(e.id))), [free, chosen]);
  if (!can(me, 'indicators.configure')) return <NotAllowed />;

  const toggle = <T,>(set: ReadonlySet<T>, value: T, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = text(form, 'name');
    create.mutate(
      {
        code: text(form, 'code'),
        name,
        periodType: text(form, 'periodType') as PeriodType,
        dueDays: Number(text(form, 'dueDays')),
        lockDays: Number(text(form, 'lockDays')),
        ownerUnitId: owner?.id ?? 0,
        levels: UNIT_LEVELS.filter((level) => levels.has(level)),
        unitIds: units.map((unit) => unit.id),
        elements: free.filter((e) => chosen.has(e.id)).map((e) => ({ dataElementId: e.id })),
        rules: rules.map(({ key: _key, ...rule }) => rule),
      },
      { onSuccess: () => void navigate(CONFIG_PATH, { state: { created: name } }) },
    );
  };

  return (
    <section className="config-wide">
      <p>
        <Link to={CONFIG_PATH}>{t('indicatorConfig.back')}</Link>
      </p>
      <h1>{t('indicatorConfig.dataSet.create')}</h1>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('indicatorConfig.code')}</label>
          <input id={`${id}-code`} name="code" required maxLength={50} pattern="[A-Za-z0-9_\-]+" autoCapitalize="characters" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('indicatorConfig.name')}</label>
          <input id={`${id}-name`} name="name" required maxLength={300} />
        </div>
        {me.unitId ? (
          <p>
            <span className="label">{t('indicatorConfig.dataSet.owner')}</span> {me.unitName}
          </p>
        ) : (
          <UnitPicker label={t('indicatorConfig.dataSet.ownerPick')} value={owner} onChange={setOwner} />
        )}
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-period`}>{t('indicatorConfig.dataSet.periodType')}</label>
            <select id={`${id}-period`} name="periodType" defaultValue="monthly">
              {PERIOD_TYPES.map((type) => (
                <option key={type} value={type}>
                  {periodTypeLabel(type)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-due`}>{t('indicatorConfig.dataSet.dueDays')}</label>
            <input id={`${id}-due`} name="dueDays" type="number" min={0} max={366} required defaultValue={5} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-lock`}>{t('indicatorConfig.dataSet.lockDays')}</label>
            <input id={`${id}-lock`} name="lockDays" type="number" min={0} max={732} required defaultValue={15} />
          </div>
        </div>
        <p className="hint">{t('indicatorConfig.dataSet.daysHint')}</p>

        <fieldset className="checkboxes">
          <legend>{t('indicatorConfig.dataSet.levels')}</legend>
          {UNIT_LEVELS.map((level) => (
            <label key={level} className="checkbox">
              <input type="checkbox" checked={levels.has(level)} onChange={(e) => setLevels(toggle(levels, level, e.target.checked))} />
              {t(`unit.level.${level}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="checkboxes">
          <legend>{t('indicatorConfig.dataSet.units')}</legend>
          {units.length > 0 && (
            <ul className="picked-units">
              {units.map((unit) => (
                <li key={unit.id} className="picked">
                  <span>{unit.fullName}</span>
                  <button type="button" className="button-secondary button-small" onClick={() => setUnits(units.filter((u) => u.id !== unit.id))}>
                    {t('indicatorConfig.dataSet.removeUnit', { name: unit.fullName })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <UnitPicker
            label={t('indicatorConfig.dataSet.addUnit')}
            value={null}
            onChange={(unit) => {
              if (unit && !units.some((u) => u.id === unit.id)) setUnits([...units, unit]);
            }}
          />
        </fieldset>

        <fieldset className="checkboxes element-choices">
          <legend>{t('indicatorConfig.dataSet.elements')}</legend>
          {elements.isPending && <Loading />}
          {elements.data && free.length === 0 && <Empty>{t('indicatorConfig.dataSet.noFreeElements')}</Empty>}
          {free.map((element) => (
            <label key={element.id} className="checkbox">
              <input type="checkbox" checked={chosen.has(element.id)} onChange={(e) => setChosen(toggle(chosen, element.id, e.target.checked))} />
              {t('indicatorConfig.dataSet.elementChoice', { name: element.name, code: element.code })}
            </label>
          ))}
        </fieldset>

        <h2>{t('indicatorConfig.dataSet.rules')}</h2>
        <p className="hint">{t('indicatorConfig.dataSet.rulesHint', { example: EXAMPLES.rule })}</p>
        <RulesEditor idPrefix={id} rules={rules} onChange={setRules} known={known} />

        <button type="submit" disabled={create.isPending || chosen.size === 0 || owner === null}>
          {t('indicatorConfig.save')}
        </button>
      </form>
      <ErrorMessage error={elements.error ?? create.error} />
    </section>
  );
}
