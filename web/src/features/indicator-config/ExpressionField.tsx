import { t } from '../../i18n/i18n.ts';
import { checkExpression, EXAMPLES, type KnownElement } from './expression-check.ts';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  known: ReadonlyMap<string, KnownElement>;
  /** Which elements a formula may read: this form's, or every element the user may use. */
  scope: 'dataSet' | 'all';
}

/** A formula input (`#{CODE} + #{CODE.COC}`) checked as it is typed, with the result read out politely. */
export function ExpressionField({ id, label, value, onChange, known, scope }: Props) {
  const check = value.trim() === '' ? null : checkExpression(value, known, scope);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        required
        spellCheck={false}
        autoCapitalize="none"
        className="expression-input"
        aria-invalid={check?.ok === false}
        aria-describedby={`${id}-check`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-check`} className={check?.ok === false ? 'hint expression-error' : 'hint'} aria-live="polite">
        {check === null ? t('indicatorConfig.expr.hint', { example: EXAMPLES.formula }) : check.ok ? t('indicatorConfig.expr.ok', { count: check.operands }) : check.message}
      </p>
    </div>
  );
}
