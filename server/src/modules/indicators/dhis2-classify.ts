import { DEFAULT_COC_UID } from '#contracts/indicators/dhis2-ids.ts';
import type { TIdScheme, TImportStrategy } from '#contracts/indicators/dhis2.api.ts';
import { isFuturePeriod, parsePeriod, periodEnd } from '#contracts/indicators/period.ts';
import { parseCellValue, type ValueType } from '#contracts/indicators/value-type.ts';
import { msg } from '#server/shared/messages.ts';
import type { Catalogue, DataSetEntry, ElementEntry, ForeignUnits, UnitEntry } from './dhis2-catalogue.ts';
import type { RawValue } from './dhis2-import-read.ts';
import type { Dhis2ErrorCode, SummaryBuilder } from './dhis2-summary.ts';

/** Longest comment kept (DHIS2 2.43's limit; 2.42 has E7620 for an invalid one). */
export const MAX_COMMENT = 5000;

export interface ImportSettings {
  strategy: TImportStrategy;
  schemes: { dataElement: TIdScheme; orgUnit: TIdScheme; categoryOptionCombo: TIdScheme };
  /** The header's period, unit and attribute option combo, for values that omit them. */
  defaults: { period?: string; orgUnit?: string; attributeOptionCombo?: string };
  /** The file's data set (JSON header or the `dataSet` parameter), when given. */
  dataSet: DataSetEntry | null;
  today: string;
  /** A CSV's positions are told as lines (the header is line 1), a JSON's as the n-th value. */
  format: 'json' | 'csv';
}

/** A value that passed every check that needs no database: what to write, or remove. */
export interface Candidate {
  index: number;
  unitId: number;
  period: string;
  elementId: number;
  cocId: number;
  num: number | null;
  txt: string | null;
  comment: string | null;
  /** write: store the value; delete: remove it (flag or DELETE strategy); zero: a zero DHIS2 does not keep. */
  intent: 'write' | 'delete' | 'zero';
  /** The report the value belongs to (its element's data set), null for an element outside any data set. */
  report: { dataSetId: number; dataSetCode: string; unitId: number } | null;
}

/** DHIS2 2.42 reads these booleans exactly (ValidationUtils): a yes/no element stores 1 or 0. */
const DHIS2_TRUE = new Set(['true', 'True', 'TRUE', 't', 'T', '1']);
const DHIS2_FALSE = new Set(['false', 'False', 'FALSE', 'f', 'F', '0']);
const NUMERIC: ReadonlySet<ValueType> = new Set(['number', 'integer', 'percentage']);

