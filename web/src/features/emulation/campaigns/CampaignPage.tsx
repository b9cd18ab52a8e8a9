import { Link, useParams } from 'react-router';
import type { TCampaignDetail } from '#contracts/emulation/campaign.ts';
import { BODY_KINDS, CRITERION_TARGETS } from '#contracts/emulation/enums.ts';
import { can } from '../../../app/can.ts';
import { useMe } from '../../../app/session.ts';
import { ErrorMessage, Loading } from '../../../components/Status.tsx';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { t } from '../../../i18n/i18n.ts';
import { EmulationNav } from '../EmulationNav.tsx';
import { NotAllowed } from '../NotAllowed.tsx';
import { CAMPAIGN_TABS, campaignTabSearch, useCampaignTab, type CampaignTab } from './campaign-params.ts';
import { useCampaign } from './campaigns.api.ts';
import '../emulation.css';

/** A text of several paragraphs (appendix, purpose) as the document sets it out. */
function Paragraphs({ text }: { text: string }) {
  return (
    <div className="emu-paragraphs">
      {text.split('\n\n').map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </div>
  );
}

function None() {
  return <p className="muted">{t('emulation.campaigns.noItems')}</p>;
}

function Overview({ campaign }: { campaign: TCampaignDetail }) {
  return (
    <section aria-label={t('emulation.campaigns.tab.overview')}>
      {campaign.themes.length > 0 && (
        <>
          <h2>{t('emulation.campaigns.themes')}</h2>
          <ul>
            {campaign.themes.map((theme) => (
              <li key={theme}>{theme}</li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('emulation.campaigns.purpose')}</h2>
      {campaign.purpose ? <Paragraphs text={campaign.purpose} /> : <None />}
    </section>
  );
}

function Commitments({ campaign }: { campaign: TCampaignDetail }) {
  if (campaign.commitments.length === 0) return <None />;
  return (
    <ol className="emu-items" aria-label={t('emulation.campaigns.tab.commitments')}>
      {campaign.commitments.map((c) => (
        <li key={c.id}>
          <strong>
            <span className="emu-code">{c.code}</span>
            {c.title}
          </strong>
          {c.appendix && (
            <details>
              <summary>{t('emulation.campaigns.appendix')}</summary>
              <Paragraphs text={c.appendix} />
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}

function Criteria({ campaign }: { campaign: TCampaignDetail }) {
  if (campaign.criteria.length === 0) return <None />;
  return (
    <>
      {CRITERION_TARGETS.map((target) => {
        const items = campaign.criteria.filter((c) => c.appliesTo === target);
        if (items.length === 0) return null;
        return (
          <section key={target}>
            <h2>{t(`emulation.criterionTarget.${target}`)}</h2>
            <ul className="emu-items">
              {items.map((c) => (
                <li key={c.id}>
                  <span className="emu-code">{c.code}</span>
                  {c.text}
                  <span className="emu-subline">
                    {c.scoring === 'weight'
                      ? t('emulation.campaigns.weightText', { weight: formatNumber(c.weight ?? 0), max: formatNumber(c.maxScore ?? 0) })
                      : t('emulation.scoring.pass_fail')}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function Tasks({ campaign }: { campaign: TCampaignDetail }) {
  if (campaign.bodyTasks.length === 0) return <None />;
  return (
    <>
      {BODY_KINDS.map((kind) => {
        const items = campaign.bodyTasks.filter((task) => task.bodyKind === kind);
        if (items.length === 0) return null;
        const headings = [...new Set(items.map((task) => task.heading).filter((heading): heading is string => heading !== null))];
        return (
          <section key={kind}>
            <h2>{t(`emulation.body.${kind}`)}</h2>
            {headings.length > 0 && <p className="hint">{headings.join(' · ')}</p>}
            <ul className="emu-items">
              {items.map((task) => (
                <li key={task.id}>
                  <span className="emu-code">{task.code}</span>
                  {task.text}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function Timeline({ campaign }: { campaign: TCampaignDetail }) {
  if (campaign.milestones.length === 0) return <None />;
  return (
    <ol className="emu-timeline" aria-label={t('emulation.campaigns.tab.timeline')}>
      {campaign.milestones.map((m) => (
        <li key={m.id}>
          <time dateTime={m.onDate}>{formatDate(m.onDate)}</time>
          {m.untilDate && ` ${t('emulation.campaigns.untilDate', { date: formatDate(m.untilDate) })}`} · {t(`emulation.milestone.${m.kind}`)}
          <span className="emu-subline">{m.title}</span>
          {m.everyYears !== null && <span className="emu-subline">{t('emulation.campaigns.everyYears', { years: m.everyYears })}</span>}
        </li>
      ))}
    </ol>
  );
}

function Participants({ campaign }: { campaign: TCampaignDetail }) {
  if (campaign.participants.length === 0) return <None />;
  return (
    <ul className="emu-items" aria-label={t('emulation.campaigns.tab.participants')}>
      {campaign.participants.map((p) => (
        <li key={p.id}>
          {p.unit
            ? p.unit.fullName
            : p.organization && t('emulation.campaigns.participantOrganization', { name: p.organization.name, unit: p.organization.unitName })}
        </li>
      ))}
    </ul>
  );
}

const COUNTS: Partial<Record<CampaignTab, (c: TCampaignDetail) => number>> = {
  commitments: (c) => c.commitments.length,
  criteria: (c) => c.criteria.length,
  tasks: (c) => c.bodyTasks.length,
  timeline: (c) => c.milestones.length,
  participants: (c) => c.participants.length,
};

/**
 * A campaign: its header (unit, period, level, status, programme, pack), then one part at a time (overview with the
 * purpose, commitments with their appendix, criteria by whom they apply to, tasks by body, the timeline,
 * participants). The part is in the address.
 */
export function CampaignPage() {
  const id = Number(useParams().id);
  const me = useMe();
  const tab = useCampaignTab();
  const campaign = useCampaign(id);
  usePageTitle(campaign.data?.title ?? t('emulation.campaigns.title'));
  if (!can(me, 'emulation.read')) return <NotAllowed />;
  const data = campaign.data;
  return (
    <article className="emu-page">
      <EmulationNav />
      <p>
        <Link to="/emulation">{t('emulation.campaigns.back')}</Link>
      </p>
      {campaign.isPending && <Loading />}
      <ErrorMessage error={campaign.error} />
      {data && (
        <>
          <header>
            <p className="emu-subline">
              {data.code} · {t(`emulation.campaignLevel.${data.level}`)}
            </p>
            <h1>{data.title}</h1>
            <dl className="emu-facts">
              <div>
                <dt>{t('emulation.campaigns.unit')}</dt>
                <dd>{data.unit.fullName}</dd>
              </div>
              <div>
                <dt>{t('emulation.campaigns.period')}</dt>
                <dd>{t('emulation.campaigns.periodText', { from: formatDate(data.startsOn), to: formatDate(data.endsOn) })}</dd>
              </div>
              <div>
                <dt>{t('emulation.campaigns.status')}</dt>
                <dd>{t(`emulation.campaignStatus.${data.status}`)}</dd>
              </div>
              <div>
                <dt>{t('emulation.campaigns.programme')}</dt>
                <dd>
                  {data.programme ? (
                    <Link to={`/programmes/${data.programme.id}`}>{`${data.programme.number} · ${data.programme.title}`}</Link>
                  ) : (
                    t('emulation.campaigns.noProgramme')
                  )}
                </dd>
              </div>
              {data.pack && (
                <div>
                  <dt>{t('emulation.pack.title')}</dt>
                  <dd>{t('emulation.campaigns.fromPack', { code: data.pack.code, version: data.pack.version })}</dd>
                </div>
              )}
            </dl>
            {data.canManage && (
              <p>
                <Link className="button button-secondary" to={`/emulation/campaigns/${data.id}/edit`}>
                  {t('emulation.campaigns.edit')}
                </Link>
              </p>
            )}
          </header>
          <nav className="emu-tabs" aria-label={t('emulation.campaigns.parts')}>
            <ul>
              {CAMPAIGN_TABS.map((name) => (
                <li key={name}>
                  <Link to={`/emulation/campaigns/${data.id}${campaignTabSearch(name)}`} aria-current={tab === name ? 'page' : undefined} preventScrollReset>
                    {t(`emulation.campaigns.tab.${name}`)}
                    {COUNTS[name] && <span className="count"> {formatNumber(COUNTS[name](data))}</span>}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {tab === 'overview' && <Overview campaign={data} />}
          {tab === 'commitments' && <Commitments campaign={data} />}
          {tab === 'criteria' && <Criteria campaign={data} />}
          {tab === 'tasks' && <Tasks campaign={data} />}
          {tab === 'timeline' && <Timeline campaign={data} />}
          {tab === 'participants' && <Participants campaign={data} />}
        </>
      )}
    </article>
  );
}
