import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { VALUE_TYPES, type ValueType } from '#contracts/indicators/value-type.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';
import { CONFIG_PATH, NotAllowed } from './IndicatorConfigPage.tsx';
import { useCategoryCombos, useCreateDataElement, valueTypeLabel } from './indicator-config.api.ts';
import { EXAMPLES } from './expression-check.ts';
import './indicator-config.css';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** "Thêm chỉ tiêu dữ liệu": code, names, value type, aggregation, unit of measure, disaggregation. */
export function NewDataElementPage() {
  usePageTitle(t('indicatorConfig.element.create'));
  const id = useId();
  const me = useMe();
  const navigate = useNavigate();
  const combos = useCategoryCombos();
  const create = useCreateDataElement();
  const [valueType, setValueType] = useState<ValueType>('integer');
  // text and percentages are never summed up the tree
  const neverSummed = valueType === 'text' || valueType === 'percentage';
  if (!can(me, 'indicators.configure')) return <NotAllowed />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = text(form, 'name');
    create.mutate(
      {
        code: text(form, 'code'),
        name,
        shortName: text(form, 'shortName') || undefined,
        valueType,
        aggregation: neverSummed ? 'none' : form.get('aggregation') === 'none' ? 'none' : 'sum',
        unitOfMeasure: text(form, 'unitOfMeasure') || null,
        comboId: form.get('comboId') ? Number(form.get('comboId')) : undefined,
        zeroSignificant: form.get('zeroSignificant') === 'on',
      },
      { onSuccess: () => void navigate(CONFIG_PATH, { state: { created: name } }) },
    );
  };

  return (
    <section className="narrow">
      <p>
        <Link to={CONFIG_PATH}>{t('indicatorConfig.back')}</Link>
      </p>
      <h1>{t('indicatorConfig.element.create')}</h1>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('indicatorConfig.code')}</label>
          <input id={`${id}-code`} name="code" required maxLength={50} pattern="[A-Za-z0-9_\-]+" autoCapitalize="characters" aria-describedby={`${id}-code-hint`} />
          <p className="hint" id={`${id}-code-hint`}>
            {t('indicatorConfig.codeHint', { example: EXAMPLES.element })}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('indicatorConfig.name')}</label>
          <input id={`${id}-name`} name="name" required maxLength={300} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-shortName`}>{t('indicatorConfig.element.shortName')}</label>
          <input id={`${id}-shortName`} name="shortName" maxLength={100} aria-describedby={`${id}-shortName-hint`} />
          <p className="hint" id={`${id}-shortName-hint`}>
            {t('indicatorConfig.element.shortNameHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-valueType`}>{t('indicatorConfig.element.valueType')}</label>
          <select id={`${id}-valueType`} value={valueType} onChange={(event) => setValueType(event.target.value as ValueType)}>
            {VALUE_TYPES.map((type) => (
              <option key={type} value={type}>
                {valueTypeLabel(type)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-aggregation`}>{t('indicatorConfig.element.aggregation')}</label>
          <select id={`${id}-aggregation`} name="aggregation" disabled={neverSummed} defaultValue="sum" aria-describedby={`${id}-aggregation-hint`}>
            <option value="sum">{t('indicatorConfig.aggregation.sum')}</option>
            <option value="none">{t('indicatorConfig.aggregation.none')}</option>
          </select>
          {neverSummed && (
            <p className="hint" id={`${id}-aggregation-hint`}>
              {t('indicatorConfig.element.neverSummed')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('indicatorConfig.element.unitOfMeasure')}</label>
          <input id={`${id}-unit`} name="unitOfMeasure" maxLength={50} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-combo`}>{t('indicatorConfig.element.combo')}</label>
          <select id={`${id}-combo`} name="comboId" defaultValue="">
            <option value="">{t('indicatorConfig.elements.noCombo')}</option>
            {combos.data
              ?.filter((combo) => combo.code !== 'default')
              .map((combo) => (
                <option key={combo.id} value={combo.id}>
                  {t('indicatorConfig.element.comboOption', { name: combo.name, options: combo.optionCombos.map((c) => c.name).join('; ') })}
                </option>
              ))}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="zeroSignificant" defaultChecked />
          {t('indicatorConfig.element.zeroSignificant')}
        </label>
        <button type="submit" disabled={create.isPending}>
          {t('indicatorConfig.save')}
        </button>
      </form>
      <ErrorMessage error={combos.error ?? create.error} />
    </section>
  );
}
