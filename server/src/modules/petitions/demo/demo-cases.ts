import type { TCaseChannel, TCaseKind, TCaseOutcome, TCaseStatus, TSatisfaction, TStepKind } from '#contracts/petitions/case.schemas.ts';
import type { Random } from '#server/demo/random.ts';
import { addDays } from '../petition.rules.ts';
import { HOT_SPOT_TEXTS, TEXTS, type CaseText } from './demo-texts.ts';

/**
 * The demo's cases as pure drafts (no ids, no deadlines yet): who filed what, where, when, through which channel,
 * and how far each went through the lifecycle by `today`. Dates of later steps are drawn here; the due dates come
 * from the legal module in the step (petitions-demo-step.ts), which then decides on time / late.
 */

/** A commune as the generator needs it: id, name, villages, and the units that receive its cases. */
export interface DemoCommune {
  id: number;
  name: string;
  structure: '2019' | '2025';
  villages: ReadonlyArray<{ id: number; name: string }>;
  /** The district (2019) above it, if any. */
  districtId: number | null;
  /** A mountain or remote commune (vùng sâu, vùng xa: longer complaint time limits). */
  remote: boolean;
}

export interface DemoPersonDraft {
  role: 'filer' | 'representative';
}

/** How far a case went, with the dates drawn for each step (null: not reached). */
export interface CasePath {
  /** The end the case heads to: resolved, or ended early (refused, transferred, withdrawn, duplicate). */
  end: 'resolve' | 'refuse' | 'transfer' | 'withdraw' | 'duplicate';
  acceptAfter: number;
  /** Days from acceptance (or receipt for recommendations) to the conclusion. */
  resolveAfter: number;
  extend: boolean;
  notifyAfter: number;
  closeAfter: number;
  appeal: boolean;
  satisfaction: TSatisfaction | null;
  /** Left open whatever its age: the demo's overdue cases. */
  stalled: boolean;
}

export interface CaseDraft {
  index: number;
  receivedOn: string;
  commune: DemoCommune;
  villageId: number | null;
  villageName: string;
  /** Where the case was received: the commune, its district (2019), or the province. */
  receivedAt: 'commune' | 'district' | 'province';
  kind: TCaseKind;
  channel: TCaseChannel;
  fieldCode: string;
  text: CaseText;
  personCount: number;
  aboveLevel: boolean;
  prolonged: boolean;
  hotSpot: boolean;
  path: CasePath;
  /** Index of the earlier case this one repeats (status duplicate). */
  duplicateOf: number | null;
}

/** Kinds: most citizens' letters are recommendations and feedback; complaints and denunciations are a third. */
const KINDS = { feedback: 36, petition: 30, complaint: 23, denunciation: 11 } as const;
/** Land and compensation together about 62 % (seed 001: land behind 61.8 % of grievances). */
const FIELDS = {
  land: 44, compensation_clearance: 18, social_policy: 10, environment: 6, officials_conduct: 6, administrative_procedure: 6,
  infrastructure: 5, justice: 3, corruption: 2,
} as const;
const CHANNELS = { in_person: 38, mail: 26, phone: 5, hotline: 5, web: 6, forwarded: 10, portal: 10 } as const;
const TRANSFER_BODIES = ['Tòa án nhân dân khu vực', 'Công an tỉnh Quảng Trị', 'Sở Nông nghiệp và Môi trường', 'Thanh tra tỉnh', 'Chi cục Thi hành án dân sự'];
export { TRANSFER_BODIES };

/** The text of a case: one of its field's for the kind, or another field that has that kind. */
function textFor(rng: Random, fieldCode: string, kind: TCaseKind): { fieldCode: string; text: CaseText } {
  const own = TEXTS[fieldCode]?.[kind];
  if (own && own.length > 0) return { fieldCode, text: rng.pick(own) };
  const fallback = Object.entries(TEXTS).filter(([, texts]) => (texts[kind]?.length ?? 0) > 0);
  const [code, texts] = rng.pick(fallback);
  return { fieldCode: code, text: rng.pick(texts[kind] as readonly CaseText[]) };
}

function pathFor(rng: Random, kind: TCaseKind): CasePath {
  const kd = kind === 'complaint' || kind === 'denunciation';
  const end = rng.weighted(kd ? { resolve: 84, refuse: 5, transfer: 7, withdraw: 4 } : { resolve: 90, refuse: 2, transfer: 7, withdraw: 1 });
  const lateness = rng.weighted({ fast: 72, late: 14, extended: kd ? 9 : 0, stalled: 5 });
  const limit = kd ? 30 : 14;
  const resolveAfter = lateness === 'fast' ? rng.int(5, limit - 2) : lateness === 'late' ? rng.int(limit + 3, limit + 40) : lateness === 'extended' ? rng.int(limit + 4, limit + 25) : 400;
  return {
    end,
    acceptAfter: rng.int(1, 9),
    resolveAfter,
    extend: lateness === 'extended',
    notifyAfter: rng.int(1, 6),
    closeAfter: rng.int(3, 25),
    appeal: kind === 'complaint' && rng.chance(0.06),
    satisfaction: rng.chance(0.85) ? rng.weighted({ satisfied: 64, neutral: 21, unsatisfied: 15 }) : null,
    stalled: lateness === 'stalled',
  };
}

