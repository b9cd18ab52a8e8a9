import type { TOrganizationInput } from '#contracts/organizations.ts';
import { invalidField } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';

/** The fields the type-specific rules look at. */
type OrganizationShape = Pick<
  TOrganizationInput,
  'type' | 'parentOrganizationId' | 'workerCount' | 'hasTradeUnion' | 'religionName' | 'foundedOn' | 'dissolvedOn'
>;

/**
 * Rules that need no database: enterprise-only and religious-establishment-only fields, a branch needs the
 * organisation above it, dissolution not before founding. Throws a 400 naming the field.
 */
export function checkOrganizationShape(org: OrganizationShape): void {
  if (org.type !== 'enterprise') {
    if (org.workerCount != null) throw invalidField('workerCount', msg('organizations.onlyEnterprise'));
    if (org.hasTradeUnion != null) throw invalidField('hasTradeUnion', msg('organizations.onlyEnterprise'));
  }
  if (org.type !== 'religious_establishment' && org.religionName != null) {
    throw invalidField('religionName', msg('organizations.onlyReligious'));
  }
  if (org.type === 'branch' && org.parentOrganizationId == null) {
    throw invalidField('parentOrganizationId', msg('organizations.parentRequired'));
  }
  if (org.foundedOn && org.dissolvedOn && org.dissolvedOn < org.foundedOn) {
    throw invalidField('dissolvedOn', msg('organizations.dissolvedBeforeFounded'));
  }
}
