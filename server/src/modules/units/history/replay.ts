import { addDays } from '#contracts/indicators/period.ts';
import type { ChangeKind, ChangeRow, FullNameFix, Level, SuccessionLink, UnitHistory, UnitLife, UnitRow, UnitVersion } from './history-types.ts';

/** Last day of the 4-level structure, the end of the history data (the same day as REFORM_LAST_DAY). */
export const HISTORY_LAST_DAY = '2025-06-30';

const LEVEL_ABOVE: Record<Level, Level | null> = { province: null, district: 'province', commune: 'district' };
const CEASING: readonly ChangeKind[] = ['abolished', 'merged_into'];

/**
 * Unit word of each type (`xã` → `Xã`, `thành phố trung ương` → `Thành phố`), read from the 2019 list itself so
 * that the code holds no Vietnamese text: the word most full names of that type start with.
 */
function unitWords(units: UnitRow[]): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const unit of units) {
    if (!unit.fullName.endsWith(` ${unit.name}`)) continue;
    const word = unit.fullName.slice(0, -unit.name.length - 1);
    const ofType = votes.get(unit.type) ?? new Map<string, number>();
    ofType.set(word, (ofType.get(word) ?? 0) + 1);
    votes.set(unit.type, ofType);
  }
  return new Map([...votes].map(([type, words]) => [type, [...words].sort((a, b) => b[1] - a[1])[0]?.[0] as string]));
}

/** Kinds a row must carry, from the fields it changes (moved, type_changed, renamed order). */
function changedKinds(row: ChangeRow): ChangeKind[] {
  const kinds: ChangeKind[] = [];
  if (row.oldParentCode !== row.newParentCode) kinds.push('moved');
  if (row.oldType !== row.newType) kinds.push('type_changed');
  if (row.oldName !== row.newName) kinds.push('renamed');
  return kinds;
}

interface Replay {
  lives: Map<string, UnitLife>;
  /** The version in force of every unit in force. */
  current: Map<string, UnitVersion>;
  words: Map<string, string>;
  successions: SuccessionLink[];
  problems: string[];
}

function fullName(replay: Replay, type: string, name: string, where: string): string {
  const word = replay.words.get(type);
  if (word === undefined) replay.problems.push(`${where}: unknown unit type ${JSON.stringify(type)}`);
  return `${word ?? type} ${name}`;
}

/** The state a change row starts: its new name, type and parent from its effective date, under its instrument. */
function versionFrom(replay: Replay, row: ChangeRow, where: string): UnitVersion {
  return {
    validFrom: row.effectiveDate,
    validTo: HISTORY_LAST_DAY,
    name: row.newName,
    fullName: fullName(replay, row.newType, row.newName, where),
    type: row.newType,
    parentCode: row.newParentCode,
    act: row.instrument,
  };
}

function create(replay: Replay, row: ChangeRow, where: string): void {
  if (replay.lives.has(row.code)) return void replay.problems.push(`${where}: code already used`);
  const version = versionFrom(replay, row, where);
  replay.lives.set(row.code, { code: row.code, level: row.level, validFrom: row.effectiveDate, validTo: HISTORY_LAST_DAY, versions: [version], events: [], end: null });
  replay.current.set(row.code, version);
}

function cease(replay: Replay, row: ChangeRow, life: UnitLife, version: UnitVersion, where: string): void {
  const many = row.successorCodes.length > 1;
  const certainty = row.successorCertainty ?? 'unknown';
  const merged = row.kinds[0] === 'merged_into';
  const consistent = merged
    ? row.successorCodes.length === 1 && certainty !== 'unknown'
    : (row.successorCodes.length === 0 && certainty === 'unknown') || (many && certainty !== 'unknown');
  if (row.kinds.length !== 1 || !consistent) replay.problems.push(`${where}: kind, successor and confidence disagree`);
  life.validTo = addDays(row.effectiveDate, -1);
  version.validTo = life.validTo;
  life.end = {
    effectiveDate: row.effectiveDate,
    instrument: row.instrument,
    kind: row.successorCodes.length === 0 ? 'unknown' : many ? 'split' : 'merged',
    certainty,
    successorCodes: row.successorCodes,
  };
  if (certainty !== 'unknown') {
    for (const newCode of row.successorCodes) {
      replay.successions.push({ oldCode: row.code, newCode, kind: many ? 'split' : 'merged', effectiveDate: row.effectiveDate, instrument: row.instrument, certainty });
    }
  }
  replay.current.delete(row.code);
}

function change(replay: Replay, row: ChangeRow, life: UnitLife, version: UnitVersion, where: string): void {
  if (changedKinds(row).join('+') !== row.kinds.join('+')) replay.problems.push(`${where}: kind ${row.kinds.join('+')} does not match the fields changed`);
  if (version.validFrom === row.effectiveDate) replay.problems.push(`${where}: a second change of the unit on the same day`);
  const next = versionFrom(replay, row, where);
  version.validTo = addDays(row.effectiveDate, -1);
  life.versions.push(next);
  replay.current.set(row.code, next);
}

