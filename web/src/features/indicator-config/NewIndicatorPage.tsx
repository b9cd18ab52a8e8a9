import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';
import { ExpressionField } from './ExpressionField.tsx';
import { CONFIG_PATH, NotAllowed } from './IndicatorConfigPage.tsx';
import { knownElements, useCreateIndicator, useDataElements } from './indicator-config.api.ts';
import { EXAMPLES } from './expression-check.ts';
import './indicator-config.css';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const numberOr = (value: string, fallback: number | null) => (value === '' ? fallback : Number(value.replace(',', '.')));

/** "Thêm chỉ số": value = factor × numerator / denominator over summed elements, with an optional target. */
export function NewIndicatorPage() {
  usePageTitle(t('indicatorConfig.indicator.create'));
  const id = useId();
  const me = useMe();
  const navigate = useNavigate();
  const elements = useDataElements();
  const known = useMemo(() => knownElements(elements.data ?? []), [elements.data]);
  const create = useCreateIndicator();
  const [numerator, setNumerator] = useState('');
  const [denominator, setDenominator] = useState('1');
  if (!can(me, 'indicators.configure')) return <NotAllowed />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = text(form, 'name');
    const target = numberOr(text(form, 'target'), null);
    create.mutate(
      {
        code: text(form, 'code'),
        name,
        description: text(form, 'description') || null,
        numerator,
        denominator: denominator.trim() || '1',
        factor: numberOr(text(form, 'factor'), 1) ?? 1,
        decimals: Number(form.get('decimals') ?? 1),
        unitOfMeasure: text(form, 'unitOfMeasure') || null,
        target,
        targetDirection: target === null ? null : form.get('targetDirection') === 'lower' ? 'lower' : 'higher',
      },
      { onSuccess: () => void navigate(CONFIG_PATH, { state: { created: name } }) },
    );
  };

  return (
    <section className="narrow">
      <p>
        <Link to={CONFIG_PATH}>{t('indicatorConfig.back')}</Link>
      </p>
      <h1>{t('indicatorConfig.indicator.create')}</h1>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('indicatorConfig.code')}</label>
          <input id={`${id}-code`} name="code" required maxLength={50} pattern="[A-Za-z0-9_\-]+" autoCapitalize="characters" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('indicatorConfig.name')}</label>
          <input id={`${id}-name`} name="name" required maxLength={300} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>{t('indicatorConfig.indicator.description')}</label>
          <input id={`${id}-description`} name="description" maxLength={2000} />
        </div>
        <p className="hint">{t('indicatorConfig.indicator.formulaHint', { element: EXAMPLES.element, group: EXAMPLES.group })}</p>
        <ExpressionField id={`${id}-numerator`} label={t('indicatorConfig.indicator.numerator')} value={numerator} onChange={setNumerator} known={known} scope="all" />
        <ExpressionField id={`${id}-denominator`} label={t('indicatorConfig.indicator.denominator')} value={denominator} onChange={setDenominator} known={known} scope="all" />
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-factor`}>{t('indicatorConfig.indicator.factor')}</label>
            <input id={`${id}-factor`} name="factor" inputMode="decimal" defaultValue="1" pattern="[0-9]+([.,][0-9]+)?" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-decimals`}>{t('indicatorConfig.indicator.decimals')}</label>
            <select id={`${id}-decimals`} name="decimals" defaultValue="1">
              {[0, 1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-unit`}>{t('indicatorConfig.element.unitOfMeasure')}</label>
            <input id={`${id}-unit`} name="unitOfMeasure" maxLength={50} />
          </div>
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-direction`}>{t('indicatorConfig.indicator.targetDirection')}</label>
            <select id={`${id}-direction`} name="targetDirection" defaultValue="higher">
              <option value="higher">{t('indicatorConfig.direction.higher')}</option>
              <option value="lower">{t('indicatorConfig.direction.lower')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-target`}>{t('indicatorConfig.indicator.target')}</label>
            <input id={`${id}-target`} name="target" inputMode="decimal" pattern="-?[0-9]+([.,][0-9]+)?" aria-describedby={`${id}-target-hint`} />
            <p className="hint" id={`${id}-target-hint`}>
              {t('indicatorConfig.indicator.targetHint')}
            </p>
          </div>
        </div>
        <button type="submit" disabled={create.isPending}>
          {t('indicatorConfig.save')}
        </button>
      </form>
      <ErrorMessage error={elements.error ?? create.error} />
    </section>
  );
}
