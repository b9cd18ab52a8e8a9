import { dayBefore } from './random.ts';
import type { DemoPlan, Term } from './demo-plan.ts';

/**
 * Who held each post of a unit during a term: usually one person, sometimes replaced midway (a youth secretary
 * who aged out, a village head elected at mid-term). Roles are written per holder, so a person's history and an
 * organisation's membership on any date both come out right.
 */
export class Posts<K extends string> {
  readonly #holders = new Map<K, { person: number; from: string | null }[]>();

  set(post: K, person: number): void {
    this.#holders.set(post, [{ person, from: null }]);
  }

  /** From `from`, `person` holds the post instead of the one before. */
  replace(post: K, person: number, from: string): void {
    const list = this.#holders.get(post);
    if (!list) throw new Error(`post ${post} has no holder to replace`);
    list.push({ person, from });
  }

  has(post: K): boolean {
    return this.#holders.has(post);
  }

  /** The holder at the end of the term: the one who carries on after the reform. */
  current(post: K): number {
    const holder = this.#holders.get(post)?.at(-1);
    if (!holder) throw new Error(`post ${post} has no holder`);
    return holder.person;
  }

  /** Every person who held the post, first holder first. */
  all(post: K): number[] {
    return (this.#holders.get(post) ?? []).map((holder) => holder.person);
  }

  /** Adds the role `title` in `org` for whoever held `post` during `term`, one row per holder. */
  assign(plan: DemoPlan, post: K, org: number, title: string, term: Term, isHead = false): void {
    const list = this.#holders.get(post);
    if (!list) throw new Error(`post ${post} has no holder`);
    list.forEach((holder, i) => {
      const next = list[i + 1];
      const from = holder.from && holder.from > term.from ? holder.from : term.from;
      const until = next?.from ? dayBefore(next.from) : null;
      const to = until !== null && (term.to === null || until < term.to) ? until : term.to;
      if (to === null || from <= to) plan.addRole(holder.person, org, title, { from, to }, isHead);
    });
  }
}
