import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { attendanceRate, periodBounds } from '#contracts/grassroots/briefings.ts';
import type { TBriefingBody, TBriefingCell } from '#contracts/grassroots/briefing.schemas.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { OutboxStatus } from '../../components/outbox/OutboxStatus.tsx';
import { useOutbox } from '../../components/outbox/useOutbox.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatNumber, todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { GrassrootsNav } from './GrassrootsNav.tsx';
import { useBriefingMembers, useBriefings, useSentimentTopics } from './grassroots.api.ts';
import { recordBriefingOutbox } from './outbox.ts';
import './grassroots.css';

/** "Tháng 11/2026" or "Quý 4/2026"; short: "11/2026", "Q4/2026". */
function periodLabel(period: string, short = false): string {
  const [year, part] = period.split('-') as [string, string];
  if (part.startsWith('Q')) return short ? `Q${part.slice(1)}/${year}` : t('grassroots.briefings.quarter', { quarter: part.slice(1), year });
  return short ? `${part}/${year}` : t('grassroots.briefings.month', { month: part, year });
}

const percent = (value: number | null) => (value === null ? '—' : t('grassroots.figures.share', { share: formatNumber(value) }));

function cellText(cell: TBriefingCell): string {
  if (cell.status === 'held') return t('grassroots.briefings.cell.held', { attended: formatNumber(cell.attended ?? 0), members: formatNumber(cell.members ?? 0) });
  return t(cell.status === 'missed' ? 'grassroots.briefings.cell.missed' : 'grassroots.briefings.cell.open');
}

function cellTitle(cell: TBriefingCell): string {
  const when = periodLabel(cell.period);
  if (cell.status === 'held') return t('grassroots.briefings.cell.heldLong', { period: when, date: formatDate(cell.heldOn), attended: formatNumber(cell.attended ?? 0), members: formatNumber(cell.members ?? 0) });
  if (cell.status === 'missed') return cell.reason ? t('grassroots.briefings.cell.notHeldLong', { period: when, reason: cell.reason }) : t('grassroots.briefings.cell.missedLong', { period: when });
  return t('grassroots.briefings.cell.openLong', { period: when });
}

/** The periods a briefing may still be recorded for: not recorded, begun by today; the newest first. */
const recordable = (body: TBriefingBody, today: string) =>
  body.periods.filter((cell) => cell.briefingId === null && periodBounds(cell.period).start <= today).reverse();

/**
 * "Giao ban": the briefings of the Khối dân vận and Tổ dân vận of the reader's scope, the last 12 months period by
 * period (held with attendance, missed, open), and the form to record one: held on a day with the members present
 * ticked from those registered, issues and topics; or not held, with the reason. Saved through the browser outbox.
 */
