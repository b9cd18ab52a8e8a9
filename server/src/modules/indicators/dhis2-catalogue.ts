import { localUid, parseLocalUid, type Dhis2ObjectKind } from '#contracts/indicators/dhis2-ids.ts';
import type { TIdScheme } from '#contracts/indicators/dhis2.api.ts';
import type { PeriodType } from '#contracts/indicators/period.ts';
import type { ValueType } from '#contracts/indicators/value-type.ts';
import type { Database } from '#server/db/database.ts';
import type { Scope } from '#server/shared/actor.ts';
import { findExistingUnits, listOptionCombos, listUnitsInScope } from './dhis2.repository.ts';
import { dataSetsInScope, findDataSetParts, listElementRows } from './metadata.repository.ts';

/** Objects of one kind by id, DHIS2 uid and code; a uid is the mapped one or the derived one (dhis2-ids.ts). */
export class Lookup<T extends { id: number; code: string | null; uid: string | null }> {
  readonly byId = new Map<number, T>();
  private readonly byUid = new Map<string, T>();
  private readonly byCode = new Map<string, T>();

  constructor(
    private readonly kind: Dhis2ObjectKind,
    entries: Iterable<T>,
  ) {
    for (const entry of entries) {
      this.byId.set(entry.id, entry);
      if (entry.uid) this.byUid.set(entry.uid, entry);
      if (entry.code) this.byCode.set(entry.code, entry);
    }
  }

  /** By uid (mapped, then derived); under CODE by code, then as a uid (objects without a code keep one). */
  find(scheme: TIdScheme, identifier: string): T | undefined {
    if (scheme === 'CODE') {
      const byCode = this.byCode.get(identifier);
      if (byCode) return byCode;
    }
    const mapped = this.byUid.get(identifier);
    if (mapped) return mapped;
    const local = parseLocalUid(identifier);
    return local?.kind === this.kind ? this.byId.get(local.id) : undefined;
  }

  /** The identifier written on export: the code under CODE (when it has one), else the mapped or derived uid. */
  identifier(scheme: TIdScheme, entry: T): string {
    if (scheme === 'CODE' && entry.code) return entry.code;
    return entry.uid ?? localUid(this.kind, entry.id);
  }
}

export interface ElementEntry {
  id: number;
  code: string;
  uid: string | null;
  valueType: ValueType;
  comboId: number;
  zeroSignificant: boolean;
  derived: boolean;
  dataSetId: number | null;
}

export interface OptionComboEntry {
  id: number;
  code: string;
  uid: string | null;
  comboId: number;
}

export interface DataSetEntry {
  id: number;
  code: string;
  uid: string | null;
  periodType: PeriodType;
  /** Village values are reported by their commune (villages have no accounts). */
  villageLevel: boolean;
}

export interface UnitEntry {
  id: number;
  code: string | null;
  uid: string | null;
  structure: '2019' | '2025';
  parentId: number | null;
  level: 'province' | 'district' | 'commune' | 'village';
  path: string;
}

/** The first day of the 2025 structure: a code names the unit of the structure in force at a period's end. */
const REFORM = '2025-07-01';

/** Units of the scope. A code exists once per structure: it names the unit of the period's structure first. */
export class UnitLookup {
  readonly byId = new Map<number, UnitEntry>();
  private readonly byUid = new Map<string, UnitEntry>();
  private readonly byCode = new Map<string, { '2019'?: UnitEntry; '2025'?: UnitEntry }>();

  constructor(units: Iterable<UnitEntry>) {
    for (const unit of units) {
      this.byId.set(unit.id, unit);
      if (unit.uid) this.byUid.set(unit.uid, unit);
      if (unit.code) this.byCode.set(unit.code, { ...this.byCode.get(unit.code), [unit.structure]: unit });
    }
  }

  find(scheme: TIdScheme, identifier: string, periodEnd: string): UnitEntry | undefined {
    if (scheme === 'CODE') {
      const both = this.byCode.get(identifier);
      if (both) return periodEnd < REFORM ? (both['2019'] ?? both['2025']) : (both['2025'] ?? both['2019']);
    }
    const mapped = this.byUid.get(identifier);
    if (mapped) return mapped;
    const local = parseLocalUid(identifier);
    return local?.kind === 'unit' ? this.byId.get(local.id) : undefined;
  }

