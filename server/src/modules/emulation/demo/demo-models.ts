import { MODEL_FIELDS, type TModelField, type TModelKind, type TModelStatus, type TRecognitionLevel } from '#contracts/emulation/enums.ts';
import type { Random } from '#server/demo/random.ts';
import { AWARDS, COLLECTIVE_TEXTS, INDIVIDUAL_TEXTS, REVIEW_PARTICIPANTS, type ModelText } from './demo-texts.ts';
import type { DemoPoint } from '#server/demo/demo-points.ts';
import type { DemoPlace } from './emulation-demo.repository.ts';

/**
 * The demo's models as drafts (no database): who built what where, and each model's dated history. Pure, seeded:
 * the same places and seed give the same models. The step turns drafts into rows.
 */

export interface DraftStep {
  step: 'registered' | 'building' | 'reviewed' | 'recognised' | 'commended' | 'withdrawn' | 'replicated' | 'published';
  from: TModelStatus | null;
  to: TModelStatus | null;
  onDate: string;
  details: Record<string, unknown>;
}

export interface DraftModel {
  key: string;
  campaign: 'first' | 'later' | null;
  unitId: number;
  villageId: number | null;
  kind: TModelKind;
  field: TModelField;
  owner: { organizationId: number } | { personId: number } | { unitId: number };
  ownerName: string;
  title: string;
  summary: string;
  whatChanged: string;
  figures: Array<{ label: string; value: number; unit: string }>;
  startedOn: string;
  originKey: string | null;
  steps: DraftStep[];
  status: TModelStatus;
  level: TRecognitionLevel | null;
  recognisedOn: string | null;
  recognisedBy: number | null;
  photo: boolean;
  published: boolean;
  /** Where it is on the map (set once the drafts are final). */
  point?: DemoPoint | null;
}

/** How far a model got: the last level it reached (or where it stopped). */
export type Reach = 'registered' | 'building' | 'reviewed' | 'withdrawn' | 'commune' | 'district' | 'province' | 'commended';

/** The calendar of a campaign year: registration, building, review, recognitions (15/10), commendations. */
export interface CampaignCalendar {
  registration: readonly [string, string];
  review: readonly [string, string];
  commune: readonly [string, string];
  district: readonly [string, string] | null;
  province: string;
  commended: readonly [string, string];
}

export const calendarOf = (year: number): CampaignCalendar => ({
  registration: year === 2025 ? ['2025-07-01', '2025-07-31'] : [`${year}-03-02`, `${year}-04-30`],
  review: [`${year}-08-03`, `${year}-09-04`],
  commune: [`${year}-09-07`, `${year}-09-25`],
  district: year < 2025 ? [`${year}-10-01`, `${year}-10-08`] : null,
  province: `${year}-10-15`,
  commended: [`${year}-11-02`, `${year}-11-27`],
});

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Who recognises at each level: the commune, its district (before the reform) and the province. */
export interface Recognisers {
  commune: number;
  district: number | null;
  province: number;
}

/** Decision numbers as the bodies of each level number them. */
function decision(rng: Random, level: TRecognitionLevel, year: number): string {
  if (level === 'commune') return `${rng.int(12, 190)}/QĐ-UBND`;
  if (level === 'district') return `${rng.int(120, 980)}-QĐ/HU`;
  if (level === 'province') return `${rng.int(1800, 3200)}-QĐ/TU`;
  return `${rng.int(100, 900)}-QĐ/BDVTW ${year}`;
}

/**
 * The history of a model up to `reach`, dated in the campaign's calendar, cut at `today` (a step not yet due is
 * not taken, so the model rests where it stands today). Returns the steps and the model's state after them.
 */