function apply(replay: Replay, row: ChangeRow): void {
  const where = `line ${row.line} (${row.effectiveDate} ${row.code} ${row.kinds.join('+')})`;
  if (row.kinds.includes('created')) {
    if (row.kinds.length > 1) replay.problems.push(`${where}: created with other kinds`);
    create(replay, row, where);
  } else {
    const life = replay.lives.get(row.code);
    const version = replay.current.get(row.code);
    if (!life || !version) return void replay.problems.push(`${where}: code not in force`);
    if (life.level !== row.level) replay.problems.push(`${where}: level ${row.level}, unit is a ${life.level}`);
    const seen = [version.name, version.type, version.parentCode].join('|');
    if (seen !== [row.oldName, row.oldType, row.oldParentCode].join('|')) replay.problems.push(`${where}: old values differ from the state (${seen})`);
    if (row.kinds.some((kind) => CEASING.includes(kind))) cease(replay, row, life, version, where);
    else change(replay, row, life, version, where);
  }
  replay.lives.get(row.code)?.events.push({ effectiveDate: row.effectiveDate, instrument: row.instrument, dateSource: row.dateSource, kinds: row.kinds });
}

/**
 * Checks the state after all rows of one date: every parent is in force one level up, and every successor named
 * that day is in force at the same level (or, for a commune of a district left without communes, that district).
 */
function checkDate(replay: Replay, date: string, rows: ChangeRow[]): void {
  for (const [code, version] of replay.current) {
    const level = replay.lives.get(code)?.level as Level;
    const parent = version.parentCode === null ? null : replay.current.get(version.parentCode);
    const parentLevel = version.parentCode === null ? null : replay.lives.get(version.parentCode)?.level;
    if ((LEVEL_ABOVE[level] === null) !== (version.parentCode === null) || (version.parentCode !== null && (!parent || parentLevel !== LEVEL_ABOVE[level]))) {
      replay.problems.push(`${date} ${code}: parent ${version.parentCode ?? '-'} not in force at the level above`);
    }
  }
  for (const row of rows) {
    for (const successor of row.successorCodes) {
      const life = replay.lives.get(successor);
      const ownDistrict = row.level === 'commune' && successor === row.oldParentCode && life?.level === 'district';
      if (!replay.current.has(successor) || (life?.level !== row.level && !ownDistrict)) {
        replay.problems.push(`line ${row.line}: successor ${successor} not in force at the same level on ${date}`);
      }
    }
  }
}

/**
 * Applies the dated changes to the 2019-01-01 list, rows in effective-date order (file order within a date), as
 * replay.py does: `created` adds a unit, `abolished`/`merged_into` end it on the day before, every other kind
 * starts a new version with the new name, type and parent. Returns every unit's life, the succession links of the
 * ceased units whose successor is known, and the inconsistencies found (old values that differ from the replayed
 * state, kinds that do not match the fields changed, parents or successors not in force). Full names are unit word
 * + name throughout, as replay.py rebuilds them; a full name of the 2019 list that is not is replaced and listed in
 * `fullNameFixes`.
 */
export function replayHistory(units: UnitRow[], changes: ChangeRow[]): UnitHistory {
  const problems: string[] = [];
  const fullNameFixes: FullNameFix[] = [];
  const replay: Replay = { lives: new Map(), current: new Map(), words: unitWords(units), successions: [], problems };
  for (const unit of units) {
    if (replay.lives.has(unit.code)) problems.push(`${unit.code}: twice in the 2019 list`);
    const built = fullName(replay, unit.type, unit.name, unit.code);
    if (built !== unit.fullName) fullNameFixes.push({ code: unit.code, given: unit.fullName, used: built });
    const version: UnitVersion = { validFrom: null, validTo: HISTORY_LAST_DAY, name: unit.name, fullName: built, type: unit.type, parentCode: unit.parentCode, act: null };
    replay.lives.set(unit.code, { code: unit.code, level: unit.level, validFrom: null, validTo: HISTORY_LAST_DAY, versions: [version], events: [], end: null });
    replay.current.set(unit.code, version);
  }
  const byDate = new Map<string, ChangeRow[]>();
  for (const row of changes) {
    const rows = byDate.get(row.effectiveDate);
    if (rows) rows.push(row);
    else byDate.set(row.effectiveDate, [row]);
  }
  checkDate(replay, 'on 2019-01-01', []);
  for (const date of [...byDate.keys()].sort()) {
    if (date > HISTORY_LAST_DAY) problems.push(`${date}: change after the end of the 4-level structure`);
    const rows = byDate.get(date) as ChangeRow[];
    for (const row of rows) apply(replay, row);
    checkDate(replay, date, rows);
  }
  return { units: replay.lives, successions: replay.successions, problems, fullNameFixes };
}
