import { useId, useMemo, useState, type FormEvent } from 'react';
import { spanProblem, visitDays } from '#contracts/grassroots/days.ts';
import { HEARD_TOPICS, type THeardTopic } from '#contracts/grassroots/enums.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { OutboxStatus } from '../../components/outbox/OutboxStatus.tsx';
import { useOutbox } from '../../components/outbox/useOutbox.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber, todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { GrassrootsNav } from './GrassrootsNav.tsx';
import { useCadres, usePlaces, usePurposes } from './grassroots.api.ts';
import { logVisitOutbox } from './outbox.ts';
import './grassroots.css';

/**
 * "Ghi chuyến đi cơ sở", made for a phone in a village: who, where, dates with half days, purpose, whom they met and
 * what they heard. Saved through the browser outbox, so it works with no signal: the visit waits on the device and
 * is sent once when the connection returns (its UUIDv7 makes a resend harmless).
 */
export function LogVisitPage() {
  usePageTitle(t('grassroots.log.title'));
  const id = useId();
  const me = useMe();
  const cadres = useCadres();
  const purposes = usePurposes();
  const places = usePlaces(null);
  const outbox = useOutbox();
  const today = todayInVietnam();
  const [roleId, setRoleId] = useState('');
  const [communeId, setCommuneId] = useState('');
  const [villageId, setVillageId] = useState('');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [startHalf, setStartHalf] = useState(false);
  const [endHalf, setEndHalf] = useState(false);
  const [purposeId, setPurposeId] = useState('');
  const [metWith, setMetWith] = useState('');
  const [heard, setHeard] = useState('');
  const [topics, setTopics] = useState<THeardTopic[]>([]);
  const [point, setPoint] = useState<{ lat: number; lon: number } | null>(null);
  const [gpsFailed, setGpsFailed] = useState(false);
  const [problem, setProblem] = useState<'missing' | 'badDates' | null>(null);
  const [saved, setSaved] = useState(0);
  const communes = useMemo(() => (places.data ?? []).filter((p) => p.level === 'commune'), [places.data]);
  const villages = useMemo(() => (places.data ?? []).filter((p) => p.level === 'village' && String(p.communeId) === communeId), [places.data, communeId]);
  const oneCommune = communes.length === 1 ? String(communes[0]?.id) : '';
  const commune = communeId || oneCommune;
  const span = { from, to, startHalf, endHalf: from === to && startHalf ? false : endHalf };
  const days = from && to && !spanProblem(span) ? visitDays(span) : null;
  if (!can(me, 'grassroots.log')) return <p>{t('grassroots.notAllowed')}</p>;

  const takePosition = () => {
    setGpsFailed(false);
    navigator.geolocation?.getCurrentPosition(
      (position) => setPoint({ lat: Math.round(position.coords.latitude * 1e6) / 1e6, lon: Math.round(position.coords.longitude * 1e6) / 1e6 }),
      () => setGpsFailed(true),
      { timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!roleId || !commune || !from || !to || !purposeId) return setProblem('missing');
    if (spanProblem(span)) return setProblem('badDates');
    setProblem(null);
    const body = {
      roleId: Number(roleId), unitId: Number(villageId || commune), from, to, startHalf: span.startHalf, endHalf: span.endHalf, purposeId: Number(purposeId),
      ...(point ? { lat: point.lat, lon: point.lon } : {}),
      ...(metWith.trim() ? { metWith: metWith.trim() } : {}),
      ...(heard.trim() ? { heard: heard.trim() } : {}),
      topics,
    };
    await outbox.enqueue(logVisitOutbox, { coalesceKey: null, input: (writeId: string) => ({ body: { ...body, id: writeId } }) });
    setSaved((n) => n + 1);
    setMetWith('');
    setHeard('');
    setTopics([]);
    setPoint(null);
  };

  return (
    <section className="gr-page">
      <div className="page-head">
        <h1>{t('grassroots.log.title')}</h1>
      </div>
      <GrassrootsNav />
      <p className="hint">{t('grassroots.log.hint')}</p>
      {(cadres.isPending || purposes.isPending || places.isPending) && <Loading />}
      <ErrorMessage error={cadres.error ?? purposes.error ?? places.error} />
      {cadres.data && cadres.data.length === 0 && <Empty>{t('grassroots.log.noCadres')}</Empty>}
      <form className="gr-form" onSubmit={(event) => void save(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-who`}>{t('grassroots.log.who')}</label>
          <select id={`${id}-who`} value={roleId} onChange={(e) => setRoleId(e.target.value)} required>
            <option value="">{t('grassroots.log.chooseWho')}</option>
            {(cadres.data ?? []).map((c) => (
              <option key={c.roleId} value={c.roleId}>
                {`${c.personName} — ${c.title}, ${c.organizationName}`}
              </option>
            ))}
          </select>
        </div>
        {communes.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-commune`}>{t('grassroots.log.commune')}</label>
            <select id={`${id}-commune`} value={communeId} onChange={(e) => { setCommuneId(e.target.value); setVillageId(''); }}>
              <option value="">{t('grassroots.log.chooseCommune')}</option>
              {communes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {commune && (
          <div className="field">
            <label htmlFor={`${id}-village`}>{t('grassroots.log.village')}</label>
            <select id={`${id}-village`} value={villageId} onChange={(e) => setVillageId(e.target.value)}>
              <option value="">{t('grassroots.log.wholeCommune')}</option>
              {(communeId ? villages : (places.data ?? []).filter((p) => p.level === 'village' && String(p.communeId) === commune)).map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="gr-dates">
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('grassroots.log.from')}</label>
            <DateField id={`${id}-from`} value={from} onChange={setFrom} max={today} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('grassroots.log.to')}</label>
            <DateField id={`${id}-to`} value={to} onChange={setTo} max={today} />
          </div>
        </div>
        <div className="gr-checks">
          <label>
            <input type="checkbox" checked={startHalf} onChange={(e) => setStartHalf(e.target.checked)} />
            {t('grassroots.log.startHalf')}
          </label>
          {from !== to && (
            <label>
              <input type="checkbox" checked={endHalf} onChange={(e) => setEndHalf(e.target.checked)} />
              {t('grassroots.log.endHalf')}
            </label>
          )}
        </div>
        {days !== null && (
          <p className="gr-days" role="status">
            {t('grassroots.log.days', { days: formatNumber(days) })}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-purpose`}>{t('grassroots.log.purpose')}</label>
          <select id={`${id}-purpose`} value={purposeId} onChange={(e) => setPurposeId(e.target.value)} required>
            <option value="">—</option>
            {(purposes.data ?? []).filter((p) => p.active).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-met`}>{t('grassroots.log.metWith')}</label>
          <input id={`${id}-met`} type="text" value={metWith} maxLength={2000} onChange={(e) => setMetWith(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-heard`}>{t('grassroots.log.heard')}</label>
          <textarea id={`${id}-heard`} value={heard} maxLength={20000} onChange={(e) => setHeard(e.target.value)} />
        </div>
        <fieldset className="gr-topics">
          <legend>{t('grassroots.log.topics')}</legend>
          <div className="gr-checks">
            {HEARD_TOPICS.map((topic) => (
              <label key={topic}>
                <input
                  type="checkbox"
                  checked={topics.includes(topic)}
                  onChange={(e) => setTopics((list) => (e.target.checked ? [...list, topic] : list.filter((x) => x !== topic)))}
                />
                {t(`grassroots.topic.${topic}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <p>
          <button type="button" className="button-secondary" onClick={takePosition}>
            {t('grassroots.log.gps')}
          </button>{' '}
          {point && <span>{t('grassroots.log.gpsTaken', { lat: String(point.lat), lon: String(point.lon) })}</span>}
          {gpsFailed && <span>{t('grassroots.log.gpsFailed')}</span>}
        </p>
        {problem && (
          <p className="alert" role="alert">
            {t(problem === 'missing' ? 'grassroots.log.missing' : 'grassroots.log.badDates')}
          </p>
        )}
        <div className="buttons">
          <button type="submit">{t('grassroots.log.save')}</button>
        </div>
        {saved > 0 && <p role="status">{t('grassroots.log.saved', { count: formatNumber(saved) })}</p>}
      </form>
      <OutboxStatus />
    </section>
  );
}
