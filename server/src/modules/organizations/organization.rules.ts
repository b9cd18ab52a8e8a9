import type { TOrganizationInput } from '#contracts/organizations.ts';
import { invalidField } from '#server/shared/errors.ts';

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
    if (org.workerCount != null) throw invalidField('workerCount', 'Số lao động', 'chỉ dùng cho doanh nghiệp');
    if (org.hasTradeUnion != null) throw invalidField('hasTradeUnion', 'Có công đoàn', 'chỉ dùng cho doanh nghiệp');
  }
  if (org.type !== 'religious_establishment' && org.religionName != null) {
    throw invalidField('religionName', 'Tôn giáo', 'chỉ dùng cho cơ sở tôn giáo');
  }
  if (org.type === 'branch' && org.parentOrganizationId == null) {
    throw invalidField('parentOrganizationId', 'Tổ chức cấp trên', 'bắt buộc với chi hội, chi đoàn, công đoàn cơ sở');
  }
  if (org.foundedOn && org.dissolvedOn && org.dissolvedOn < org.foundedOn) {
    throw invalidField('dissolvedOn', 'Ngày giải thể', 'không được trước ngày thành lập');
  }
}
