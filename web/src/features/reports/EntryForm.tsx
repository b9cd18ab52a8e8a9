import { useMemo, useRef, useState } from 'react';
import type { TDataElement } from '#contracts/indicators/metadata.api.ts';
import type { TForm } from '#contracts/indicators/reports.api.ts';
import { evaluateRules } from '#contracts/indicators/validation.ts';
import { parseCellValue } from '#contracts/indicators/value-type.ts';
import { useOutbox } from '../../components/outbox/useOutbox.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { putValuesOutbox } from './outbox.ts';

const cellKey = (unitId: number, elementId: number, cocId: number) => `${unitId}|${elementId}|${cocId}`;

function shown(value: { num: number | null; txt: string | null } | undefined, element: TDataElement): string {
  if (!value) return '';
  if (element.valueType === 'text') return value.txt ?? '';
  if (value.num === null) return '';
  return element.valueType === 'number' || element.valueType === 'percentage' ? String(value.num).replace('.', ',') : String(value.num);
}

/**
 * The form's cells: typed values are checked as you type (type and the data set's rules, by the same code as the
 * server) and each change is saved on this machine at once, then sent by the outbox (one write per cell, its
 * write id making a resend harmless). Last period's value is shown under each cell for comparison.
 */
export function EntryForm({ form }: { form: TForm }) {
  const { enqueue, failedEntries } = useOutbox();
  const initial = useMemo(() => {
    const map = new Map<string, string>();
    for (const v of form.values) {
      const element = form.elements.find((e) => e.id === v.dataElementId);
      if (element) map.set(cellKey(v.unitId, v.dataElementId, v.cocId), shown(v, element));
    }
    return map;
  }, [form]);
  const [cells, setCells] = useState(initial);
  const saved = useRef(new Map(initial));
  const previous = useMemo(() => new Map(form.previous.map((v) => [cellKey(v.unitId, v.dataElementId, v.cocId), v])), [form.previous]);

  const parsed = (unitId: number, element: TDataElement, cocId: number) => parseCellValue(element.valueType, cells.get(cellKey(unitId, element.id, cocId)) ?? '');
  const violations = useMemo(
    () =>
      form.rows.flatMap((row) => {
        const lookup = (op: { element: string; coc: string | null }) => {
          const element = form.elements.find((e) => e.code === op.element);
          if (!element) return null;
          const combos = element.optionCombos.filter((c) => op.coc === null || c.code === op.coc);
          const nums = combos.map((c) => parseCellValue(element.valueType, cells.get(cellKey(row.unitId, element.id, c.id)) ?? '')).flatMap((r) => (r.ok && r.num !== null ? [r.num] : []));
          return nums.length === 0 ? null : nums.reduce((a, b) => a + b, 0);
        };
        return evaluateRules(form.rules, lookup).violations.map((v) => ({ ...v, row: row.name, many: form.rows.length > 1 }));
      }),
    [cells, form],
  );

  const save = (unitId: number, element: TDataElement, cocId: number, raw: string) => {
    const key = cellKey(unitId, element.id, cocId);
    if (!parseCellValue(element.valueType, raw).ok || (saved.current.get(key) ?? '') === raw) return;
    saved.current.set(key, raw);
    void enqueue(putValuesOutbox, {
      coalesceKey: `${form.period.id}|${cellKey(unitId, element.id, cocId)}`,
      input: (writeId) => ({
        body: { dataSetId: form.dataSet.id, unitId: form.unit.id, period: form.period.id, values: [{ writeId, unitId, dataElementId: element.id, cocId, value: raw.trim() === '' ? null : raw }] },
      }),
    });
  };

  const input = (unitId: number, element: TDataElement, cocId: number, label: string) => {
    const key = cellKey(unitId, element.id, cocId);
    const id = `cell-${key.replaceAll('|', '-')}`;
    const value = cells.get(key) ?? '';
    const check = parsed(unitId, element, cocId);
    const failure = failedEntries.find((e) => e.coalesceKey === `${form.period.id}|${key}`);
    const before = previous.get(key);
    const hint = before ? t('reports.previous', { period: form.previousPeriod.label, value: shown(before, element) }) : t('reports.previousNone', { period: form.previousPeriod.label });
    const update = (raw: string) => setCells((old) => new Map(old).set(key, raw));
    const common = {
      id,
      disabled: !form.editable,
      'aria-invalid': !check.ok || failure !== undefined,
      'aria-describedby': `${id}-hint${!check.ok ? ` ${id}-error` : ''}`,
    };
    return (
      <div className="cell" key={key}>
        <label htmlFor={id}>
          {label}
          {element.unitOfMeasure && <span className="muted"> ({element.unitOfMeasure})</span>}
        </label>
        {element.valueType === 'yes_no' ? (
          <select {...common} value={value} onChange={(event) => (update(event.target.value), save(unitId, element, cocId, event.target.value))}>
            <option value="">—</option>
            <option value="1">{t('common.yes')}</option>
            <option value="0">{t('common.no')}</option>
          </select>
        ) : element.valueType === 'text' ? (
          <textarea {...common} rows={2} value={value} onChange={(event) => update(event.target.value)} onBlur={(event) => save(unitId, element, cocId, event.target.value)} />
        ) : (
          <input
            {...common}
            inputMode={element.valueType === 'integer' ? 'numeric' : 'decimal'}
            autoComplete="off"
            value={value}
            onChange={(event) => update(event.target.value)}
            onBlur={(event) => save(unitId, element, cocId, event.target.value)}
          />
        )}
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
        {!check.ok && (
          <small id={`${id}-error`} className="cell-error">
            {check.message}
          </small>
        )}
        {failure?.error && <small className="cell-error">{failure.error}</small>}
      </div>
    );
  };

  const elementCells = (unitId: number, element: TDataElement) => {
    if (element.optionCombos.length <= 1) return input(unitId, element, element.optionCombos[0]?.id ?? 0, element.name);
    const total = element.optionCombos
      .map((c) => parsed(unitId, element, c.id))
      .reduce((sum, r) => sum + (r.ok && r.num !== null ? r.num : 0), 0);
    return (
      <fieldset className="cell-group" key={element.id}>
        <legend>{element.name}</legend>
        {element.optionCombos.map((c) => input(unitId, element, c.id, `${element.name}: ${c.name}`))}
        <p className="muted">
          {t('reports.total')}: {formatNumber(total)}
        </p>
      </fieldset>
    );
  };

  return (
    <form className="entry-form" onSubmit={(event) => event.preventDefault()} noValidate>
      {form.rows.map((row) =>
        form.rows.length > 1 ? (
          <fieldset key={row.unitId} className="entry-row">
            <legend>{row.name}</legend>
            {form.elements.map((element) => elementCells(row.unitId, element))}
          </fieldset>
        ) : (
          <div key={row.unitId} className="entry-row">
            {form.elements.map((element) => elementCells(row.unitId, element))}
          </div>
        ),
      )}
      <section aria-labelledby="checks-title" className="checks">
        <h2 id="checks-title">{t('reports.violations')}</h2>
        {violations.length === 0 ? (
          <p className="success">{t('reports.noViolations')}</p>
        ) : (
          <ul>
            {violations.map((v, i) => (
              <li key={`${v.code}-${i}`} className={v.severity === 'error' ? 'check-error' : 'check-warning'}>
                <strong>{v.severity === 'error' ? t('reports.blocking') : t('reports.warning')}:</strong> {v.many ? `${v.row}: ` : ''}
                {v.message}
              </li>
            ))}
          </ul>
        )}
      </section>
    </form>
  );
}
