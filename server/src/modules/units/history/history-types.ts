/** Types of the 2019–2025 unit history (resources/admin-units/history-2019-2025, see its README). */

export type Level = 'province' | 'district' | 'commune';

/** One kind of change; several changes of one unit on one date are one row, in the order moved, type_changed, renamed. */
export type ChangeKind = 'created' | 'abolished' | 'merged_into' | 'renamed' | 'type_changed' | 'moved';

/** How sure the data is of a ceased unit's successor: a published text (or no other possibility), inferred, or not known. */
export type Certainty = 'certain' | 'likely' | 'unknown';

/** A row of a unit list (units-2019-01-01.csv, units-2019.csv). Codes stay strings ("01" ≠ "001"). */
export interface UnitRow {
  code: string;
  /** Short name (`Vĩnh Kim`). */
  name: string;
  /** Unit word + name (`Xã Vĩnh Kim`). */
  fullName: string;
  level: Level;
  /** Lower-case unit type as in the data (`xã`, `thị trấn`, `thành phố trung ương`…). */
  type: string;
  /** A district's province, a commune's district; null for a province. */
  parentCode: string | null;
}

/** A row of changes-2019-2025.csv. Empty old_* (created) and new_* (ceased) values are ''. */
export interface ChangeRow {
  /** Line in the file (header = 1), for messages. */
  line: number;
  /** The day the unit is in its new state (YYYY-MM-DD). */
  effectiveDate: string;
  /** Where the date comes from: instrument_index, instrument_corrected, instrument_index_unverified, instrument_inferred. */
  dateSource: string;
  /** The resolution, e.g. `832/NQ-UBTVQH14`. */
  instrument: string;
  level: Level;
  kinds: ChangeKind[];
  code: string;
  oldName: string;
  newName: string;
  oldType: string;
  newType: string;
  oldParentCode: string | null;
  newParentCode: string | null;
  /** The unit(s) that took over a ceased unit's territory, largest part first; empty when unknown. */
  successorCodes: string[];
  successorCertainty: Certainty | null;
  evidence: string;
}

/** The unit as it was over one period: a change of name, type or parent starts a new version. */
export interface UnitVersion {
  /** First day; null for the state on the 2019-01-01 list (in force since before 2019, date not in the data). */
  validFrom: string | null;
  /** Last day: the day before the next change, or 30/6/2025 for the version that reached the reform. */
  validTo: string;
  name: string;
  fullName: string;
  type: string;
  parentCode: string | null;
  /** The instrument that began this version; null for the 2019-01-01 state. */
  act: string | null;
}

/** One dated change of a unit, for its page ("đổi tên theo …"). */
export interface UnitEvent {
  effectiveDate: string;
  instrument: string;
  dateSource: string;
  kinds: ChangeKind[];
}

/** How a unit ended before the reform: merged whole into one unit, divided among several, or successor unknown. */
export interface UnitEnd {
  effectiveDate: string;
  instrument: string;
  kind: 'merged' | 'split' | 'unknown';
  certainty: Certainty;
  /** Largest part first; empty when unknown. */
  successorCodes: string[];
}

/** The whole life of one code of the 4-level structure between 2019-01-01 and 30/6/2025. */
export interface UnitLife {
  code: string;
  level: Level;
  /** Null: on the 2019-01-01 list; otherwise the day it was created. */
  validFrom: string | null;
  /** The day before it ceased, or 30/6/2025. */
  validTo: string;
  /** Dated states in order; the last one is the state at `validTo`. */
  versions: UnitVersion[];
  /** Every change row of the unit, in date order (created, renamed, type_changed, moved, ceased). */
  events: UnitEvent[];
  end: UnitEnd | null;
}

/** A succession link like those of 2025: the old unit's territory went (wholly or in part) to the new one. */
export interface SuccessionLink {
  oldCode: string;
  newCode: string;
  kind: 'merged' | 'split';
  effectiveDate: string;
  instrument: string;
  certainty: 'certain' | 'likely';
}

/** A full name of the 2019-01-01 list that disagrees with its type, replaced by unit word + name. */
export interface FullNameFix {
  code: string;
  given: string;
  used: string;
}

/** The replay's result: every unit that existed, the succession links, and inconsistencies found (none expected). */
export interface UnitHistory {
  units: Map<string, UnitLife>;
  successions: SuccessionLink[];
  problems: string[];
  fullNameFixes: FullNameFix[];
}
