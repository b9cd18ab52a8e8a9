import type { TCategoryCombo, TDataElement, TDataSet, TIndicator } from '#contracts/indicators/metadata.api.ts';
import type { ComboCategories, IndicatorRow } from './metadata-write.repository.ts';
import type { DataSetParts, DataSetRow, ElementRow, OptionComboRow } from './metadata.repository.ts';

export function toDataSet(row: Omit<DataSetRow, 'owner_path'>, parts: DataSetParts): TDataSet {
  const assignments = parts.assignments.filter((a) => a.data_set_id === row.id);
  return {
    id: row.id,
    code: row.code,
    dhis2Uid: row.dhis2_uid,
    name: row.name,
    periodType: row.period_type,
    dueDays: row.due_days,
    lockDays: row.lock_days,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_name,
    active: row.active,
    levels: assignments.flatMap((a) => (a.level ? [a.level] : [])),
    unitIds: assignments.flatMap((a) => (a.unit_id ? [a.unit_id] : [])),
    elements: parts.elements
      .filter((e) => e.data_set_id === row.id)
      .map((e) => ({ dataElementId: e.data_element_id, section: e.section, sort: e.sort, required: e.required })),
    rules: parts.rules
      .filter((r) => r.data_set_id === row.id)
      .map((r) => ({
        id: r.id,
        code: r.code,
        leftSide: r.left_side,
        operator: r.operator,
        rightSide: r.right_side,
        severity: r.severity,
        missing: r.missing,
        message: r.message,
      })),
  };
}

export function toDataElement(row: ElementRow, combos: readonly OptionComboRow[]): TDataElement {
  return {
    id: row.id,
    code: row.code,
    dhis2Uid: row.dhis2_uid,
    name: row.name,
    shortName: row.short_name,
    valueType: row.value_type,
    aggregation: row.aggregation,
    unitOfMeasure: row.unit_of_measure,
    comboId: row.combo_id,
    optionCombos: combos.filter((c) => c.combo_id === row.combo_id).map((c) => ({ id: c.id, code: c.code, name: c.name, dhis2Uid: c.dhis2_uid })),
    source: row.source,
    derivedCode: row.derived_code,
    zeroSignificant: row.zero_significant,
    dataSetId: row.data_set_id,
  };
}

export function toIndicator(row: IndicatorRow): TIndicator {
  return {
    id: row.id,
    code: row.code,
    dhis2Uid: row.dhis2_uid,
    name: row.name,
    description: row.description,
    numerator: row.numerator,
    denominator: row.denominator,
    factor: row.factor,
    decimals: row.decimals,
    unitOfMeasure: row.unit_of_measure,
    target: row.target,
    targetDirection: row.target_direction,
  };
}

/** A combo with its categories (in the combo's order), their options and the option combos. */
export function toCategoryCombo(row: { id: number; code: string; name: string }, parts: ComboCategories, combos: readonly OptionComboRow[]): TCategoryCombo {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    categories: parts.categories
      .filter((category) => category.combo_id === row.id)
      .map((category) => ({
        id: category.id,
        code: category.code,
        name: category.name,
        options: parts.options.filter((option) => option.category_id === category.id).map(({ id, code, name }) => ({ id, code, name })),
      })),
    optionCombos: combos.filter((c) => c.combo_id === row.id).map((c) => ({ id: c.id, code: c.code, name: c.name, dhis2Uid: c.dhis2_uid })),
  };
}
