import { typeInForce, typePeriodAt, type TOrganizationInput } from '#contracts/organizations.ts';
import { invalidField } from '#server/shared/errors.ts';
import { msg, vnDate } from '#server/shared/messages.ts';

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


/**
 * The type applies at the unit's level on the organisation's first day (its founding day, else `today`): no
 * Ban Dân vận created at a province after the 2025 merger, no Ban Xây dựng Đảng before 1/7/2025 (issue 9 item 7).
 */
export function checkTypeInForce(org: Pick<TOrganizationInput, 'type' | 'foundedOn'>, level: string, today: string): void {
  const period = typePeriodAt(org.type, level);
  const levelName = msg(`programmes.targets.level.${level as 'province' | 'district' | 'commune' | 'village'}`);
  if (period === null) throw invalidField('type', msg('organizations.typeNotAtLevel', { level: levelName }));
  const day = org.foundedOn ?? today;
  if (typeInForce(org.type, level, day)) return;
  const range =
    period.to !== null ? msg('organizations.typeUntil', { date: vnDate(period.to) }) : period.from !== null ? msg('organizations.typeFrom', { date: vnDate(period.from) }) : '';
  throw invalidField(org.foundedOn ? 'foundedOn' : 'type', msg('organizations.typeNotInForce', { level: levelName, date: vnDate(day), period: range }));
}