class Rejected extends Error {
  constructor(
    readonly code: Dhis2ErrorCode,
    readonly object: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const reject = (code: Dhis2ErrorCode, object: string | undefined, reason: string): never => {
  throw new Rejected(code, object ?? '', reason);
};

/**
 * Checks each value as DHIS2 2.42 does, in its order (element, period, unit, disaggregation, attribute combo,
 * value), adding a conflict for each refused value; the same key twice in a file is refused after the first
 * (2.43's E8128, per value). What passes becomes a Candidate; the database decides the rest per batch.
 */
export class Classifier {
  /** First index of each key seen in the file: `element|period|coc` → unit → index. */
  private readonly seen = new Map<string, Map<number, number>>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly settings: ImportSettings,
    private readonly summary: SummaryBuilder,
  ) {}

  /** Unit identifiers of the batch the scope does not hold (to learn which exist elsewhere). */
  unknownUnits(batch: readonly RawValue[]): { scheme: TIdScheme; identifier: string }[] {
    const scheme = this.settings.schemes.orgUnit;
    const unknown: { scheme: TIdScheme; identifier: string }[] = [];
    for (const raw of batch) {
      const identifier = raw.orgUnit ?? this.settings.defaults.orgUnit;
      const period = parsePeriod(raw.period ?? this.settings.defaults.period ?? '');
      if (identifier && !this.catalogue.units.find(scheme, identifier, period ? periodEnd(period.id) : this.settings.today)) {
        unknown.push({ scheme, identifier });
      }
    }
    return unknown;
  }

  classify(batch: readonly RawValue[], foreign: ForeignUnits): Candidate[] {
    const candidates: Candidate[] = [];
    for (const raw of batch) {
      try {
        const candidate = this.check(raw, foreign);
        if (candidate) candidates.push(candidate);
      } catch (error) {
        if (!(error instanceof Rejected)) throw error;
        this.summary.reject(raw.index, error.code, error.object, error.reason);
      }
    }
    return candidates;
  }

  private check(raw: RawValue, foreign: ForeignUnits): Candidate | null {
    const { catalogue, settings } = this;
    const element = this.element(raw.dataElement);
    const dataSet = element.dataSetId === null ? null : (catalogue.dataSets.byId.get(element.dataSetId) ?? null);
    const period = this.period(raw.period ?? settings.defaults.period, dataSet);
    const unit = this.unit(raw.orgUnit ?? settings.defaults.orgUnit, periodEnd(period), foreign);
    const cocId = this.optionCombo(raw.categoryOptionCombo, element);
    this.attributeCombo(raw.attributeOptionCombo ?? settings.defaults.attributeOptionCombo);
    const named = raw.dataElement ?? '';
    const comment = raw.comment ?? null;
    if (comment !== null && comment.length > MAX_COMMENT) reject('E7620', named, msg('indicators.dhis2.E7620', { max: MAX_COMMENT }));
    let intent: Candidate['intent'] = 'write';
    let num: number | null = null;
    let txt: string | null = null;
    if (raw.deleted || settings.strategy === 'DELETE') intent = 'delete';
    else {
      ({ num, txt } = this.value(raw.value, element, named));
      if (num === 0 && !element.zeroSignificant && NUMERIC.has(element.valueType)) intent = 'zero';
    }
    this.once(raw.index, named, element.id, period, cocId, unit.id);
    const report = dataSet
      ? { dataSetId: dataSet.id, dataSetCode: dataSet.code, unitId: dataSet.villageLevel && unit.level === 'village' && unit.parentId ? unit.parentId : unit.id }
      : null;
    return { index: raw.index, unitId: unit.id, period, elementId: element.id, cocId, num, txt, comment, intent, report };
  }

  private element(identifier: string | undefined): ElementEntry {
    const element = identifier ? this.catalogue.elements.find(this.settings.schemes.dataElement, identifier) : undefined;
    if (!element) return reject('E7610', identifier, msg('indicators.dhis2.E7610'));
    if (element.derived) reject('DVS101', identifier, msg('indicators.dhis2.DVS101'));
    const fileSet = this.settings.dataSet;
    if (fileSet && element.dataSetId !== fileSet.id) reject('E7633', identifier, msg('indicators.dhis2.E7633', { dataSet: fileSet.code }));
    return element;
  }

  private period(given: string | undefined, dataSet: DataSetEntry | null): string {
    const period = parsePeriod(given?.trim() ?? '');
    if (!period) return reject('E7611', given, msg('indicators.dhis2.E7611'));
    if (dataSet && period.type !== dataSet.periodType) reject('E7632', given, msg('indicators.dhis2.E7632', { period: period.id, dataSet: dataSet.code }));
    if (isFuturePeriod(period.id, this.settings.today)) reject('E7641', given, msg('indicators.dhis2.E7641', { period: period.id }));
    return period.id;
  }

  private unit(identifier: string | undefined, end: string, foreign: ForeignUnits): UnitEntry {
    const scheme = this.settings.schemes.orgUnit;
    const unit = identifier ? this.catalogue.units.find(scheme, identifier, end) : undefined;
    if (unit) return unit;
    if (identifier && foreign.has(scheme, identifier)) return reject('E7617', identifier, msg('indicators.dhis2.E7617'));
    return reject('E7612', identifier, msg('indicators.dhis2.E7612'));
  }

  private optionCombo(identifier: string | undefined, element: ElementEntry): number {
    const coc = identifier ? this.catalogue.optionCombos.find(this.settings.schemes.categoryOptionCombo, identifier) : this.catalogue.optionCombos.byId.get(this.catalogue.defaultCocId);
    if (!coc) return reject('E7613', identifier, msg('indicators.dhis2.E7613'));
    if (coc.comboId !== element.comboId) reject('E7634', identifier ?? DEFAULT_COC_UID, msg('indicators.dhis2.E7634', { element: element.code }));
    return coc.id;
  }

  private attributeCombo(identifier: string | undefined): void {
    if (!identifier || identifier === DEFAULT_COC_UID) return;
    const coc = this.catalogue.optionCombos.find(this.settings.schemes.categoryOptionCombo, identifier);
    if (coc?.id !== this.catalogue.defaultCocId) reject('E7615', identifier, msg('indicators.dhis2.E7615', { default: DEFAULT_COC_UID }));
  }

  private value(given: string | undefined, element: ElementEntry, named: string): { num: number | null; txt: string | null } {
    if (given === undefined || given.trim() === '') return reject('E7618', named, msg('indicators.dhis2.E7618'));
    const text = element.valueType === 'yes_no' && DHIS2_TRUE.has(given) ? '1' : element.valueType === 'yes_no' && DHIS2_FALSE.has(given) ? '0' : given;
    const parsed = parseCellValue(element.valueType, text);
    if (!parsed.ok) return reject('E7619', named, msg('indicators.dhis2.E7619', { element: element.code, problem: parsed.message }));
    return { num: parsed.num, txt: parsed.txt };
  }

  /** The first value of a key is kept; later ones in the same file are refused. */
  private once(index: number, named: string, elementId: number, period: string, cocId: number, unitId: number): void {
    const group = `${elementId}|${period}|${cocId}`;
    let units = this.seen.get(group);
    if (!units) {
      units = new Map();
      this.seen.set(group, units);
    }
    const first = units.get(unitId);
    if (first !== undefined) {
      reject('E8128', named, this.settings.format === 'csv' ? msg('indicators.dhis2.E8128csv', { line: first + 2 }) : msg('indicators.dhis2.E8128', { n: first + 1 }));
    }
    units.set(unitId, index);
  }
}
