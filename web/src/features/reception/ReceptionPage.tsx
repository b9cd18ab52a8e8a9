import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FRONT_BODIES, LEADER_KINDS, type TLeaderKind, type TRecommendation } from '#contracts/reception/api.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { Empty, ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatNumber, todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { AttachmentsPanel } from '../files/AttachmentsPanel.tsx';
import {
  useAnswerRecommendation,
  useCloseRecommendation,
  useCompliance,
  useCreateDialogue,
  useCreateFrontActivity,
  useCreateSchedule,
  useCreateSession,
  useDialogues,
  useFrontActivities,
  useRecommendations,
  useSchedules,
  useSessions,
} from './reception.api.ts';
import './reception.css';

const TABS = ['compliance', 'sessions', 'dialogues', 'front', 'recommendations'] as const;
type Tab = (typeof TABS)[number];
type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The months offered: from three years back to a year ahead of today, newest first (no native month input: it follows the browser's language). */
function monthChoices(today: string): string[] {
  const months: string[] = [];
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  for (let offset = 12; offset >= -36; offset--) {
    const index = year * 12 + (month - 1) + offset;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const lines = (value: string) => value.split('\n').map((line) => line.trim()).filter(Boolean);

/** "Tiếp công dân, đối thoại": the five parts as tabs in the address (?tab=…). */
export function ReceptionPage() {
  usePageTitle(t('reception.title'));
  const me = useMe();
  const [params] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'compliance';
  if (!can(me, 'reception.read')) return <p className="error">{t('reception.notAllowed')}</p>;
  const unitId = me.unitId ?? null;
  const manage = can(me, 'reception.manage') && unitId !== null;
  return (
    <section className="rcp-page">
      <div className="page-head">
        <h1>{t('reception.title')}</h1>
      </div>
      <p className="hint">{t('reception.intro')}</p>
      <nav className="rcp-tabs" aria-label={t('reception.parts')}>
        <ul>
          {TABS.map((name) => (
            <li key={name}>
              <Link to={`/reception?tab=${name}`} aria-current={tab === name ? 'page' : undefined}>
                {t(`reception.tab.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'compliance' && <ComplianceTab unitId={unitId} manage={manage} />}
      {tab === 'sessions' && <SessionsTab unitId={unitId} manage={manage} />}
      {tab === 'dialogues' && <DialoguesTab unitId={unitId} manage={manage} />}
      {tab === 'front' && <FrontTab unitId={unitId} manage={manage} />}
      {tab === 'recommendations' && <RecommendationsTab manage={manage} />}
    </section>
  );
}

function LeaderFields({ id }: { id: string }) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('reception.leaderName')}</label>
        <input id={`${id}-name`} name="leaderName" required maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-position`}>{t('reception.leaderPosition')}</label>
        <input id={`${id}-position`} name="leaderPosition" required maxLength={200} placeholder={t('reception.leaderPositionHint')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('reception.leaderKind')}</label>
        <select id={`${id}-kind`} name="roleKind" defaultValue="government_head">
          {LEADER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`reception.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

const leaderFrom = (form: FormData) => ({ name: text(form, 'leaderName'), position: text(form, 'leaderPosition'), roleKind: text(form, 'roleKind') as TLeaderKind });

function ComplianceTab({ unitId, manage }: { unitId: number | null; manage: boolean }) {
  const id = useId();
  const [month, setMonth] = useState(todayInVietnam().slice(0, 7));
  const rows = useCompliance(month);
  const schedules = useSchedules();
  const create = useCreateSchedule();
  const [recurrence, setRecurrence] = useState<'weekly' | 'monthly' | 'once'>('weekly');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (unitId === null) return;
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    create.mutate(
      {
        unitId,
        leader: leaderFrom(form),
        recurrence,
        ...(recurrence === 'weekly' ? { weekday: Number(form.get('weekday')) } : {}),
        ...(recurrence === 'monthly' ? { monthDay: Number(form.get('monthDay')) } : {}),
        validFrom: text(form, 'validFrom'),
        place: text(form, 'place') || null,
      },
      { onSuccess: () => target.reset() },
    );
  };
  return (
    <>
      <h2>{t('reception.compliance.title')}</h2>
      <p className="hint">{t('reception.compliance.hint')}</p>
      <div className="field rcp-month">
        <label htmlFor={`${id}-month`}>{t('reception.month')}</label>
        <select id={`${id}-month`} value={month} onChange={(event) => setMonth(event.target.value)}>
          {monthChoices(todayInVietnam()).map((m) => (
            <option key={m} value={m}>
              {t('reception.monthOption', { month: m.slice(5), year: m.slice(0, 4) })}
            </option>
          ))}
        </select>
      </div>
      {rows.isPending && <Loading />}
      <ErrorMessage error={rows.error} />
      {rows.data && rows.data.length === 0 && <Empty>{t('reception.compliance.none')}</Empty>}
      {rows.data && rows.data.length > 0 && (
        <table className="table responsive rcp-table">
          <thead>
            <tr>
              <th>{t('reception.leader')}</th>
              <th>{t('reception.unit')}</th>
              <th className="num">{t('reception.required')}</th>
              <th className="num">{t('reception.held')}</th>
              <th>{t('reception.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map((row) => (
              <tr key={`${row.unitId}-${row.leader.position}-${row.leader.personId ?? ''}`}>
                <td>
                  {row.leader.name}
                  <span className="rcp-sub">{row.leader.position}</span>
                </td>
                <td data-label={t('reception.unit')}>{row.unitName}</td>
                <td className="num" data-label={t('reception.required')}>
                  {row.required === null ? '—' : formatNumber(row.required)}
                  {row.rule && <span className="rcp-sub">{t(row.rule.per === 'week' ? 'reception.perWeek' : 'reception.perMonth', { days: row.rule.days })}</span>}
                  {row.rule?.unconfirmed && <span className="rcp-sub rcp-warn">{t('reception.unconfirmed')}</span>}
                </td>
                <td className="num" data-label={t('reception.held')}>
                  {formatNumber(row.held)}
                </td>
                <td data-label={t('reception.status')}>
                  <span className={`rcp-badge rcp-${row.status}`}>{t(`reception.compliance.${row.status}`)}</span>
                  {row.weeksShort.length > 0 && (
                    <span className="rcp-sub">{t('reception.weeksShort', { weeks: row.weeksShort.map((w) => formatDate(w)).join(', ') })}</span>
                  )}
                  {row.rule && <span className="rcp-sub">{row.rule.basis}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('reception.schedules')}</h2>
      <ErrorMessage error={schedules.error} />
      {schedules.data && schedules.data.length === 0 && <Empty>{t('reception.schedules.none')}</Empty>}
      {schedules.data && schedules.data.length > 0 && (
        <ul className="rcp-list">
          {schedules.data.map((s) => (
            <li key={s.id}>
              <strong>{s.leader.name}</strong> — {s.leader.position}, {s.unitName}:{' '}
              {s.recurrence === 'weekly'
                ? t('reception.everyWeekday', { day: t(`reception.weekday.${(s.weekday ?? 1) as Weekday}`) })
                : s.recurrence === 'monthly'
                  ? t('reception.everyMonthDay', { day: s.monthDay ?? 1 })
                  : t('reception.onceOn', { date: formatDate(s.validFrom) })}{' '}
              <span className="muted">{t('reception.validRange', { from: formatDate(s.validFrom), to: s.validTo ? formatDate(s.validTo) : '…' })}</span>
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <form className="panel rcp-form" onSubmit={submit}>
          <h3>{t('reception.schedules.add')}</h3>
          <LeaderFields id={`${id}-l`} />
          <div className="field">
            <label htmlFor={`${id}-rec`}>{t('reception.recurrence')}</label>
            <select id={`${id}-rec`} value={recurrence} onChange={(event) => setRecurrence(event.target.value as typeof recurrence)}>
              {(['weekly', 'monthly', 'once'] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`reception.recurrence.${r}`)}
                </option>
              ))}
            </select>
          </div>
          {recurrence === 'weekly' && (
            <div className="field">
              <label htmlFor={`${id}-wd`}>{t('reception.weekdayLabel')}</label>
              <select id={`${id}-wd`} name="weekday" defaultValue="2">
                {([1, 2, 3, 4, 5, 6, 7] as const).map((d) => (
                  <option key={d} value={d}>
                    {t(`reception.weekday.${d}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {recurrence === 'monthly' && (
            <div className="field">
              <label htmlFor={`${id}-md`}>{t('reception.monthDayLabel')}</label>
              <input id={`${id}-md`} name="monthDay" type="number" min={1} max={31} defaultValue={15} required />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-from`}>{recurrence === 'once' ? t('reception.date') : t('reception.validFrom')}</label>
            <DateField id={`${id}-from`} name="validFrom" required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-place`}>{t('reception.place')}</label>
            <input id={`${id}-place`} name="place" maxLength={300} />
          </div>
          <button type="submit" disabled={create.isPending}>
            {t('reception.save')}
          </button>
          <ErrorMessage error={create.error} />
          {create.isSuccess && <Success>{t('reception.saved')}</Success>}
        </form>
      )}
    </>
  );
}

function SessionsTab({ unitId, manage }: { unitId: number | null; manage: boolean }) {
  const id = useId();
  const sessions = useSessions();
  const create = useCreateSession();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (unitId === null) return;
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    create.mutate(
      {
        unitId,
        leader: leaderFrom(form),
        heldOn: text(form, 'heldOn'),
        kind: text(form, 'kind') as 'regular' | 'ad_hoc',
        personsReceived: Number(form.get('personsReceived')),
        notes: text(form, 'notes') || null,
      },
      { onSuccess: () => target.reset() },
    );
  };
  return (
    <>
      <h2>{t('reception.tab.sessions')}</h2>
      {sessions.isPending && <Loading />}
      <ErrorMessage error={sessions.error} />
      {sessions.data && sessions.data.length === 0 && <Empty>{t('reception.sessions.none')}</Empty>}
      {sessions.data && sessions.data.length > 0 && (
        <table className="table responsive rcp-table">
          <thead>
            <tr>
              <th>{t('reception.date')}</th>
              <th>{t('reception.leader')}</th>
              <th>{t('reception.unit')}</th>
              <th>{t('reception.sessionKind')}</th>
              <th className="num">{t('reception.personsReceived')}</th>
              <th>{t('reception.cases')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((s) => (
              <tr key={s.id}>
                <td className="rcp-date">{formatDate(s.heldOn)}</td>
                <td data-label={t('reception.leader')}>
                  {s.leader.name}
                  <span className="rcp-sub">{s.leader.position}</span>
                </td>
                <td data-label={t('reception.unit')}>{s.unitName}</td>
                <td data-label={t('reception.sessionKind')}>{t(`reception.sessionKind.${s.kind}`)}</td>
                <td className="num" data-label={t('reception.personsReceived')}>
                  {formatNumber(s.personsReceived)}
                </td>
                <td data-label={t('reception.cases')}>{s.cases.length === 0 ? '—' : s.cases.map((c) => c.code).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manage && (
        <form className="panel rcp-form" onSubmit={submit}>
          <h3>{t('reception.sessions.add')}</h3>
          <LeaderFields id={`${id}-l`} />
          <div className="field">
            <label htmlFor={`${id}-on`}>{t('reception.date')}</label>
            <DateField id={`${id}-on`} name="heldOn" required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('reception.sessionKind')}</label>
            <select id={`${id}-kind`} name="kind" defaultValue="regular">
              <option value="regular">{t('reception.sessionKind.regular')}</option>
              <option value="ad_hoc">{t('reception.sessionKind.ad_hoc')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-n`}>{t('reception.personsReceived')}</label>
            <input id={`${id}-n`} name="personsReceived" type="number" min={0} max={100000} defaultValue={0} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-notes`}>{t('reception.notes')}</label>
            <textarea id={`${id}-notes`} name="notes" rows={2} maxLength={4000} />
          </div>
          <button type="submit" disabled={create.isPending}>
            {t('reception.save')}
          </button>
          <ErrorMessage error={create.error} />
          {create.isSuccess && <Success>{t('reception.saved')}</Success>}
        </form>
      )}
    </>
  );
}

function RecommendationDraftField({ id }: { id: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{t('reception.recommendationsDraft')}</label>
      <textarea id={id} name="recommendations" rows={3} placeholder={t('reception.recommendationsDraftHint')} />
    </div>
  );
}

/** "Nội dung | Cơ quan được kiến nghị | hạn dd/mm/yyyy" per line. */
function draftsFrom(value: string) {
  return lines(value).map((line) => {
    const [content = '', body = '', due = ''] = line.split('|').map((part) => part.trim());
    const [d, m, y] = due.split('/');
    return { content, addressedBody: body, dueOn: y && m && d ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : due };
  });
}

function DialoguesTab({ unitId, manage }: { unitId: number | null; manage: boolean }) {
  const id = useId();
  const list = useDialogues();
  const create = useCreateDialogue();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (unitId === null) return;
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    create.mutate(
      {
        unitId,
        kind: text(form, 'kind') as 'dialogue' | 'voter_meeting',
        heldOn: text(form, 'heldOn'),
        subject: text(form, 'subject'),
        place: text(form, 'place') || null,
        leaders: [leaderFrom(form)],
        participantCount: Number(form.get('participantCount')),
        participantBodies: lines(text(form, 'participantBodies')),
        issues: lines(text(form, 'issues')),
        recommendations: draftsFrom(text(form, 'recommendations')),
      },
      { onSuccess: () => target.reset() },
    );
  };
  return (
    <>
      <h2>{t('reception.tab.dialogues')}</h2>
      {list.isPending && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && list.data.length === 0 && <Empty>{t('reception.dialogues.none')}</Empty>}
      {list.data?.map((d) => (
        <article key={d.id} className="panel rcp-card">
          <h3>
            {t(`reception.dialogueKind.${d.kind}`)}: {d.subject}
          </h3>
          <p className="muted">
            {formatDate(d.heldOn)} · {d.unitName} · {t('reception.participantsCount', { n: formatNumber(d.participantCount) })}
            {d.byHead && ` · ${t('reception.byHead')}`}
          </p>
          <p>
            {t('reception.leaders')}: {d.leaders.map((l) => `${l.name} (${l.position})`).join('; ')}
          </p>
          {d.participantBodies.length > 0 && <p>{t('reception.participantBodies')}: {d.participantBodies.join(', ')}</p>}
          {d.issues.length > 0 && (
            <>
              <p className="rcp-label">{t('reception.issues')}</p>
              <ul>
                {d.issues.map((issue, index) => (
                  <li key={index}>{issue}</li>
                ))}
              </ul>
            </>
          )}
          <RecommendationList items={d.recommendations} />
        </article>
      ))}
      {manage && (
        <form className="panel rcp-form" onSubmit={submit}>
          <h3>{t('reception.dialogues.add')}</h3>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('reception.dialogueKindLabel')}</label>
            <select id={`${id}-kind`} name="kind" defaultValue="dialogue">
              <option value="dialogue">{t('reception.dialogueKind.dialogue')}</option>
              <option value="voter_meeting">{t('reception.dialogueKind.voter_meeting')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-on`}>{t('reception.date')}</label>
            <DateField id={`${id}-on`} name="heldOn" required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-subject`}>{t('reception.subject')}</label>
            <input id={`${id}-subject`} name="subject" required maxLength={500} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-place`}>{t('reception.place')}</label>
            <input id={`${id}-place`} name="place" maxLength={300} />
          </div>
          <LeaderFields id={`${id}-l`} />
          <div className="field">
            <label htmlFor={`${id}-n`}>{t('reception.participantCount')}</label>
            <input id={`${id}-n`} name="participantCount" type="number" min={0} defaultValue={0} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-bodies`}>{t('reception.participantBodiesOnePerLine')}</label>
            <textarea id={`${id}-bodies`} name="participantBodies" rows={2} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-issues`}>{t('reception.issuesOnePerLine')}</label>
            <textarea id={`${id}-issues`} name="issues" rows={3} />
          </div>
          <RecommendationDraftField id={`${id}-recs`} />
          <button type="submit" disabled={create.isPending}>
            {t('reception.save')}
          </button>
          <ErrorMessage error={create.error} />
          {create.isSuccess && <Success>{t('reception.saved')}</Success>}
        </form>
      )}
    </>
  );
}

function FrontTab({ unitId, manage }: { unitId: number | null; manage: boolean }) {
  const id = useId();
  const list = useFrontActivities();
  const create = useCreateFrontActivity();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (unitId === null) return;
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    create.mutate(
      {
        unitId,
        kind: text(form, 'kind') as 'supervision' | 'critique',
        body: text(form, 'body') as (typeof FRONT_BODIES)[number],
        subject: text(form, 'subject'),
        periodFrom: text(form, 'periodFrom'),
        periodTo: text(form, 'periodTo'),
        findings: text(form, 'findings') || null,
        recommendations: draftsFrom(text(form, 'recommendations')),
      },
      { onSuccess: () => target.reset() },
    );
  };
  return (
    <>
      <h2>{t('reception.tab.front')}</h2>
      {list.isPending && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && list.data.length === 0 && <Empty>{t('reception.front.none')}</Empty>}
      {list.data?.map((a) => (
        <article key={a.id} className="panel rcp-card">
          <h3>
            {t(`reception.frontKind.${a.kind}`)}: {a.subject}
          </h3>
          <p className="muted">
            {t(`reception.body.${a.body}`)} · {a.unitName} · {t('reception.validRange', { from: formatDate(a.periodFrom), to: formatDate(a.periodTo) })}
          </p>
          {a.findings && <p>{a.findings}</p>}
          <RecommendationList items={a.recommendations} />
        </article>
      ))}
      {manage && (
        <form className="panel rcp-form" onSubmit={submit}>
          <h3>{t('reception.front.add')}</h3>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('reception.frontKindLabel')}</label>
            <select id={`${id}-kind`} name="kind" defaultValue="supervision">
              <option value="supervision">{t('reception.frontKind.supervision')}</option>
              <option value="critique">{t('reception.frontKind.critique')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-body`}>{t('reception.bodyLabel')}</label>
            <select id={`${id}-body`} name="body" defaultValue="mttq">
              {FRONT_BODIES.map((b) => (
                <option key={b} value={b}>
                  {t(`reception.body.${b}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-subject`}>{t('reception.subject')}</label>
            <input id={`${id}-subject`} name="subject" required maxLength={500} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('reception.periodFrom')}</label>
            <DateField id={`${id}-from`} name="periodFrom" required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('reception.periodTo')}</label>
            <DateField id={`${id}-to`} name="periodTo" required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-findings`}>{t('reception.findings')}</label>
            <textarea id={`${id}-findings`} name="findings" rows={3} />
          </div>
          <RecommendationDraftField id={`${id}-recs`} />
          <button type="submit" disabled={create.isPending}>
            {t('reception.save')}
          </button>
          <ErrorMessage error={create.error} />
          {create.isSuccess && <Success>{t('reception.saved')}</Success>}
        </form>
      )}
    </>
  );
}

function StateBadge({ item }: { item: TRecommendation }) {
  return (
    <span className={`rcp-badge rcp-${item.state}`}>
      {item.state === 'overdue' ? t('reception.overdueDays', { days: item.daysOverdue }) : t(`reception.state.${item.state}`)}
    </span>
  );
}

function RecommendationList({ items }: { items: TRecommendation[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <p className="rcp-label">{t('reception.recommendations')}</p>
      <ul className="rcp-list">
        {items.map((k) => (
          <li key={k.id}>
            {k.content} — {k.addressedBody} · {t('reception.due', { date: formatDate(k.dueOn) })} <StateBadge item={k} />
          </li>
        ))}
      </ul>
    </>
  );
}

function RecommendationsTab({ manage }: { manage: boolean }) {
  const id = useId();
  const [state, setState] = useState<TRecommendation['state'] | ''>('');
  const list = useRecommendations(state);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <h2>{t('reception.tab.recommendations')}</h2>
      <div className="field rcp-month">
        <label htmlFor={`${id}-state`}>{t('reception.stateFilter')}</label>
        <select id={`${id}-state`} value={state} onChange={(event) => setState(event.target.value as typeof state)}>
          <option value="">{t('reception.all')}</option>
          {(['overdue', 'sent', 'answered', 'closed'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`reception.state.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {list.isPending && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && list.data.length === 0 && <Empty>{t('reception.recommendations.none')}</Empty>}
      {list.data && list.data.length > 0 && (
        <table className="table responsive rcp-table">
          <thead>
            <tr>
              <th>{t('reception.recommendation')}</th>
              <th>{t('reception.addressedBody')}</th>
              <th>{t('reception.dueOn')}</th>
              <th>{t('reception.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((k) => (
              <tr key={k.id} className={k.overdue ? 'rcp-row-overdue' : undefined}>
                <td>
                  {k.content}
                  <span className="rcp-sub">
                    {t(`reception.source.${k.source.kind}`)}: {k.source.subject} ({formatDate(k.source.on)}) · {k.unitName}
                  </span>
                  {k.answerText && <span className="rcp-sub">{t('reception.answerOn', { date: formatDate(k.answeredOn), text: k.answerText })}</span>}
                  {open === k.id && <RecommendationDetail item={k} manage={manage} />}
                </td>
                <td data-label={t('reception.addressedBody')}>{k.addressedBody}</td>
                <td className="rcp-date" data-label={t('reception.dueOn')}>{formatDate(k.dueOn)}</td>
                <td data-label={t('reception.status')}>
                  <StateBadge item={k} />{' '}
                  <button type="button" className="button-secondary" onClick={() => setOpen(open === k.id ? null : k.id)}>
                    {open === k.id ? t('reception.hide') : t('reception.details')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function RecommendationDetail({ item, manage }: { item: TRecommendation; manage: boolean }) {
  const id = useId();
  const answer = useAnswerRecommendation();
  const close = useCloseRecommendation();
  return (
    <div className="rcp-detail">
      {manage && item.status === 'sent' && (
        <form
          className="rcp-form"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            answer.mutate({ id: item.id, answerText: text(form, 'answerText'), answeredOn: text(form, 'answeredOn'), seenVersion: item.version });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('reception.answerText')}</label>
            <textarea id={`${id}-text`} name="answerText" rows={3} required maxLength={20000} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-on`}>{t('reception.answeredOn')}</label>
            <DateField id={`${id}-on`} name="answeredOn" required defaultValue={todayInVietnam()} />
          </div>
          <button type="submit" disabled={answer.isPending}>
            {t('reception.recordAnswer')}
          </button>
          <ErrorMessage error={answer.error} />
        </form>
      )}
      {manage && item.status === 'answered' && (
        <button type="button" disabled={close.isPending} onClick={() => close.mutate({ id: item.id, closedOn: todayInVietnam(), seenVersion: item.version })}>
          {t('reception.close')}
        </button>
      )}
      <ErrorMessage error={close.error} />
      <AttachmentsPanel ownerType="reception_recommendation" ownerId={item.id} mayAttach={manage} />
    </div>
  );
}
