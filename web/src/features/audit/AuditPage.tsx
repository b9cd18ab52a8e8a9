import { useSearchParams } from 'react-router';
import type { TAuditEntry } from '#contracts/audit.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { filtersFromParams, useAuditLog } from './audit.api.ts';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { ChangeSentence } from './ChangeSentence.tsx';
import './audit.css';

/** When, where, from which address: the entry's second line. */
function EntryMeta({ entry }: { entry: TAuditEntry }) {
  const parts = [entry.unitName ?? t('layout.allUnits'), entry.ip].filter((part) => part !== null);
  return (
    <span className="audit-meta">
      <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      {parts.map((part) => ` · ${part}`).join('')}
    </span>
  );
}

/**
 * One entry in two lines: the sentence ("Nguyễn Văn A sửa Cá nhân Trần Thị B"), then time, unit and address. An
 * entry with a before/after is a disclosure: opening it shows them.
 */
function Entry({ entry }: { entry: TAuditEntry }) {
  const lines = (
    <>
      <ChangeSentence change={entry} className="audit-what" />
      <EntryMeta entry={entry} />
    </>
  );
  if (entry.before == null && entry.after == null) return <li className="audit-entry">{lines}</li>;
  return (
    <li className="audit-entry">
      <details>
        <summary>
          {lines}
          <span className="visually-hidden">{t('audit.detail')}</span>
        </summary>
        <pre>{JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}</pre>
      </details>
    </li>
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
        <ol className="audit-list" aria-label={t('audit.entries')}>
          {entries.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
      {log.hasNextPage && (
        <button type="button" className="button-secondary" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