/** Days between the first case and today, for spreading cases over the span (slightly more in recent months). */
function dayOf(rng: Random, from: string, today: string): string {
  const span = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  const t = Math.pow(rng.next(), 0.85);
  return addDays(from, Math.min(span, Math.floor(t * (span + 1))));
}

export interface DemoWorld {
  today: string;
  from: string;
  reformDay: string;
  communes2019: readonly DemoCommune[];
  communes2025: readonly DemoCommune[];
  /** The 2025 commune of the hot spot (compensation and clearance of a project). */
  hotSpot: DemoCommune;
  count: number;
  hotSpotCount: number;
}

/** Every case of the demo, in order of receipt. */
export function draftCases(rng: Random, world: DemoWorld): CaseDraft[] {
  const drafts: Omit<CaseDraft, 'index'>[] = [];
  for (let i = 0; i < world.count; i++) {
    const receivedOn = dayOf(rng, world.from, world.today);
    const before = receivedOn < world.reformDay;
    const commune = rng.pick(before ? world.communes2019 : world.communes2025);
    const kind = rng.weighted(KINDS);
    const picked = textFor(rng, kind === 'denunciation' && rng.chance(0.5) ? rng.pick(['officials_conduct', 'corruption', 'land']) : rng.weighted(FIELDS), kind);
    const channel = kind === 'complaint' || kind === 'denunciation' ? rng.weighted({ ...CHANNELS, portal: 0 }) : rng.weighted(CHANNELS);
    const crowd = rng.chance(kind === 'complaint' || kind === 'petition' ? 0.05 : 0.015);
    const receivedAt = before ? rng.weighted({ commune: 66, district: 22, province: 12 }) : rng.weighted({ commune: 78, province: 22 });
    const village = commune.villages.length > 0 ? rng.pick(commune.villages) : null;
    drafts.push({
      receivedOn, commune, villageId: village?.id ?? null, villageName: village?.name ?? commune.name, receivedAt, kind, channel,
      fieldCode: picked.fieldCode, text: picked.text, personCount: crowd ? rng.int(5, 28) : rng.chance(0.08) ? rng.int(2, 4) : 1,
      aboveLevel: receivedAt === 'province' && kind !== 'feedback' && rng.chance(0.35), prolonged: kind === 'complaint' && rng.chance(0.07),
      hotSpot: false, path: pathFor(rng, kind), duplicateOf: null,
    });
  }
  // the hot spot: a cluster about compensation and clearance in one commune over the last five months
  const clusterFrom = addDays(world.today, -150);
  for (let i = 0; i < world.hotSpotCount; i++) {
    const kind = rng.weighted({ complaint: 55, petition: 25, feedback: 15, denunciation: 5 });
    const village = world.hotSpot.villages.length > 0 ? rng.pick(world.hotSpot.villages) : null;
    const crowd = rng.chance(0.3);
    drafts.push({
      receivedOn: rng.date(clusterFrom, world.today), commune: world.hotSpot, villageId: village?.id ?? null, villageName: village?.name ?? world.hotSpot.name,
      receivedAt: rng.weighted({ commune: 45, province: 55 }), kind, channel: rng.weighted({ in_person: 55, mail: 30, forwarded: 15 }),
      fieldCode: 'compensation_clearance', text: rng.pick(HOT_SPOT_TEXTS), personCount: crowd ? rng.int(6, 40) : rng.int(1, 3),
      aboveLevel: rng.chance(0.4), prolonged: rng.chance(0.25), hotSpot: true,
      path: { ...pathFor(rng, kind === 'denunciation' ? 'denunciation' : 'complaint'), stalled: rng.chance(0.3) }, duplicateOf: null,
    });
  }
  drafts.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  const cases = drafts.map((draft, index) => ({ ...draft, index }));
  // a few letters repeat a case of the same commune, kind and subject sent in the 45 days before (a citizen writing
  // again while waiting): confirmed duplicates, some in a hundred as offices see them, not every repeated subject
  const lastBy = new Map<string, number>();
  const DAY_MS = 86_400_000;
  for (const c of cases) {
    const key = `${c.commune.id}:${c.kind}:${c.text.subject}`;
    const earlier = lastBy.get(key);
    const recent = earlier !== undefined && Date.parse(c.receivedOn) - Date.parse((cases[earlier] as (typeof cases)[number]).receivedOn) <= 45 * DAY_MS;
    if (earlier !== undefined && recent && c.path.end === 'resolve' && rng.chance(0.3)) {
      c.duplicateOf = earlier;
      c.path = { ...c.path, end: 'duplicate' };
    } else lastBy.set(key, c.index);
  }
  return cases;
}

