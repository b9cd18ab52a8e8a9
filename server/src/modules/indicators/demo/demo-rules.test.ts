import { describe, expect, it } from 'vitest';
import { dueDate, lockDate, periodEnd } from '#contracts/indicators/period.ts';
import { evaluateRules, type ValidationRule } from '#contracts/indicators/validation.ts';
import { parseExpression } from '#contracts/indicators/expression.ts';
import { Random } from '#server/demo/random.ts';
import { vietnamDate } from '#server/shared/clock.ts';
import { DATA_SETS, INDICATORS, MONTHLY } from './demo-catalogue.ts';
import { communeTraits, draftRows, misfiledCells, monthlyCells, villageCells, type Cell } from './demo-figures.ts';
import { reportTimeline, type TimelineInput } from './demo-timeline.ts';

const input = (over: Partial<TimelineInput> = {}): TimelineInput => ({
  period: '202508',
  dueDays: 5,
  lockDays: 15,
  chain: '2025',
  today: '2026-12-02',
  lateShare: 0.08,
  returnShare: 0.04,
  missingShare: 0.015,
  returnReason: 'trả lại',
  ...over,
});

const draw = (n: number, over: Partial<TimelineInput> = {}) => {
  const rng = new Random(7);
  return Array.from({ length: n }, (_, i) => reportTimeline(rng.fork(String(i)), input(over)));
};

const sum = (cells: readonly Cell[], element: string, option?: string) =>
  cells.filter((c) => c.element === element && (option === undefined || c.option === option)).reduce((total, c) => total + c.value, 0);