export function BriefingsPage() {
  usePageTitle(t('grassroots.briefings.title'));
  const id = useId();
  const me = useMe();
  const today = todayInVietnam();
  const [type, setType] = useState<'' | 'commune_bloc' | 'village_team'>('');
  const briefings = useBriefings(type ? { type } : {});
  const outbox = useOutbox();
  const client = useQueryClient();
  const [bodyId, setBodyId] = useState<number | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // a briefing that reached the server: the grid and the figures show it
  useEffect(() => {
    if (outbox.sent > 0) void client.invalidateQueries({ queryKey: ['grassroots', 'briefings'] });
  }, [outbox.sent, client]);
  if (!can(me, 'grassroots.read')) return <p>{t('grassroots.briefings.notAllowed')}</p>;
  const bodies = briefings.data?.bodies ?? [];
  const mayRecord = can(me, 'grassroots.log');
  const open = (organizationId: number) => {
    setBodyId(organizationId);
    requestAnimationFrame(() => formRef.current?.scrollIntoView({ block: 'start' }));
  };
  const body = bodies.find((b) => b.organizationId === bodyId) ?? null;
  const total = briefings.data?.total;

  return (
    <section className="gr-page">
      <div className="page-head">
        <h1>{t('grassroots.briefings.title')}</h1>
      </div>
      <GrassrootsNav />
      <p className="hint">{t('grassroots.briefings.intro')}</p>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('grassroots.briefings.type')}</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            <option value="">{t('grassroots.briefings.type.all')}</option>
            <option value="commune_bloc">{t('grassroots.briefings.type.commune_bloc')}</option>
            <option value="village_team">{t('grassroots.briefings.type.village_team')}</option>
          </select>
        </div>
      </form>
      {briefings.isPending && <Loading />}
      <ErrorMessage error={briefings.error} />
      {total && total.due > 0 && (
        <p className="gb-summary" role="status" aria-label={t('grassroots.briefings.summaryLabel')}>
          {t('grassroots.briefings.summary', { held: formatNumber(total.held), due: formatNumber(total.due), share: percent(total.share), rate: percent(total.attendanceRate) })}
        </p>
      )}
      {briefings.data && bodies.length === 0 && <Empty>{t('grassroots.briefings.none')}</Empty>}
      {briefings.data?.truncated && <p className="hint">{t('grassroots.briefings.truncated')}</p>}
      {body && mayRecord && <BriefingForm key={body.organizationId} formRef={formRef} body={body} today={today} onClose={() => setBodyId(null)} />}
      <ul className="gb-bodies">
        {bodies.map((b) => {
          const decided = b.periods.filter((cell) => cell.status !== 'open');
          const held = decided.filter((cell) => cell.status === 'held').length;
          return (
            <li key={b.organizationId} className="gb-body">
              <div className="gb-body-head">
                <h2 id={`${id}-b${b.organizationId}`}>{b.name}</h2>
                <span className="gr-subline">
                  {t('grassroots.briefings.bodyLine', {
                    commune: b.communeName,
                    members: formatNumber(b.members),
                    recurrence: t(`grassroots.briefings.recurrence.${b.recurrence}`),
                    held: formatNumber(held),
                    due: formatNumber(decided.length),
                  })}
                </span>
                {mayRecord && recordable(b, today).length > 0 && (
                  <button type="button" className="button-secondary" onClick={() => open(b.organizationId)} aria-describedby={`${id}-b${b.organizationId}`}>
                    {t('grassroots.briefings.record')}
                  </button>
                )}
              </div>
              <ol className="gb-periods" aria-labelledby={`${id}-b${b.organizationId}`}>
                {b.periods.map((cell) => (
                  <li key={cell.period} className={`gb-cell gb-${cell.status}`} title={cellTitle(cell)}>
                    <span className="gb-period" aria-hidden="true">{periodLabel(cell.period, true)}</span>
                    <span className="gb-status" aria-hidden="true">{cellText(cell)}</span>
                    <span className="visually-hidden">{cellTitle(cell)}</span>
                  </li>
                ))}
              </ol>
            </li>
          );
        })}
      </ul>
      <OutboxStatus />
    </section>
  );
}