/** One step as the demo writes it. */
export interface DraftStep {
  kind: TStepKind;
  from: TCaseStatus | null;
  to: TCaseStatus | null;
  onDate: string;
  note: string | null;
}

/** The statuses and dates a case reached by today, with the due dates the legal module gave (see the step). */
export interface CaseLife {
  status: TCaseStatus;
  acceptedOn: string | null;
  resolvedOn: string | null;
  closedOn: string | null;
  extensions: number;
  complex: boolean;
  instance: 1 | 2;
  outcome: TCaseOutcome | null;
  satisfaction: TSatisfaction | null;
  steps: DraftStep[];
}

const fill = (text: string, draft: CaseDraft) => text.replaceAll('{thon}', draft.villageName).replaceAll('{xa}', draft.commune.name);
export const subjectOf = (draft: CaseDraft) => fill(draft.text.subject, draft);
export const contentOf = (draft: CaseDraft) => fill(draft.text.content, draft);

/**
 * The steps a case took by `today` (dates after today are not reached). `dueOf(acceptedOn, extensions)` is the
 * resolution due date of the case from the legal module, used to place the extension before it; `outcome` is
 * decided by the step from the same due dates.
 */
export function lifeOf(draft: CaseDraft, today: string): CaseLife {
  const steps: DraftStep[] = [{ kind: 'receive', from: null, to: 'received', onDate: draft.receivedOn, note: null }];
  const life: CaseLife = { status: 'received', acceptedOn: null, resolvedOn: null, closedOn: null, extensions: 0, complex: false, instance: 1, outcome: null, satisfaction: null, steps };
  const move = (kind: TStepKind, to: TCaseStatus | null, onDate: string, note: string | null = null) => {
    if (onDate > today) return false;
    steps.push({ kind, from: to ? life.status : null, to, onDate, note });
    if (to) life.status = to;
    return true;
  };
  const p = draft.path;
  const decideOn = addDays(draft.receivedOn, p.acceptAfter);
  if (p.end === 'duplicate') {
    move('duplicate_confirm', 'duplicate', addDays(draft.receivedOn, 2));
    return life;
  }
  if (p.end === 'refuse') {
    if (move('refuse', 'refused', decideOn, 'Không thuộc thẩm quyền giải quyết, đã hướng dẫn công dân gửi đến cơ quan có thẩm quyền')) life.closedOn = decideOn;
    return life;
  }
  if (p.end === 'transfer') {
    if (move('transfer', 'transferred', decideOn, 'Chuyển đơn đến cơ quan có thẩm quyền giải quyết')) life.closedOn = decideOn;
    return life;
  }
  if (!move('accept', 'accepted', decideOn)) return life;
  life.acceptedOn = decideOn;
  if (!move('assign', 'verifying', addDays(decideOn, 1))) return life;
  if (p.end === 'withdraw') {
    const on = addDays(decideOn, 8);
    if (move('withdraw', 'withdrawn', on, 'Người khiếu nại rút đơn')) life.closedOn = on;
    return life;
  }
  move('verify', null, addDays(decideOn, 4), 'Xác minh tại hiện trường, làm việc với các hộ liên quan');
  // extension (case-actions.ts 'extend'): a denunciation counts its extensions; a complaint is found complex
  if (p.extend && (draft.kind === 'denunciation' || draft.kind === 'complaint') && move('extend', null, addDays(decideOn, 25), 'Vụ việc phức tạp, gia hạn thời hạn giải quyết')) {
    life.extensions = draft.kind === 'denunciation' ? 1 : 0;
    life.complex = true;
  }
  if (p.stalled) return life;
  const resolvedOn = addDays(decideOn, p.resolveAfter);
  if (!move('conclude', 'concluded', resolvedOn)) return life;
  life.resolvedOn = resolvedOn;
  const notifiedOn = addDays(resolvedOn, p.notifyAfter);
  if (!move('notify', 'notified', notifiedOn)) return life;
  if (p.appeal) {
    if (move('appeal', 'appealed', addDays(notifiedOn, 12), 'Công dân không đồng ý với quyết định giải quyết lần đầu')) {
      // the second instance starts over (case-actions.ts 'appeal'): no acceptance, no conclusion yet
      Object.assign(life, { instance: 2, acceptedOn: null, resolvedOn: null, extensions: 0, complex: false });
    }
    return life;
  }
  const closedOn = addDays(notifiedOn, p.closeAfter);
  if (!move('close', 'closed', closedOn)) return life;
  life.closedOn = closedOn;
  if (p.satisfaction && move('satisfaction', null, addDays(closedOn, 2))) life.satisfaction = p.satisfaction;
  return life;
}
