import { useSearchParams } from 'react-router';
import type { TAuditEntry } from '#contracts/audit.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { auditActionLabel, auditEntityLabel, filtersFromParams, useAuditLog } from './audit.api.ts';
import { AuditFilterForm } from './AuditFilterForm.tsx';

function EntryRow({ entry }: { entry: TAuditEntry }) {
  const hasDetail = entry.before != null || entry.after != null;
  return (
    <tr>
      <td data-label={t('audit.at')}>{formatDateTime(entry.at)}</td>
      <td data-label={t('audit.user')}>{entry.username ?? t('common.none')}</td>
      <td data-label={t('audit.actionLabel')}>{auditActionLabel(entry.action)}</td>
      <td data-label={t('audit.entityLabel')}>
        {auditEntityLabel(entry.entity)}
        {entry.entityId !== null && <span className="muted"> #{entry.entityId}</span>}
        {hasDetail && (
          <details>
            <summary>{t('audit.detail')}</summary>
            <pre>{JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}</pre>
          </details>
        )}
      </td>
      <td data-label={t('audit.unit')}>{entry.unitName ?? t('common.none')}</td>
      <td data-label={t('audit.ip')}>{entry.ip ?? t('common.none')}</td>
    </tr>
  );
}

/** "Nhật ký hệ thống": who did what, when, to which record; filters in the address; "Xem thêm" pages. */
export function AuditPage() {
  usePageTitle(t('audit.title'));
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const log = useAuditLog(filters);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <AuditFilterForm key={params.toString()} filters={filters} onApply={(values) => setParams(values)} />
      {log.isPending && <Loading />}
      <ErrorMessage error={log.error} />
      {log.data && entries.length === 0 && <Empty>{t('audit.none')}</Empty>}
      {entries.length > 0 && (
        <table className="table responsive">
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.user')}</th>
              <th scope="col">{t('audit.actionLabel')}</th>
              <th scope="col">{t('audit.entityLabel')}</th>
              <th scope="col">{t('audit.unit')}</th>
              <th scope="col">{t('audit.ip')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <EntryRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
      {log.hasNextPage && (
        <button type="button" className="button-secondary" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
