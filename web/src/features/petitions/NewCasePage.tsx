import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { CASE_CHANNELS, CASE_KINDS, CROWD_MIN_PERSONS, type TCaseKind, type TCaseChannel, type TDuplicateCandidate } from '#contracts/petitions/api.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { useUnitChildren } from '../units/units.api.ts';
import { useCheckDuplicates, useCreateCase, usePetitionFields } from './petitions.api.ts';
import { channelLabel, kindLabel, statusLabel } from './petition-text.ts';
import './petitions.css';

interface PersonDraft {
  fullName: string;
  birthYear: string;
  phone: string;
  address: string;
}
const emptyPerson = (): PersonDraft => ({ fullName: '', birthYear: '', phone: '', address: '' });
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * "Tiếp nhận vụ việc": kind, channel, field, date, subject and content, where the matter is, the persons (a crowd
 * case from five), flags; before saving, the officer checks for duplicates and may link the case to one.
 */
export function NewCasePage() {
  usePageTitle(t('petitions.new'));
  const id = useId();
  const me = useMe();
  const navigate = useNavigate();
  const fields = usePetitionFields();
  const unitId = me?.unitId ?? null;
  const places = useUnitChildren(unitId ?? undefined, today(), unitId !== null);
  const create = useCreateCase();
  const check = useCheckDuplicates();
  const [kind, setKind] = useState<TCaseKind>('complaint');
  const [channel, setChannel] = useState<TCaseChannel>('in_person');
  const [fieldId, setFieldId] = useState('');
  const [receivedOn, setReceivedOn] = useState(today());
  const [subject, setSubject] = useState('');
  const [content, setContent] = useState('');
  const [locationUnitId, setLocationUnitId] = useState('');
  const [persons, setPersons] = useState<PersonDraft[]>([emptyPerson()]);
  const [personCount, setPersonCount] = useState('');
  const [aboveLevel, setAboveLevel] = useState(false);
  const [prolonged, setProlonged] = useState(false);
  const [hotSpot, setHotSpot] = useState(false);
  const [remoteArea, setRemoteArea] = useState(false);
  const [duplicateOfId, setDuplicateOfId] = useState('');
  const [candidates, setCandidates] = useState<TDuplicateCandidate[] | null>(null);

  if (!can(me, 'petitions.manage')) return <p className="alert">{t('petitions.notAllowed')}</p>;
  if (unitId === null) return <p className="alert">{t('petitions.needUnit')}</p>;

  const named = persons.filter((p) => p.fullName.trim());
  const personsBody = named.map((p) => ({
    fullName: p.fullName,
    ...(p.birthYear ? { birthYear: Number(p.birthYear) } : {}),
    ...(p.phone.trim() ? { phone: p.phone } : {}),
    ...(p.address.trim() ? { address: p.address } : {}),
  }));
  const count = Math.max(named.length, Number(personCount) || 0);
  const setPerson = (i: number, patch: Partial<PersonDraft>) => setPersons(persons.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  const findDuplicates = async () => {
    if (!subject.trim() || personsBody.length === 0) return;
    setCandidates(await check.mutateAsync({ kind, unitId, subject, persons: personsBody }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await create.mutateAsync({
      kind, channel, fieldId: Number(fieldId), unitId, receivedOn, subject, content, persons: personsBody,
      ...(locationUnitId ? { locationUnitId: Number(locationUnitId) } : {}),
      ...(personCount ? { personCount: Number(personCount) } : {}),
      aboveLevel, prolonged, hotSpot, remoteArea,
      ...(duplicateOfId ? { duplicateOfId } : {}),
    });
    void navigate(`/petitions/${created.id}`);
  };

  return (
    <section className="pet-page">
      <p>
        <Link to="/petitions">{t('petitions.back')}</Link>
      </p>
      <h1>{t('petitions.new')}</h1>
      <p className="hint">{t('petitions.newFor', { unit: me?.unitName ?? '' })}</p>
      <form className="pet-form" onSubmit={(e) => void submit(e)}>
        <div className="pet-grid">
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('petitions.kind')}</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as TCaseKind)}>
              {CASE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-channel`}>{t('petitions.channel')}</label>
            <select id={`${id}-channel`} value={channel} onChange={(e) => setChannel(e.target.value as TCaseChannel)}>
              {CASE_CHANNELS.filter((c) => c !== 'portal').map((c) => (
                <option key={c} value={c}>
                  {channelLabel(c)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-field`}>{t('petitions.field')}</label>
            <select id={`${id}-field`} value={fieldId} required onChange={(e) => setFieldId(e.target.value)}>
              <option value="">{t('petitions.choose')}</option>
              {(fields.data ?? []).filter((f) => f.active).map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-received`}>{t('petitions.receivedOn')}</label>
            <DateField id={`${id}-received`} value={receivedOn} onChange={setReceivedOn} required max={today()} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-place`}>{t('petitions.location')}</label>
            <select id={`${id}-place`} value={locationUnitId} onChange={(e) => setLocationUnitId(e.target.value)}>
              <option value="">{t('petitions.locationOwn')}</option>
              {(places.data ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.fullName}
                </option>
              ))}
            </select>
          </div>
        </div>
        {kind === 'denunciation' && <p className="pet-secret">{t('petitions.secretNotice')}</p>}
        <div className="field">
          <label htmlFor={`${id}-subject`}>{t('petitions.subject')}</label>
          <input id={`${id}-subject`} value={subject} required maxLength={500} onChange={(e) => setSubject(e.target.value)} onBlur={() => void findDuplicates()} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-content`}>{t('petitions.content')}</label>
          <textarea id={`${id}-content`} value={content} required maxLength={20000} rows={5} onChange={(e) => setContent(e.target.value)} />
        </div>
        <fieldset className="pet-persons">
          <legend>{t('petitions.persons')}</legend>
          {persons.map((p, i) => (
            <div className="pet-person" key={i}>
              <div className="field">
                <label htmlFor={`${id}-p${i}-name`}>{t('petitions.person.name')}</label>
                <input id={`${id}-p${i}-name`} value={p.fullName} required={i === 0} maxLength={200} onChange={(e) => setPerson(i, { fullName: e.target.value })} onBlur={() => void findDuplicates()} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-p${i}-year`}>{t('petitions.person.birthYear')}</label>
                <input id={`${id}-p${i}-year`} inputMode="numeric" value={p.birthYear} maxLength={4} onChange={(e) => setPerson(i, { birthYear: e.target.value.replace(/\D/g, '') })} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-p${i}-phone`}>{t('petitions.person.phone')}</label>
                <input id={`${id}-p${i}-phone`} type="tel" value={p.phone} maxLength={30} onChange={(e) => setPerson(i, { phone: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-p${i}-address`}>{t('petitions.person.address')}</label>
                <input id={`${id}-p${i}-address`} value={p.address} maxLength={500} onChange={(e) => setPerson(i, { address: e.target.value })} />
              </div>
              {persons.length > 1 && (
                <button type="button" className="button-secondary" onClick={() => setPersons(persons.filter((_p, j) => j !== i))}>
                  {t('petitions.person.remove')}
                </button>
              )}
            </div>
          ))}
          <button type="button" className="button-secondary" onClick={() => setPersons([...persons, emptyPerson()])}>
            {t('petitions.person.add')}
          </button>
          <div className="field pet-count-field">
            <label htmlFor={`${id}-count`}>{t('petitions.personCount')}</label>
            <input id={`${id}-count`} inputMode="numeric" value={personCount} maxLength={6} onChange={(e) => setPersonCount(e.target.value.replace(/\D/g, ''))} />
          </div>
          <p className="hint">{count >= CROWD_MIN_PERSONS ? t('petitions.crowdYes', { count }) : t('petitions.crowdRule', { min: CROWD_MIN_PERSONS })}</p>
        </fieldset>
        <fieldset className="pet-flags">
          <legend>{t('petitions.flag')}</legend>
          <label>
            <input type="checkbox" checked={aboveLevel} onChange={(e) => setAboveLevel(e.target.checked)} /> {t('petitions.flags.above_level')}
          </label>
          <label>
            <input type="checkbox" checked={prolonged} onChange={(e) => setProlonged(e.target.checked)} /> {t('petitions.flags.prolonged')}
          </label>
          <label>
            <input type="checkbox" checked={hotSpot} onChange={(e) => setHotSpot(e.target.checked)} /> {t('petitions.flags.hot_spot')}
          </label>
          <label>
            <input type="checkbox" checked={remoteArea} onChange={(e) => setRemoteArea(e.target.checked)} /> {t('petitions.remoteArea')}
          </label>
        </fieldset>
        <ErrorMessage error={check.error} />
        {candidates && candidates.length > 0 && (
          <fieldset className="pet-dups">
            <legend>{t('petitions.duplicatesFound', { count: candidates.length })}</legend>
            <label>
              <input type="radio" name="dup" checked={duplicateOfId === ''} onChange={() => setDuplicateOfId('')} /> {t('petitions.notDuplicate')}
            </label>
            {candidates.map((d) => (
              <label key={d.id}>
                <input type="radio" name="dup" checked={duplicateOfId === d.id} onChange={() => setDuplicateOfId(d.id)} />{' '}
                {t('petitions.duplicateOf', { code: d.code, subject: d.subject, date: formatDate(d.receivedOn), status: statusLabel(d.status), unit: d.unitName })}
              </label>
            ))}
          </fieldset>
        )}
        <ErrorMessage error={create.error} />
        <button type="submit" disabled={create.isPending}>
          {duplicateOfId ? t('petitions.saveDuplicate') : t('petitions.save')}
        </button>
      </form>
    </section>
  );
}
