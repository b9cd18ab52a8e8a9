import { Link, useParams } from 'react-router';
import type { TProgrammeDetail } from '#contracts/programmes/programmes.api.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { AttachmentsPanel } from '../files/AttachmentsPanel.tsx';
import { BudgetSection } from './BudgetSection.tsx';
import { NotAllowed } from './NotAllowed.tsx';
import { PlansSection } from './PlansSection.tsx';
import { PROGRAMME_TABS, programmeSearch, useProgrammeParams } from './programme-params.ts';
import { useProgramme } from './programmes.api.ts';
import { ReviewsSection } from './ReviewsSection.tsx';
import { TargetsSection } from './TargetsSection.tsx';
import { TasksSection } from './TasksSection.tsx';
import './programmes.css';
import { yearsText } from './programme-text.ts';

/** Kind, number, issuer, date, period, status, owner; the document file(s). */
function ProgrammeHeader({ programme }: { programme: TProgrammeDetail }) {
  return (
    <header className="prog-head">
      <p className="prog-kind">
        {t(`programmes.kind.${programme.kind}`)} · {programme.number}
      </p>
      <h1>{programme.title}</h1>
      <dl className="prog-facts">
        <div>
          <dt>{t('programmes.number')}</dt>
          <dd>{programme.number}</dd>
        </div>
        <div>
          <dt>{t('programmes.issuer')}</dt>
          <dd>{programme.issuer}</dd>
        </div>
        <div>
          <dt>{t('programmes.issuedOn')}</dt>
          <dd>{formatDate(programme.issuedOn)}</dd>
        </div>
        <div>
          <dt>{t('programmes.period')}</dt>
          <dd>{yearsText(programme)}</dd>
        </div>
        <div>
          <dt>{t('programmes.status')}</dt>
          <dd>{t(`programmes.programmeStatus.${programme.status}`)}</dd>
        </div>
        <div>
          <dt>{t('programmes.owner')}</dt>
          <dd>{programme.ownerUnit.fullName}</dd>
        </div>
        {programme.parentProgrammeId !== null && (
          <div>
            <dt>{t('programmes.implements')}</dt>
            <dd>
              <Link to={`/programmes/${programme.parentProgrammeId}`}>{t('programmes.parentLink')}</Link>
            </dd>
          </div>
        )}
      </dl>
      {programme.generalObjective && (
        <details className="prog-objective">
          <summary>{t('programmes.generalObjective')}</summary>
          <p>{programme.generalObjective}</p>
        </details>
      )}
    </header>
  );
}

/**
 * A programme (Đề án, Nghị quyết, Kế hoạch…): its header and document, then five parts, one at a time: targets
 * with their status for a year and level (click one for the units that pull it down), solution groups and tasks
 * with progress, reviews, budget, implementation plans. The part, year, level and target are in the address.
 */
export function ProgrammePage() {
  const id = Number(useParams().id);
  const me = useMe();
  const { params } = useProgrammeParams();
  const programme = useProgramme(id);
  usePageTitle(programme.data?.title ?? t('programmes.title'));
  if (!can(me, 'programmes.read')) return <NotAllowed />;
  const data = programme.data;
  return (
    <article className="prog-page">
      <p>
        <Link to="/programmes">{t('programmes.back')}</Link>
      </p>
      {programme.isPending && <Loading />}
      <ErrorMessage error={programme.error} />
      {data && (
        <>
          <ProgrammeHeader programme={data} />
          <AttachmentsPanel ownerType="programme" ownerId={String(data.id)} mayAttach={data.canManage} />
          <nav className="prog-tabs" aria-label={t('programmes.parts')}>
            <ul>
              {PROGRAMME_TABS.map((tab) => (
                <li key={tab}>
                  <Link
                    to={`/programmes/${data.id}${programmeSearch({ ...params, tab, targetId: tab === 'targets' ? params.targetId : null })}`}
                    aria-current={params.tab === tab ? 'page' : undefined}
                    preventScrollReset
                  >
                    {t(`programmes.tab.${tab}`)}
                    {tab === 'targets' && <span className="count"> {formatNumber(data.targets.length)}</span>}
                    {tab === 'plans' && <span className="count"> {formatNumber(data.plans.length)}</span>}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {params.tab === 'targets' && <TargetsSection programme={data} />}
          {params.tab === 'tasks' && <TasksSection programme={data} />}
          {params.tab === 'reviews' && <ReviewsSection programme={data} />}
          {params.tab === 'budget' && <BudgetSection programme={data} />}
          {params.tab === 'plans' && <PlansSection programme={data} />}
        </>
      )}
    </article>
  );
}
