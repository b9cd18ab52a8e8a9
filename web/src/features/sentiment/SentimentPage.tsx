import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  SENTIMENT_ALERT_STATUSES, SENTIMENT_SEVERITIES, SENTIMENT_TRENDS, type TSentimentAlert, type TSentimentAlertStatus, type TSentimentReport, type TSentimentSeverity,
  type TSentimentTrend,
} from '#contracts/sentiment/api.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { OutboxStatus } from '../../components/outbox/OutboxStatus.tsx';
import { useOutbox } from '../../components/outbox/useOutbox.ts';
import { addDays } from '../../components/date-text.ts';
import { Empty, ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatDateTime, formatNumber, todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { sentimentReportOutbox } from './outbox.ts';
import { SeverityOptions, severityName, TopicOptions } from './options.tsx';
import { RulesPanel } from './RulesPanel.tsx';
import { useAddNote, useAlert, useAlerts, useCommuneHotspots, useMap, useMoveAlert, usePlaces, useReports, useTable, useTeams } from './sentiment.api.ts';
import './sentiment.css';

const TABS = ['report', 'list', 'table', 'alerts', 'rules'] as const;
type Tab = (typeof TABS)[number];

/** "Tình hình nhân dân": the report form (offline through the outbox), the list, the table and map, the alerts inbox (?tab=…). */
export function SentimentPage() {
  usePageTitle(t('sentiment.title'));
  const me = useMe();
  const [params] = useSearchParams();
  const mayReport = can(me, 'sentiment.report');
  const mayConfigure = can(me, 'sentiment.configure');
  const fallback: Tab = mayReport ? 'report' : 'list';
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : fallback;
  if (!can(me, 'sentiment.read')) return <p className="error">{t('sentiment.notAllowed')}</p>;
  return (
    <section className="snt-page">
      <div className="page-head">
        <h1>{t('sentiment.title')}</h1>
      </div>
      <p className="hint">{t('sentiment.intro')}</p>
      <nav className="snt-tabs" aria-label={t('sentiment.parts')}>
        <ul>
          {TABS.filter((name) => (name !== 'report' || mayReport) && (name !== 'rules' || mayConfigure)).map((name) => (
            <li key={name}>
              <Link to={`/tinh-hinh-nhan-dan?tab=${name}`} aria-current={tab === name ? 'page' : undefined}>
                {t(`sentiment.tab.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'report' && mayReport && <ReportForm unitId={me.unitId} />}
      {tab === 'list' && <ReportList />}
      {tab === 'table' && <TableAndMap />}
      {tab === 'alerts' && <AlertsInbox />}
      {tab === 'rules' && mayConfigure && <RulesPanel provinceId={me.unitId} />}
    </section>
  );
}

function ReportForm({ unitId }: { unitId: number | null }) {
  const id = useId();
  const places = usePlaces(unitId);
  const teams = useTeams(unitId);
  const outbox = useOutbox();
  const today = todayInVietnam();
  const [reportedOn, setReportedOn] = useState(today);
  const [point, setPoint] = useState<{ lat: number; lng: number } | null | 'none'>(null);
  const [missing, setMissing] = useState(false);
  const [count, setCount] = useState(0);
  // a fresh form after each report (form.reset() would also blank the date field, which React keeps)
  const [formKey, setFormKey] = useState(0);
  const options = places.data ? [places.data.unit, ...places.data.children.filter((c) => c.level === 'village' || c.level === 'commune')] : [];
  const defaultPlace = options.length === 1 ? String(options[0]?.id) : '';
  const [chosenPlace, setChosenPlace] = useState<string | null>(null);
  const placeId = Number(chosenPlace ?? defaultPlace);
  // the place's own team, or for a place below the home unit (a village) also the home unit's bloc (the commune's)
  const placeTeams = (teams.data ?? []).filter(
    (team) => placeId > 0 && (team.unitId === placeId || (placeId !== unitId && team.unitId === unitId && team.type === 'commune_bloc')),
  );
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const place = Number(data.get('unitId') ?? 0);
    const topic = String(data.get('topic') ?? '');
    const severity = String(data.get('severity') ?? '') as TSentimentSeverity;
    const trend = String(data.get('trend') ?? '') as TSentimentTrend;
    const text = String(data.get('text') ?? '').trim();
    const peopleCount = Number(data.get('peopleCount') ?? 0);
    const team = Number(data.get('organizationId') ?? 0);
    if (!place || !topic || !severity || !trend || !text || !reportedOn) return setMissing(true);
    setMissing(false);
    const located = point !== null && point !== 'none' ? point : null;
    await outbox.enqueue(sentimentReportOutbox, {
      coalesceKey: null,
      input: (writeId: string) => ({
        body: { id: writeId, unitId: place, organizationId: team > 0 ? team : null, topic, severity, trend, text, peopleCount: Number.isFinite(peopleCount) ? Math.max(0, Math.round(peopleCount)) : 0, reportedOn, lat: located?.lat ?? null, lng: located?.lng ?? null },
      }),
    });
    setCount((n) => n + 1);
    setFormKey((n) => n + 1);
    setChosenPlace(null);
    setPoint(null);
  };
  const locate = () => {
    if (!navigator.geolocation) return setPoint('none');
    navigator.geolocation.getCurrentPosition(
      (p) => setPoint({ lat: Math.round(p.coords.latitude * 1e5) / 1e5, lng: Math.round(p.coords.longitude * 1e5) / 1e5 }),
      () => setPoint('none'),
      { timeout: 10_000 },
    );
  };
  if (unitId === null) return <p className="hint">{t('sentiment.placesOffline')}</p>;
  return (
    <form key={formKey} className="snt-form" onSubmit={(event) => void submit(event)}>
      {places.isPending && <Loading />}
      {places.isError && <p className="alert">{t('sentiment.placesOffline')}</p>}
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('sentiment.place')}</label>
          <select id={`${id}-unit`} name="unitId" required defaultValue={defaultPlace} onChange={(event) => setChosenPlace(event.target.value)}>
            <option value="">{t('sentiment.choose')}</option>
            {options.map((u) => (
              <option key={u.id} value={u.id}>
                {u.fullName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-topic`}>{t('sentiment.topic')}</label>
          <select id={`${id}-topic`} name="topic" required defaultValue="">
            <TopicOptions empty={t('sentiment.choose')} />
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-team`}>{t('sentiment.team')}</label>
        <select id={`${id}-team`} name="organizationId" key={placeId} defaultValue="">
          <option value="">{t('sentiment.teamSelf')}</option>
          {placeTeams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.unitId === placeId ? team.name : `${team.name} (${team.unitName})`}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="snt-choice">
        <legend>{t('sentiment.severity')}</legend>
        {SENTIMENT_SEVERITIES.map((s) => (
          <label key={s}>
            <input type="radio" name="severity" value={s} required /> {severityName(s)}
          </label>
        ))}
      </fieldset>
      <fieldset className="snt-choice">
        <legend>{t('sentiment.trend')}</legend>
        {SENTIMENT_TRENDS.map((s) => (
          <label key={s}>
            <input type="radio" name="trend" value={s} required defaultChecked={s === 'steady'} /> {t(`sentiment.trend.${s}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-people`}>{t('sentiment.peopleCount')}</label>
          <input id={`${id}-people`} name="peopleCount" type="number" inputMode="numeric" min={0} max={1000000} defaultValue={1} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('sentiment.reportedOn')}</label>
          <DateField id={`${id}-date`} name="reportedOn" value={reportedOn} onChange={setReportedOn} max={today} required />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('sentiment.text')}</label>
        <textarea id={`${id}-text`} name="text" rows={4} maxLength={4000} required />
      </div>
      <p>
        <button type="button" className="button-secondary" onClick={locate}>
          {t('sentiment.usePoint')}
        </button>{' '}
        {point !== null && point !== 'none' && <span className="hint">{t('sentiment.pointSaved')}</span>}
        {point === 'none' && <span className="hint">{t('sentiment.pointUnavailable')}</span>}
      </p>
      {missing && (
        <p className="alert" role="alert">
          {t('sentiment.needFields')}
        </p>
      )}
      <div className="buttons">
        <button type="submit">{t('sentiment.save')}</button>
      </div>
      {count > 0 && <Success>{`${t('sentiment.saved')} ${t('sentiment.savedCount', { count: formatNumber(count) })}`}</Success>}
      <OutboxStatus />
    </form>
  );
}

function ReportCard({ report }: { report: TSentimentReport }) {
  return (
    <li className="snt-card">
      <p className="snt-card-head">
        <strong>{report.topicName}</strong> · <span className={`snt-sev snt-sev-${report.severity}`}>{severityName(report.severity)}</span> · {t(`sentiment.trend.${report.trend}`)} ·{' '}
        {t('sentiment.people', { count: formatNumber(report.peopleCount) })}
      </p>
      <p className="snt-sub">
        {formatDate(report.reportedOn)} · {report.unitName}
        {report.unitId !== report.communeId && `, ${report.communeName}`}
        {(report.organizationName ?? report.reporterName) && ` · ${t('sentiment.by')}: ${report.organizationName ?? report.reporterName}`}
      </p>
      <p>{report.textHidden ? <em>{t('sentiment.textHidden')}</em> : report.text}</p>
    </li>
  );
}

function Filters({ value, onChange, needsPeriod }: { value: FilterState; onChange: (f: FilterState) => void; needsPeriod: boolean }) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  return (
    <form
      className="form-row snt-filters"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(draft);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-topic`}>{t('sentiment.topic')}</label>
        <select id={`${id}-topic`} value={draft.topic} onChange={(e) => setDraft({ ...draft, topic: e.target.value })}>
          <TopicOptions empty={t('sentiment.anyTopic')} />
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-sev`}>{t('sentiment.minSeverity')}</label>
        <select id={`${id}-sev`} value={draft.minSeverity} onChange={(e) => setDraft({ ...draft, minSeverity: e.target.value as TSentimentSeverity | '' })}>
          <SeverityOptions empty={t('sentiment.anySeverity')} />
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('sentiment.from')}</label>
        <DateField id={`${id}-from`} value={draft.from} onChange={(from) => setDraft({ ...draft, from })} required={needsPeriod} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('sentiment.to')}</label>
        <DateField id={`${id}-to`} value={draft.to} onChange={(to) => setDraft({ ...draft, to })} required={needsPeriod} />
      </div>
      <div className="field snt-filter-button">
        <button type="submit">{t('sentiment.filter')}</button>
      </div>
    </form>
  );
}

interface FilterState {
  topic: string;
  minSeverity: TSentimentSeverity | '';
  from: string;
  to: string;
}

const queryOf = (f: FilterState) => ({
  ...(f.topic ? { topic: f.topic } : {}),
  ...(f.minSeverity ? { minSeverity: f.minSeverity } : {}),
  ...(f.from ? { from: f.from } : {}),
  ...(f.to ? { to: f.to } : {}),
});

function ReportList() {
  const [filter, setFilter] = useState<FilterState>({ topic: '', minSeverity: '', from: '', to: '' });
  const reports = useReports({ ...queryOf(filter), limit: 100 });
  return (
    <>
      <Filters value={filter} onChange={setFilter} needsPeriod={false} />
      {reports.isPending && <Loading />}
      <ErrorMessage error={reports.error} />
      {reports.data && <p>{t('sentiment.total', { total: formatNumber(reports.data.total) })}</p>}
      {reports.data && reports.data.items.length === 0 && <Empty>{t('sentiment.none')}</Empty>}
      <ul className="snt-cards">
        {reports.data?.items.map((report) => <ReportCard key={report.id} report={report} />)}
      </ul>
    </>
  );
}

function TableAndMap() {
  const id = useId();
  const today = todayInVietnam();
  const [filter, setFilter] = useState<FilterState>({ topic: '', minSeverity: '', from: addDays(today, -89), to: today });
  const period = { from: filter.from || addDays(today, -89), to: filter.to || today, ...(filter.topic ? { topic: filter.topic } : {}), ...(filter.minSeverity ? { minSeverity: filter.minSeverity } : {}) };
  const table = useTable(period);
  const map = useMap(period);
  const data = table.data;
  const mapData = map.data;
  const unit = mapData?.map ? Number(mapData.map.viewBox.split(' ')[2]) / 80 : 1;
  const most = Math.max(1, ...(mapData?.points.map((p) => p.count) ?? [1]));
  const topicName = new Map((data?.topics ?? []).map((topic) => [topic.code, topic.name]));
  return (
    <>
      <Filters value={filter} onChange={setFilter} needsPeriod />
      {table.isPending && <Loading />}
      <ErrorMessage error={table.error} />
      {data && (
        <>
          <h2 id={`${id}-tt`}>{t('sentiment.table.title')}</h2>
          <p>{t('sentiment.total', { total: formatNumber(data.total) })}</p>
          {data.rows.length === 0 ? (
            <Empty>{t('sentiment.none')}</Empty>
          ) : (
            <div className="table-scroll">
              <table className="table snt-table" aria-labelledby={`${id}-tt`}>
                <thead>
                  <tr>
                    <th scope="col">{t('sentiment.table.commune')}</th>
                    {data.topics.map((topic) => (
                      <th key={topic.code} scope="col" className="num">
                        {topic.name}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      {t('sentiment.table.total')}
                    </th>
                    <th scope="col" className="num">
                      {t('sentiment.table.high')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row) => (
                    <tr key={row.communeId}>
                      <th scope="row">{row.communeName}</th>
                      {data.topics.map((topic) => (
                        <td key={topic.code} className="num">
                          {formatNumber(row.counts[topic.code] ?? 0)}
                        </td>
                      ))}
                      <td className="num">{formatNumber(row.total)}</td>
                      <td className="num">{formatNumber(row.high)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('sentiment.table.all')}</th>
                    {data.topics.map((topic) => (
                      <td key={topic.code} className="num">
                        {formatNumber(data.totals[topic.code] ?? 0)}
                      </td>
                    ))}
                    <td className="num">{formatNumber(data.total)}</td>
                    <td className="num">{formatNumber(data.rows.reduce((sum, row) => sum + row.high, 0))}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </>
      )}
      <ErrorMessage error={map.error} />
      {mapData && !mapData.map && <p className="hint">{t('sentiment.map.none')}</p>}
      {mapData?.map && (
        <>
          <svg viewBox={mapData.map.viewBox} className="snt-map" role="group" aria-labelledby={`${id}-mt`}>
            <title id={`${id}-mt`}>{t('sentiment.map.title')}</title>
            <path d={mapData.map.path} className="province" />
            {mapData.points
              .filter((p) => p.x !== null && p.y !== null)
              .map((p) => (
                <circle key={`${p.lat}-${p.lng}-${p.topic}`} cx={p.x ?? 0} cy={p.y ?? 0} r={unit * (0.35 + 1.2 * Math.sqrt(p.count / most))} className={`snt-sev-${p.severity}`}>
                  <title>{t('sentiment.map.marker', { topic: topicName.get(p.topic) ?? p.topic, count: formatNumber(p.count), severity: severityName(p.severity) })}</title>
                </circle>
              ))}
          </svg>
          <p className="hint">{t('sentiment.map.note')}</p>
        </>
      )}
    </>
  );
}

function AlertsInbox() {
  const id = useId();
  const [status, setStatus] = useState<TSentimentAlertStatus | ''>('');
  const alerts = useAlerts(status);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <div className="field snt-status">
        <label htmlFor={`${id}-st`}>{t('sentiment.alerts.status')}</label>
        <select id={`${id}-st`} value={status} onChange={(e) => setStatus(e.target.value as TSentimentAlertStatus | '')}>
          <option value="">{t('sentiment.alerts.all')}</option>
          {SENTIMENT_ALERT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`sentiment.alert.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {alerts.isPending && <Loading />}
      <ErrorMessage error={alerts.error} />
      {alerts.data && alerts.data.items.length === 0 && <Empty>{t('sentiment.alerts.none')}</Empty>}
      <ul className="snt-cards">
        {alerts.data?.items.map((alert) => (
          <li key={alert.id} className={`snt-card snt-alert-${alert.status}`}>
            <AlertSummary alert={alert} />
            {open === alert.id ? (
              <AlertDetail id={alert.id} />
            ) : (
              <button type="button" className="button-secondary" onClick={() => setOpen(alert.id)} aria-label={`${t('sentiment.alert.open')}: ${alert.topicName}, ${alert.communeName}`}>
                {t('sentiment.alert.open')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function AlertSummary({ alert }: { alert: TSentimentAlert }) {
  return (
    <>
      <p className="snt-card-head">
        <span className={`badge snt-badge-${alert.status}`}>{t(`sentiment.alert.status.${alert.status}`)}</span>{' '}
        <strong>
          {t('sentiment.alert.summary', {
            topic: alert.topicName, commune: alert.communeName, count: formatNumber(alert.reportCount), from: formatDate(alert.firstReportOn), to: formatDate(alert.lastReportOn),
          })}
        </strong>
      </p>
      <p className="snt-sub">
        {t('sentiment.alert.rule', { rule: alert.ruleName })} · {t('sentiment.alert.addressed', { unit: alert.addressedUnitName })} · {formatDateTime(alert.raisedAt)}
      </p>
    </>
  );
}

/** The petitions module's hot spots of the alert's commune (promoting an alert to a hot spot = linking to them). */
function AlertHotspots({ alert }: { alert: TSentimentAlert }) {
  const me = useMe();
  const mayRead = can(me, 'petitions.read');
  const hotspots = useCommuneHotspots(alert.addressedUnitId, alert.communeId, mayRead);
  if (!mayRead) return null;
  return (
    <>
      {alert.petitionCaseId && (
        <p>
          <Link to={`/petitions/${alert.petitionCaseId}`}>{t('sentiment.alert.hotspotCase')}</Link>
        </p>
      )}
      {(hotspots.data ?? 0) > 0 && (
        <p>
          {t('sentiment.alert.hotspots', { commune: alert.communeName, count: formatNumber(hotspots.data ?? 0) })}{' '}
          <Link to={`/petitions/hotspots?flag=hot_spot&commune=${alert.communeId}`}>{t('sentiment.alert.hotspotsOpen', { commune: alert.communeName })}</Link>
        </p>
      )}
    </>
  );
}

function AlertDetail({ id }: { id: string }) {
  const fid = useId();
  const alert = useAlert(id);
  const move = useMoveAlert();
  const note = useAddNote();
  const [reason, setReason] = useState('');
  const [noteText, setNoteText] = useState('');
  if (alert.isPending) return <Loading />;
  if (!alert.data) return <ErrorMessage error={alert.error} />;
  const a = alert.data;
  const closing = a.moves.find((m) => m.to === 'closed');
  const acknowledging = a.moves.find((m) => m.to === 'acknowledged');
  return (
    <div className="snt-detail">
      <ErrorMessage error={move.error ?? note.error} />
      <p className="snt-sub">
        {t('sentiment.alert.ruleTerms', {
          count: formatNumber(a.rule.minReports), severity: severityName(a.rule.minSeverity).toLowerCase(), days: formatNumber(a.rule.windowDays),
          topic: a.rule.topic === null ? t('sentiment.rules.anyTopic').toLowerCase() : a.topicName.toLowerCase(), version: formatNumber(a.rule.version),
        })}
      </p>
      {a.moves.length === 0 && a.status !== 'closed' && <p className="hint">{t('sentiment.alert.readOnly')}</p>}
      <AlertHotspots alert={a} />
      {acknowledging && (
        <p>
          <button type="button" onClick={() => move.mutate({ id, seenState: a.status, seenVersion: a.version, to: 'acknowledged' })} disabled={move.isPending}>
            {t('sentiment.alert.acknowledge')}
          </button>
        </p>
      )}
      {a.canNote && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!noteText.trim()) return;
            note.mutate({ id, noteId: crypto.randomUUID(), text: noteText }, { onSuccess: () => setNoteText('') });
          }}
        >
          <div className="field">
            <label htmlFor={`${fid}-note`}>{t('sentiment.alert.note')}</label>
            <textarea id={`${fid}-note`} rows={2} value={noteText} onChange={(e) => setNoteText(e.target.value)} maxLength={4000} />
          </div>
          <button type="submit" className="button-secondary" disabled={note.isPending}>
            {t('sentiment.alert.addNote')}
          </button>
        </form>
      )}
      {closing && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            move.mutate({ id, seenState: a.status, seenVersion: a.version, to: 'closed', reason });
          }}
        >
          <div className="field">
            <label htmlFor={`${fid}-reason`}>{t('sentiment.alert.reason')}</label>
            <textarea id={`${fid}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />
          </div>
          <button type="submit" disabled={move.isPending}>
            {t('sentiment.alert.close')}
          </button>
        </form>
      )}
      {a.history.length > 0 && (
        <>
          <h3>{t('sentiment.alert.history')}</h3>
          <ul className="snt-history">
            {a.history.map((h) => (
              <li key={`${h.at}-${h.to}`}>
                {formatDateTime(h.at)} · {h.by ?? ''} ·{' '}
                {t('sentiment.alert.move', { from: t(`sentiment.alert.status.${h.from as TSentimentAlertStatus}`), to: t(`sentiment.alert.status.${h.to as TSentimentAlertStatus}`) })}
                {h.reason && `: ${h.reason}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {a.notes.length > 0 && (
        <>
          <h3>{t('sentiment.alert.notes')}</h3>
          <ul className="snt-history">
            {a.notes.map((n) => (
              <li key={n.id}>
                {formatDateTime(n.at)} · {n.by ?? ''}: {n.text}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('sentiment.alert.reports')}</h3>
      <ul className="snt-cards">
        {a.reports.map((report) => (
          <ReportCard key={report.id} report={report} />
        ))}
      </ul>
    </div>
  );
}