/** The form of one body's briefing: period, held or not, the day, who attended (ticked from the registered), issues, topics; or the reason. */
function BriefingForm({ body, today, onClose, formRef }: { body: TBriefingBody; today: string; onClose: () => void; formRef: React.RefObject<HTMLFormElement | null> }) {
  const id = useId();
  const outbox = useOutbox();
  const periods = recordable(body, today);
  const [period, setPeriod] = useState(periods[0]?.period ?? '');
  const bounds = period ? periodBounds(period) : null;
  const defaultDay = bounds ? (bounds.end < today ? bounds.end : today) : today;
  const [held, setHeld] = useState(true);
  const [heldOn, setHeldOn] = useState(defaultDay);
  const [present, setPresent] = useState<number[]>([]);
  const [issues, setIssues] = useState('');
  const [topics, setTopics] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'missingDay' | 'dayOutside' | 'missingReason' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const members = useBriefingMembers(body.organizationId, held ? heldOn : defaultDay);
  const topicList = useSentimentTopics();
  const registered = members.data?.members ?? [];
  const ticked = present.filter((p) => registered.some((m) => m.personId === p));

  const choosePeriod = (value: string) => {
    setPeriod(value);
    const b = periodBounds(value);
    setHeldOn(b.end < today ? b.end : today);
    setPresent([]);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!period || !bounds) return;
    if (held && !heldOn) return setProblem('missingDay');
    if (held && (heldOn < bounds.start || heldOn > bounds.end || heldOn > today)) return setProblem('dayOutside');
    if (!held && !reason.trim()) return setProblem('missingReason');
    setProblem(null);
    const input = held
      ? { organizationId: body.organizationId, period, held: true, heldOn, attendees: ticked, topics, ...(issues.trim() ? { issues: issues.trim() } : {}) }
      : { organizationId: body.organizationId, period, held: false, reason: reason.trim(), attendees: [], topics: [] };
    await outbox.enqueue(recordBriefingOutbox, { coalesceKey: `briefing|${body.organizationId}|${period}`, input: (writeId: string) => ({ body: { ...input, id: writeId } }) });
    setSaved(periodLabel(period));
    const next = periods.find((cell) => cell.period !== period)?.period ?? '';
    if (next) choosePeriod(next);
    else setPeriod('');
    setIssues('');
    setTopics([]);
    setReason('');
  };

  return (
    <form ref={formRef} className="gr-form gb-form" onSubmit={(event) => void save(event)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('grassroots.briefings.form.title', { name: body.name })}</h2>
      <p className="hint">{t('grassroots.briefings.form.hint')}</p>
      {periods.length === 0 ? (
        <p>{t('grassroots.briefings.form.nothingLeft')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-period`}>{t('grassroots.briefings.form.period')}</label>
            <select id={`${id}-period`} value={period} onChange={(e) => choosePeriod(e.target.value)}>
              {periods.map((cell) => (
                <option key={cell.period} value={cell.period}>
                  {periodLabel(cell.period)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="gb-outcome">
            <legend>{t('grassroots.briefings.form.held')}</legend>
            <div className="gr-checks">
              <label>
                <input type="radio" name={`${id}-held`} checked={held} onChange={() => setHeld(true)} />
                {t('grassroots.briefings.form.heldYes')}
              </label>
              <label>
                <input type="radio" name={`${id}-held`} checked={!held} onChange={() => setHeld(false)} />
                {t('grassroots.briefings.form.heldNo')}
              </label>
            </div>
          </fieldset>
          {held ? (
            <>
              <div className="field">
                <label htmlFor={`${id}-day`}>{t('grassroots.briefings.form.day')}</label>
                <DateField id={`${id}-day`} value={heldOn} onChange={setHeldOn} {...(bounds ? { min: bounds.start, max: bounds.end < today ? bounds.end : today } : {})} />
              </div>
              <fieldset className="gr-topics">
                <legend>{t('grassroots.briefings.form.attendance')}</legend>
                {members.isPending && <Loading />}
                <ErrorMessage error={members.error} />
                {members.data && registered.length === 0 && <p>{t('grassroots.briefings.form.noMembers')}</p>}
                <div className="gb-members">
                  {registered.map((m) => (
                    <label key={m.personId}>
                      <input
                        type="checkbox"
                        checked={present.includes(m.personId)}
                        onChange={(e) => setPresent((list) => (e.target.checked ? [...list, m.personId] : list.filter((x) => x !== m.personId)))}
                      />
                      <span>
                        {m.personName}
                        <span className="gr-subline">{m.title}</span>
                      </span>
                    </label>
                  ))}
                </div>
                {registered.length > 0 && (
                  <p className="gr-days" role="status">
                    {t('grassroots.briefings.form.count', { attended: formatNumber(ticked.length), members: formatNumber(registered.length), rate: percent(attendanceRate(ticked.length, registered.length)) })}
                  </p>
                )}
              </fieldset>
              <div className="field">
                <label htmlFor={`${id}-issues`}>{t('grassroots.briefings.form.issues')}</label>
                <textarea id={`${id}-issues`} value={issues} maxLength={20000} onChange={(e) => setIssues(e.target.value)} />
              </div>
              {(topicList.data ?? []).length > 0 && (
                <fieldset className="gr-topics">
                  <legend>{t('grassroots.briefings.form.topics')}</legend>
                  <div className="gr-checks">
                    {(topicList.data ?? []).map((topic) => (
                      <label key={topic.code}>
                        <input
                          type="checkbox"
                          checked={topics.includes(topic.code)}
                          onChange={(e) => setTopics((list) => (e.target.checked ? [...list, topic.code] : list.filter((x) => x !== topic.code)))}
                        />
                        {topic.name}
                      </label>
                    ))}
                  </div>
                </fieldset>
              )}
            </>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-reason`}>{t('grassroots.briefings.form.reason')}</label>
              <textarea id={`${id}-reason`} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
            </div>
          )}
          {problem && (
            <p className="alert" role="alert">
              {t(`grassroots.briefings.form.${problem}`)}
            </p>
          )}
        </>
      )}
      <div className="buttons">
        {periods.length > 0 && <button type="submit">{t('grassroots.briefings.form.save')}</button>}
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('grassroots.briefings.form.close')}
        </button>
      </div>
      {saved && <p role="status">{t('grassroots.briefings.form.saved', { period: saved })}</p>}
    </form>
  );
}