describe('demo report courses', () => {
  it('a month long past: every report made is approved, ~8% late (by the due date), ~4% returned once, ~1.5% never made', () => {
    const timelines = draw(4000);
    const made = timelines.filter((t) => t !== null);
    expect(made.every((t) => t.state === 'approved' && t.approvedAt !== null)).toBe(true);
    for (const t of made) {
      const first = t.events[0];
      expect(first?.to).toBe('submitted');
      // on time = first submission (Vietnam date) on or before the due date, and entry never after the lock
      expect(t.onTime).toBe(vietnamDate(first?.at as Date) <= dueDate('202508', 5));
      expect(vietnamDate(first?.at as Date) <= lockDate('202508', 15)).toBe(true);
      expect(vietnamDate(t.createdAt) >= periodEnd('202508')).toBe(true);
      const times = [t.createdAt, ...t.events.map((e) => e.at)].map((d) => d.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(t.events.map((e) => e.to)).toEqual(t.correctedAt ? ['submitted', 'returned', 'submitted', 'approved'] : ['submitted', 'approved']);
      expect(t.holder).toBe(1);
    }
    const share = (n: number) => n / made.length;
    expect(share(made.filter((t) => t.onTime === false).length)).toBeGreaterThan(0.06);
    expect(share(made.filter((t) => t.onTime === false).length)).toBeLessThan(0.1);
    expect(share(made.filter((t) => t.correctedAt !== null).length)).toBeGreaterThan(0.025);
    expect(share(made.filter((t) => t.correctedAt !== null).length)).toBeLessThan(0.055);
    expect(timelines.length - made.length).toBeGreaterThan(30);
    expect(timelines.length - made.length).toBeLessThan(90);
    const returned = made.find((t) => t.correctedAt !== null);
    expect(returned?.events[1]).toMatchObject({ by: 'province', reason: 'trả lại' });
  });

  it('in the 2019 structure the district accepts before the province approves, and the report ends at the province', () => {
    const made = draw(300, { period: '202503', chain: '2019' }).filter((t) => t !== null);
    expect(made.every((t) => t.events.at(-2)?.to === 'accepted' && t.events.at(-2)?.by === 'district' && t.events.at(-1)?.by === 'province')).toBe(true);
    expect(made.every((t) => t.holder === 2)).toBe(true);
  });

  it('the month before today is cut at today: some submitted, some draft, some not begun; nothing dated today or later', () => {
    const timelines = draw(1000, { period: '202611' });
    const states = timelines.map((t) => t?.state ?? 'none');
    const count = (state: string) => states.filter((s) => s === state).length;
    expect(count('submitted')).toBeGreaterThan(100);
    expect(count('draft')).toBeGreaterThan(100);
    expect(count('none')).toBeGreaterThan(100);
    expect(count('approved')).toBe(0);
    const dates = timelines.flatMap((t) => (t ? [t.createdAt, ...t.events.map((e) => e.at)] : [])).map(vietnamDate);
    expect(dates.every((d) => d < '2026-12-02')).toBe(true);
  });

  it('a stalled return stays returned, with the commune holding it', () => {
    const returned = draw(2000, { period: '202510', stalled: true }).filter((t) => t?.events.some((e) => e.to === 'returned'));
    expect(returned.length).toBeGreaterThan(30);
    expect(returned.every((t) => t?.state === 'returned' && t.holder === 0 && t.awaitingCorrection)).toBe(true);
  });
});

describe('demo figures', () => {
  const rules: ValidationRule[] = MONTHLY.rules.map((rule) => ({ code: rule.code, leftSide: rule.left, operator: rule.operator, rightSide: rule.right, severity: rule.severity, missing: 'skip_if_any_missing', message: rule.message }));
  const lookup = (cells: readonly Cell[]) => (op: { element: string; coc: string | null }) => sum(cells, op.element);

  it('a month of a commune passes the blocking rules; by field resolved ≤ received; dossiers on time ≤ received', () => {
    const rng = new Random(11);
    let warnings = 0;
    for (let i = 0; i < 500; i++) {
      const traits = communeTraits(rng.fork(`t${i}`), { structure: i % 2 ? '2019' : '2025', villages: 9 });
      const cells = monthlyCells(rng.fork(`m${i}`), traits, '202503');
      expect(cells).toHaveLength(13);
      expect(cells.every((c) => Number.isInteger(c.value) && c.value >= 0)).toBe(true);
      for (const option of ['DAT_DAI', 'CHINH_SACH_XA_HOI', 'KHAC']) {
        expect(sum(cells, 'DV_DON_GIAI_QUYET', option)).toBeLessThanOrEqual(sum(cells, 'DV_DON_TIEP_NHAN', option));
      }
      const result = evaluateRules(rules, lookup(cells));
      expect(result.violations.filter((v) => v.severity === 'error')).toEqual([]);
      warnings += result.violations.length;
    }
    // about a fifth of the communes send their cadres out less than 3 days a month
    expect(warnings).toBeGreaterThan(40);
    expect(warnings).toBeLessThan(200);
  });

  it('a misfiled report passes the blocking rule on totals but has more land petitions resolved than received', () => {
    const cells = monthlyCells(new Random(3), communeTraits(new Random(4), { structure: '2025', villages: 20 }), '202509');
    const wrong = misfiledCells(cells);
    const sent = cells.map((c) => wrong.find((w) => w.element === c.element && w.option === c.option) ?? c);
    expect(sum(sent, 'DV_DON_GIAI_QUYET', 'DAT_DAI')).toBeGreaterThan(sum(sent, 'DV_DON_TIEP_NHAN', 'DAT_DAI'));
    expect(evaluateRules(rules, lookup(sent)).violations.filter((v) => v.severity === 'error')).toEqual([]);
    expect(sum(sent, 'DV_DON_TIEP_NHAN') - sum(cells, 'DV_DON_TIEP_NHAN')).toBe(sum(sent, 'DV_DON_GIAI_QUYET') - sum(cells, 'DV_DON_GIAI_QUYET'));
  });

  it('a draft holds whole sections from the top of a commune form, or the first villages of a village form', () => {
    const sectionOf = (element: string) => MONTHLY.elements.find((e) => e.code === element)?.section ?? '';
    const cells = monthlyCells(new Random(8), communeTraits(new Random(9), { structure: '2025', villages: 20 }), '202611');
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const [row] = draftRows(new Random(i), [{ unitId: 1, cells }], sectionOf);
      const kept = row?.cells ?? [];
      seen.add(kept.length);
      // a prefix of the form, cut between sections
      expect(kept).toEqual(cells.slice(0, kept.length));
      expect(sectionOf(cells[kept.length]?.element ?? '')).not.toBe(sectionOf(kept.at(-1)?.element ?? ''));
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([2, 9, 11]);
    const villages = Array.from({ length: 12 }, (_, i) => ({ unitId: i, cells: villageCells(new Random(i), 2025) }));
    const draft = draftRows(new Random(1), villages, sectionOf);
    expect(draft.length).toBeGreaterThan(0);
    expect(draft.length).toBeLessThan(12);
    expect(draft).toEqual(villages.slice(0, draft.length));
  });

  it('villages: about 80–85% have an effective mediation team, about 2 self-management models on average', () => {
    const rng = new Random(5);
    for (const [year, low, high] of [[2024, 0.72, 0.84], [2025, 0.76, 0.9]] as const) {
      const cells = Array.from({ length: 2000 }, (_, i) => villageCells(rng.fork(`${year}:${i}`), year));
      const teams = cells.reduce((n, c) => n + sum(c, 'DV_THON_HOA_GIAI'), 0) / cells.length;
      const models = cells.reduce((n, c) => n + sum(c, 'DV_MO_HINH_TU_QUAN'), 0) / cells.length;
      expect(teams).toBeGreaterThan(low);
      expect(teams).toBeLessThan(high);
      expect(models).toBeGreaterThan(1.7);
      expect(models).toBeLessThan(2.6);
    }
  });

  it('every formula of the catalogue parses and names elements of the data sets (or the derived village count)', () => {
    const codes = new Set(DATA_SETS.flatMap((set) => set.elements.map((e) => e.code)));
    const formulas = [...DATA_SETS.flatMap((set) => set.rules.flatMap((r) => [r.left, r.right])), ...INDICATORS.flatMap((i) => [i.numerator, i.denominator])];
    for (const formula of formulas) {
      const parsed = parseExpression(formula);
      expect(parsed.ok, formula).toBe(true);
      if (parsed.ok) for (const op of parsed.operands) expect(codes.has(op.element) || op.element === 'UNITS_VILLAGES', formula).toBe(true);
    }
  });
});