export function lifeOf(rng: Random, reach: Reach, registeredOn: string, cal: CampaignCalendar, by: Recognisers, today: string) {
  const steps: DraftStep[] = [];
  let status: TModelStatus = 'registered';
  let level: TRecognitionLevel | null = null;
  let recognisedOn: string | null = null;
  let recognisedBy: number | null = null;
  const year = Number(registeredOn.slice(0, 4));
  const move = (step: DraftStep['step'], to: TModelStatus, onDate: string, details: Record<string, unknown>) => {
    if (onDate > today) return false;
    steps.push({ step, from: status, to, onDate, details });
    status = to;
    return true;
  };
  steps.push({ step: 'registered', from: null, to: 'registered', onDate: registeredOn, details: { startedOn: registeredOn } });
  if (reach === 'registered') return { steps, status, level, recognisedOn, recognisedBy };
  if (!move('building', 'building', addDays(registeredOn, rng.int(7, 25)), {})) return { steps, status, level, recognisedOn, recognisedBy };
  if (reach === 'building') return { steps, status, level, recognisedOn, recognisedBy };
  const review = (onDate: string) => {
    const participants = rng.int(25, 140);
    const against = rng.int(0, 3);
    const abstain = rng.int(0, 4);
    return move('reviewed', 'reviewed', onDate, {
      participants: REVIEW_PARTICIPANTS, participantCount: participants, votesFor: participants - against - abstain, votesAgainst: against, votesAbstain: abstain,
    });
  };
  if (!review(rng.date(cal.review[0], cal.review[1]))) return { steps, status, level, recognisedOn, recognisedBy };
  if (reach === 'reviewed') return { steps, status, level, recognisedOn, recognisedBy };
  if (reach === 'withdrawn') {
    move('withdrawn', 'withdrawn', rng.date(cal.commune[0], cal.commune[1]), { reason: 'Chưa đạt tiêu chí về tính lan tỏa, đơn vị xin rút để tiếp tục xây dựng' });
    return { steps, status, level, recognisedOn, recognisedBy };
  }
  const recognise = (at: TRecognitionLevel, onDate: string, unitId: number) => {
    if (!move('recognised', 'recognised', onDate, { level: at, decisionNumber: decision(rng, at, year), byUnitId: unitId })) return false;
    level = at;
    recognisedOn = onDate;
    recognisedBy = unitId;
    return true;
  };
  const communeDay = rng.date(cal.commune[0], cal.commune[1]);
  if (!recognise('commune', communeDay, by.commune) || reach === 'commune') return { steps, status, level, recognisedOn, recognisedBy };
  if (cal.district && by.district !== null) {
    const districtDay = rng.date(cal.district[0], cal.district[1]);
    if (!review(addDays(districtDay, -rng.int(2, 5))) || !recognise('district', districtDay, by.district)) return { steps, status, level, recognisedOn, recognisedBy };
    if (reach === 'district') return { steps, status, level, recognisedOn, recognisedBy };
  }
  if (!review(addDays(cal.province, -rng.int(4, 9))) || !recognise('province', cal.province, by.province)) return { steps, status, level, recognisedOn, recognisedBy };
  if (reach === 'commended') {
    move('commended', 'commended', rng.date(cal.commended[0], cal.commended[1]), { awardForm: rng.pick(AWARDS), decisionNumber: `${rng.int(1500, 2900)}/QĐ-UBND` });
  }
  return { steps, status, level, recognisedOn, recognisedBy };
}

/** The figures of a model's text, valued. */
const figuresOf = (rng: Random, text: ModelText) => text.figures.map((f) => ({ label: f.label, value: rng.int(f.min, f.max), unit: f.unit }));

/** Who owns a commune's model of a field: the body that usually builds such a model there. */
const OWNER_TYPES: Record<TModelField, readonly string[]> = {
  economy: ['farmers_union', 'womens_union', 'youth_union', 'committee'],
  culture_society: ['womens_union', 'youth_union', 'fatherland_front', 'veterans_association'],
  defence_security: ['fatherland_front', 'veterans_association', 'committee', 'youth_union'],
  party_building: ['party_committee', 'committee', 'commune_bloc', 'fatherland_front'],
};

