import { Link } from 'react-router';
import type { TRecentChange } from '#contracts/audit.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { useRecentChanges } from '../audit/audit.api.ts';
import { ChangeSentence } from '../audit/ChangeSentence.tsx';
import '../audit/audit.css';

/** The page of the record a change was made to, when it has one. */
const PAGES: Partial<Record<string, string>> = { person: '/people/', organization: '/organizations/', admin_unit: '/units/' };

function Change({ change }: { change: TRecentChange }) {
  const page = PAGES[change.entity];
  const sentence = <ChangeSentence change={change} className="audit-what" />;
  return (
    <li className="audit-entry">
      {page && change.entityId ? <Link to={`${page}${change.entityId}`}>{sentence}</Link> : sentence}
      <span className="audit-meta">
        <time dateTime={change.at}>{formatDateTime(change.at)}</time>
        {change.unitName && ` · ${change.unitName}`}
      </span>
    </li>
  );
}

/** "Thay đổi gần đây": the latest changes to records of the user's units, who made them and when. */
export function RecentChanges({ auditLink }: { auditLink: boolean }) {
  const recent = useRecentChanges(8);
  return (
    <section aria-labelledby="home-recent" className="home-panel">
      <h2 id="home-recent">{t('home.recent')}</h2>
      {recent.isPending && <Loading />}
      <ErrorMessage error={recent.error} />
      {recent.data?.items.length === 0 && <Empty>{t('home.recentNone')}</Empty>}
      {recent.data && recent.data.items.length > 0 && (
        <ol className="audit-list" aria-labelledby="home-recent">
          {recent.data.items.map((change) => (
            <Change key={change.id} change={change} />
          ))}
        </ol>
      )}
      {auditLink && <Link to="/admin/audit">{t('home.auditLink')}</Link>}
    </section>
  );
}