  identifier(scheme: TIdScheme, unit: { id: number; code: string | null; uid: string | null }): string {
    if (scheme === 'CODE' && unit.code) return unit.code;
    return unit.uid ?? localUid('unit', unit.id);
  }
}

/** What an import resolves identifiers against, loaded once per job from catalogue and reference tables. */
/** Data elements by id, code or uid, as import and export read them. */
export const elementLookup = (rows: Awaited<ReturnType<typeof listElementRows>>) =>
  new Lookup<ElementEntry>(
    'dataElement',
    rows.map((row) => ({
      id: row.id,
      code: row.code,
      uid: row.dhis2_uid,
      valueType: row.value_type,
      comboId: row.combo_id,
      zeroSignificant: row.zero_significant,
      derived: row.source === 'derived',
      dataSetId: row.data_set_id,
    })),
  );

/** Option combos by id, code or uid. */
export const optionComboLookup = (rows: Awaited<ReturnType<typeof listOptionCombos>>) =>
  new Lookup<OptionComboEntry>('optionCombo', rows.map((row) => ({ id: row.id, code: row.code, uid: row.dhis2_uid, comboId: row.combo_id })));

export interface Catalogue {
  elements: Lookup<ElementEntry>;
  optionCombos: Lookup<OptionComboEntry>;
  dataSets: Lookup<DataSetEntry>;
  units: UnitLookup;
  defaultCocId: number;
}

/** Elements national or owned in or above the scope, their data sets, every disaggregation, the scope's units. */
export async function loadCatalogue(db: Database, scope: Scope): Promise<Catalogue> {
  const [elementRows, comboRows, dataSetRows, unitRows] = await Promise.all([
    listElementRows(db, scope),
    listOptionCombos(db),
    dataSetsInScope(db, scope).execute(),
    listUnitsInScope(db, scope),
  ]);
  const { assignments } = await findDataSetParts(db, dataSetRows.map((row) => row.id));
  const villageLevel = new Set(assignments.filter((a) => a.level === 'village').map((a) => a.data_set_id));
  const defaultCoc = comboRows.find((row) => row.code === 'default');
  if (!defaultCoc) throw new Error("the 'default' option combo is missing");
  return {
    elements: elementLookup(elementRows),
    optionCombos: optionComboLookup(comboRows),
    dataSets: new Lookup(
      'dataSet',
      dataSetRows.map((row) => ({ id: row.id, code: row.code, uid: row.dhis2_uid, periodType: row.period_type, villageLevel: villageLevel.has(row.id) })),
    ),
    units: new UnitLookup(
      unitRows.map((row) => ({ id: row.id, code: row.code, uid: row.uid, structure: row.structure, parentId: row.parent_id, level: row.level, path: row.path })),
    ),
    defaultCocId: defaultCoc.id,
  };
}

/**
 * Of unit identifiers the scope does not hold, those that name a unit elsewhere (conflict "outside your scope"
 * rather than "unknown"); answers are kept for the job, so each identifier is looked up once.
 */
export class ForeignUnits {
  private readonly known = new Map<string, boolean>();

  constructor(private readonly db: Database) {}

  async learn(identifiers: Iterable<{ scheme: TIdScheme; identifier: string }>): Promise<void> {
    const uids: string[] = [];
    const codes: string[] = [];
    const ids: number[] = [];
    for (const { scheme, identifier } of identifiers) {
      const key = `${scheme}:${identifier}`;
      if (this.known.has(key)) continue;
      this.known.set(key, false);
      if (scheme === 'CODE') codes.push(identifier);
      uids.push(identifier);
      const local = parseLocalUid(identifier);
      if (local?.kind === 'unit') ids.push(local.id);
    }
    if (uids.length === 0) return;
    const found = await findExistingUnits(this.db, { uids, codes, ids });
    for (const identifier of uids) {
      const local = parseLocalUid(identifier);
      const exists = found.uids.has(identifier) || (local?.kind === 'unit' && found.ids.has(local.id));
      if (exists) this.known.set(`UID:${identifier}`, true);
      if (exists || found.codes.has(identifier)) this.known.set(`CODE:${identifier}`, exists || found.codes.has(identifier));
    }
  }

  has(scheme: TIdScheme, identifier: string): boolean {
    return this.known.get(`${scheme}:${identifier}`) === true;
  }
}
