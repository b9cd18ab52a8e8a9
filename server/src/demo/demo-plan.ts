import type { TOrganizationType } from '#contracts/organizations.ts';
import type { PeopleFactory, PersonDraft } from './people.ts';
import type { Random } from './random.ts';

/**
 * An organisation to insert; `parent` is the index of an organisation added earlier to the same plan, or a
 * negative key of an organisation that already exists (resolved by insertOrganizations).
 */
export interface OrgDraft {
  unitId: number;
  type: TOrganizationType;
  name: string;
  parent: number | null;
  workerCount?: number;
  hasTradeUnion?: boolean;
  religionName?: string;
  foundedOn?: string | null;
  dissolvedOn?: string | null;
}

/** A role of a planned person in a planned organisation (both by index). */
export interface RoleDraft {
  person: number;
  org: number;
  title: string;
  isHead: boolean;
  termFrom: string;
  termTo: string | null;
}

/** A term of office: from a date to a date, or open. */
export interface Term {
  from: string;
  to: string | null;
}

/**
 * Everything the demo will insert, held in memory with plain indexes instead of ids: the rules that decide who
 * holds which post stay pure, and the repository then writes each table in a few large batches.
 */
export class DemoPlan {
  readonly orgs: OrgDraft[] = [];
  readonly people: PersonDraft[] = [];
  readonly roles: RoleDraft[] = [];

  addOrg(org: Omit<OrgDraft, 'parent'> & { parent?: number | null }): number {
    if (org.parent != null && org.parent >= this.orgs.length) throw new Error(`parent of ${org.name} is not planned yet`);
    this.orgs.push({ ...org, parent: org.parent ?? null });
    return this.orgs.length - 1;
  }

  addPerson(person: PersonDraft): number {
    this.people.push(person);
    return this.people.length - 1;
  }

  addRole(person: number, org: number, title: string, term: Term, isHead = false): number {
    this.roles.push({ person, org, title, isHead, termFrom: term.from, termTo: term.to });
    return this.roles.length - 1;
  }

  /** The person is now held in another unit's registry (a cadre who continues in a 2025 unit). */
  moveRegistry(person: number, unitId: number): void {
    const draft = this.people[person];
    if (!draft) throw new Error(`no person ${person}`);
    draft.unitId = unitId;
  }
}

/** What the province settled about the 2025 open points (Cài đặt của tỉnh), as the 2025 structure is planned. */
export interface DemoSettings {
  blocLead: 'standing_deputy_secretary' | 'front_chair';
  communeTradeUnion: boolean;
}

/** What every planning step needs: the plan being filled, the people factory, the root generator, the settings. */
export interface PlanContext {
  plan: DemoPlan;
  people: PeopleFactory;
  rng: Random;
  settings: DemoSettings;
}
