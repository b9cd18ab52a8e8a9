import type { Kysely } from 'kysely';
import type { TDeadlineResult } from '#contracts/legal/deadline.schemas.ts';
import type { TCaseKind } from '#contracts/petitions/case.schemas.ts';
import type { DB } from '#server/db/schema.ts';
import { caseDeadlines } from '../legal/index.ts';

/** What the deadlines of a case depend on, as the case holds it. */
export interface DeadlineBasis {
  kind: TCaseKind;
  receivedOn: string;
  acceptedOn: string | null;
  decidedOn: string | null;
  remoteArea: boolean;
  complex: boolean;
  extensions: number;
  ruleSetCode: string | null;
  /** Second instance (khiếu nại lần hai): counted from the appeal's receipt. */
  secondInstance: boolean;
}

/**
 * Every deadline of a case from the legal module (rule set in force on the day received, or the one the case
 * already keeps, so a change of law never moves the deadlines of a case received before it).
 */
export async function deadlinesOf(db: Kysely<DB>, basis: DeadlineBasis): Promise<TDeadlineResult> {
  return caseDeadlines(db, {
    kind: basis.kind,
    receivedOn: basis.receivedOn,
    acceptedOn: basis.acceptedOn,
    decidedOn: basis.decidedOn,
    remoteArea: basis.remoteArea,
    complex: basis.complex,
    extensions: basis.extensions,
    ruleSetCode: basis.ruleSetCode,
    secondInstance: basis.secondInstance,
  });
}
