import type { TRecentChange } from '#contracts/audit.ts';
import { t } from '../../i18n/i18n.ts';
import { auditEntityLabel } from './audit.api.ts';

type Change = Pick<TRecentChange, 'userFullName' | 'action' | 'entity' | 'entityId' | 'entityName' | 'reportChange'> & { userId?: number | null };

/** What the change was done to: "Cá nhân Trần Thị B"; nothing when an account acts on itself (sign-in, password). */
function objectOf(change: Change): string | null {
  if (change.entity === 'user' && (change.action === 'login_failed' || (change.userId != null && change.entityId === String(change.userId)))) {
    return null;
  }
  const label = auditEntityLabel(change.entity);
  // a report's name already says what it is: "Báo cáo công tác dân vận, Tháng 11/2026"
  if (change.entityName && change.entity === 'indicator_report') return change.entityName;
  if (change.entityName) return `${label} ${change.entityName}`;
  return change.entityId === null ? label : t('audit.entityNumber', { entity: label, id: change.entityId });
}

/** Who: the author's name; for a failed sign-in of no known account, the name typed. */
function actorOf(change: Change): string {
  if (change.userFullName) return change.userFullName;
  if (change.action === 'login_failed' && change.entityId) return t('audit.typedName', { name: change.entityId });
  return t('audit.system');
}

/** The entry as one sentence: "Nguyễn Văn A sửa Cá nhân Trần Thị B". */
export function changeSentence(change: Change): string {
  const object = objectOf(change);
  const actor = actorOf(change);
  const verb = change.reportChange ? t(`audit.verb.report.${change.reportChange}`) : t(`audit.verb.${change.action}`);
  return object ? t('audit.sentence', { actor, verb, object }) : t('audit.sentenceNoObject', { actor, verb });
}

/** The sentence, whole in its title when a narrow screen cuts it. */
export function ChangeSentence({ change, className }: { change: Change; className?: string }) {
  const sentence = changeSentence(change);
  return (
    <span className={className} title={sentence}>
      {sentence}
    </span>
  );
}
