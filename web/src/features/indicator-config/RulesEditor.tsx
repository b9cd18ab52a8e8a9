import { VALIDATION_OPERATORS, type ValidationOperator } from '#contracts/indicators/validation.ts';
import { t } from '../../i18n/i18n.ts';
import { ExpressionField } from './ExpressionField.tsx';
import type { KnownElement } from './expression-check.ts';

/** One validation rule as the form holds it. */
export interface RuleDraft {
  key: number;
  code: string;
  leftSide: string;
  operator: ValidationOperator;
  rightSide: string;
  severity: 'error' | 'warning';
  missing: 'skip_if_any_missing' | 'never_skip';
  message: string;
}

/** The operators as people write them. */
const OPERATOR_SIGNS: Record<ValidationOperator, string> = { '==': '=', '!=': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

let nextKey = 0;
export const emptyRule = (): RuleDraft => ({
  key: ++nextKey,
  code: '',
  leftSide: '',
  operator: '<=',
  rightSide: '',
  severity: 'error',
  missing: 'skip_if_any_missing',
  message: '',
});

interface Props {
  idPrefix: string;
  rules: readonly RuleDraft[];
  onChange: (rules: RuleDraft[]) => void;
  /** The elements chosen for the form: the only ones a rule may read. */
  known: ReadonlyMap<string, KnownElement>;
}

/** "Quy tắc kiểm tra": left side, comparison, right side over the form's elements, severity and message. */
export function RulesEditor({ idPrefix, rules, onChange, known }: Props) {
  const update = (key: number, change: Partial<RuleDraft>) => onChange(rules.map((rule) => (rule.key === key ? { ...rule, ...change } : rule)));
  return (
    <div className="form">
      {rules.map((rule, index) => {
        const id = `${idPrefix}-rule-${rule.key}`;
        const title = t('indicatorConfig.rule.title', { n: index + 1 });
        return (
          <fieldset key={rule.key} className="rule-block">
            <legend>{title}</legend>
            <div className="field">
              <label htmlFor={`${id}-code`}>{t('indicatorConfig.rule.code')}</label>
              <input id={`${id}-code`} value={rule.code} required maxLength={50} pattern="[A-Za-z0-9_\-]+" onChange={(e) => update(rule.key, { code: e.target.value })} />
            </div>
            <div className="rule-sides">
              <ExpressionField id={`${id}-left`} label={t('indicatorConfig.rule.leftSide')} value={rule.leftSide} onChange={(leftSide) => update(rule.key, { leftSide })} known={known} scope="dataSet" />
              <div className="field">
                <label htmlFor={`${id}-operator`}>{t('indicatorConfig.rule.operator')}</label>
                <select id={`${id}-operator`} value={rule.operator} onChange={(e) => update(rule.key, { operator: e.target.value as ValidationOperator })}>
                  {VALIDATION_OPERATORS.map((operator) => (
                    <option key={operator} value={operator}>
                      {OPERATOR_SIGNS[operator]}
                    </option>
                  ))}
                </select>
              </div>
              <ExpressionField id={`${id}-right`} label={t('indicatorConfig.rule.rightSide')} value={rule.rightSide} onChange={(rightSide) => update(rule.key, { rightSide })} known={known} scope="dataSet" />
            </div>
            <div className="form-row">
              <div className="field">
                <label htmlFor={`${id}-severity`}>{t('indicatorConfig.rule.severity')}</label>
                <select id={`${id}-severity`} value={rule.severity} onChange={(e) => update(rule.key, { severity: e.target.value === 'warning' ? 'warning' : 'error' })}>
                  <option value="error">{t('indicatorConfig.severity.error')}</option>
                  <option value="warning">{t('indicatorConfig.severity.warning')}</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-missing`}>{t('indicatorConfig.rule.missing')}</label>
                <select
                  id={`${id}-missing`}
                  value={rule.missing}
                  onChange={(e) => update(rule.key, { missing: e.target.value === 'never_skip' ? 'never_skip' : 'skip_if_any_missing' })}
                >
                  <option value="skip_if_any_missing">{t('indicatorConfig.missing.skip_if_any_missing')}</option>
                  <option value="never_skip">{t('indicatorConfig.missing.never_skip')}</option>
                </select>
              </div>
            </div>
            <div className="field">
              <label htmlFor={`${id}-message`}>{t('indicatorConfig.rule.message')}</label>
              <input id={`${id}-message`} value={rule.message} required maxLength={500} onChange={(e) => update(rule.key, { message: e.target.value })} />
            </div>
            <button type="button" className="button-secondary button-small" onClick={() => onChange(rules.filter((r) => r.key !== rule.key))}>
              {t('indicatorConfig.rule.remove', { n: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button-secondary" onClick={() => onChange([...rules, emptyRule()])}>
        {t('indicatorConfig.rule.add')}
      </button>
    </div>
  );
}