export interface DraftOptions {
  rng: Random;
  campaign: 'first' | 'later' | null;
  place: DemoPlace;
  recognisers: Recognisers;
  calendar: CampaignCalendar;
  reach: Reach;
  today: string;
  key: string;
  /** An individual model (owner: a person of the registry), when the place has people. */
  individual?: boolean;
  /** Owned by this self-management group (its village). */
  group?: { id: number; unitId: number; name: string };
  field?: TModelField;
  origin?: DraftModel;
  /** Owned by an organisation of another unit (a province agency building a model in the commune). */
  ownerOrg?: { id: number; name: string };
}

/** One model of a commune with its history. */
export function draftModel(o: DraftOptions): DraftModel {
  const { rng, place } = o;
  const field = o.origin?.field ?? o.field ?? rng.pick(MODEL_FIELDS);
  const person = o.individual && !o.group && place.people.length > 0 ? rng.pick(place.people) : null;
  const kind: TModelKind = person ? 'individual' : 'collective';
  const village = o.group ? (place.villages.find((v) => v.id === o.group?.unitId) ?? null) : place.villages.length > 0 && rng.chance(0.5) ? rng.pick(place.villages) : null;
  const text = o.origin
    ? { title: o.origin.title, summary: o.origin.summary, changed: o.origin.whatChanged, figures: [] }
    : rng.pick((kind === 'individual' ? INDIVIDUAL_TEXTS : COLLECTIVE_TEXTS)[field]);
  const where = village ? `${village.fullName}, ${place.fullName}` : place.fullName;
  const title = o.origin ? `${o.origin.title.replace(/ ở .*$/, '')} (nhân rộng ở ${place.fullName})` : text.title.replace('{place}', where);
  let owner: DraftModel['owner'];
  let ownerName: string;
  if (o.group || o.ownerOrg) {
    const org = (o.group ?? o.ownerOrg) as { id: number; name: string };
    owner = { organizationId: org.id };
    ownerName = org.name;
  } else if (person) {
    owner = { personId: person.id };
    ownerName = person.name;
  } else {
    const type = OWNER_TYPES[field].find((t) => place.orgs[t] !== undefined);
    owner = type ? { organizationId: place.orgs[type] as number } : { unitId: place.id };
    ownerName = place.fullName;
  }
  const registeredOn = rng.date(o.calendar.registration[0], o.calendar.registration[1]);
  const life = lifeOf(rng, o.reach, registeredOn, o.calendar, o.recognisers, o.today);
  if (o.origin) life.steps[0] = { ...(life.steps[0] as DraftStep), details: { startedOn: registeredOn, originKey: o.origin.key, originTitle: o.origin.title } };
  const recognisedHigh = life.level === 'province' || life.level === 'central';
  return {
    key: o.key, campaign: o.campaign, unitId: place.id, villageId: village?.id ?? null, kind, field, owner, ownerName,
    title, summary: text.summary, whatChanged: o.origin ? `Nhân rộng từ mô hình của ${o.origin.ownerName}. ${text.changed}` : text.changed,
    figures: o.origin ? [] : figuresOf(rng, text as ModelText), startedOn: registeredOn, originKey: o.origin?.key ?? null,
    steps: life.steps, status: life.status, level: life.level, recognisedOn: life.recognisedOn, recognisedBy: life.recognisedBy,
    photo: recognisedHigh || rng.chance(0.35), published: recognisedHigh,
  };
}

/** A reach drawn with the campaign's usual shares: most reach the commune, some the district and province. */
export function drawReach(rng: Random, hasDistrict: boolean): Reach {
  return rng.weighted({
    registered: 3, building: 7, reviewed: 8, withdrawn: 4, commune: 48,
    ...(hasDistrict ? { district: 18 } : {}), province: hasDistrict ? 7 : 11, commended: 5,
  } as Record<Reach, number>);
}
