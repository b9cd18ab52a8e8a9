import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditEndpoints, type TAuditEntity } from '#contracts/audit.ts';
import { call } from '../../api/client.ts';
import { isMessageKey, t } from '../../i18n/i18n.ts';

type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Filters of the audit page, as kept in the address. */
export interface AuditFilters {
  userId?: number;
  action?: AuditAction;
  entity?: TAuditEntity;
  from?: string;
  to?: string;
}

/** The audit log, newest first, one page at a time ("Xem thêm" asks for entries before the last id). */
export const useAuditLog = (filters: AuditFilters) =>
  useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => call(auditEndpoints.list, { query: { ...filters, limit: 50, before: pageParam } }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });

/** The latest changes to records of the user's units (home page). */
export const useRecentChanges = (limit = 8) =>
  useQuery({ queryKey: ['audit', 'recent', limit], queryFn: () => call(auditEndpoints.recent, { query: { limit } }) });

/** "Tạo mới", "Xem dữ liệu được bảo vệ"… */
export const auditActionLabel = (action: AuditAction) => t(`audit.action.${action}`);

/** Known entities have a Vietnamese name; others show their code. */
export function auditEntityLabel(entity: string): string {
  const key = `audit.entity.${entity}`;
  return isMessageKey(key) ? t(key) : entity;
}

/** Reads the filters from the address (?userId=&action=&entity=&from=&to=). */
export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const userId = Number(params.get('userId'));
  const action = AUDIT_ACTIONS.find((candidate) => candidate === params.get('action'));
  const entity = AUDIT_ENTITIES.find((candidate) => candidate === params.get('entity'));
  const date = (name: string) => {
    const value = params.get(name);
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  };
  return {
    ...(Number.isInteger(userId) && userId > 0 ? { userId } : {}),
    ...(action ? { action } : {}),
    ...(entity ? { entity } : {}),
    ...(date('from') ? { from: date('from') } : {}),
    ...(date('to') ? { to: date('to') } : {}),
  };
}
