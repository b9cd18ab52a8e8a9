import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MODEL_FIELDS, MODEL_KINDS, type TModelField, type TModelKind } from '#contracts/emulation/enums.ts';
import { MODEL_OWNER_TYPES, type TModelOwnerType } from '#contracts/emulation/model.schemas.ts';
import { personEndpoints } from '#contracts/people.ts';
import { call } from '../../../api/client.ts';
import { can } from '../../../app/can.ts';
import { useMe } from '../../../app/session.ts';
import { DateField } from '../../../components/DateField.tsx';
import { ErrorMessage } from '../../../components/Status.tsx';
import { useDebounced } from '../../../components/useDebounced.ts';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { todayInVietnam } from '../../../i18n/format.ts';
import { t } from '../../../i18n/i18n.ts';
import { useOrganizations } from '../../organizations/organizations.api.ts';
import { UnitPicker, type PickedUnit } from '../../units/UnitPicker.tsx';
import { useUnitChildren } from '../../units/units.api.ts';
import { CampaignOptions } from './CampaignOptions.tsx';
import { fieldLabel, kindLabel, levelLabel } from './model-text.ts';
import { useCreateModel, useReplicable } from './models.api.ts';
import './models.css';

interface FigureRow {
  label: string;
  value: string;
  unit: string;
}

/**
 * "Đăng ký mô hình": kind, field, title, what they did and what changed (with figures), where (unit, village, point),
 * start date, the owner from the registry (an organisation or person of the unit, or the unit itself), a photo; with
 * `?origin=<id>` (or an origin chosen here) the model is a replica of a recognised model of another unit.
 */
export function NewModelPage() {
  const id = useId();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateModel();
  const [originId, setOriginId] = useState(params.get('origin') ?? '');
  const [originQ, setOriginQ] = useState('');
  const originSearch = useDebounced(originQ.trim());
  const replicable = useReplicable(originSearch, true);
  const [kind, setKind] = useState<TModelKind>('collective');
  const [field, setField] = useState<TModelField>('economy');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [whatChanged, setWhatChanged] = useState('');
  const [figures, setFigures] = useState<FigureRow[]>([]);
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [villageId, setVillageId] = useState('');
  const [lat, setLat] = useState('');
  const [lng, setLng] = useState('');
  const [startedOn, setStartedOn] = useState('');
  const [ownerType, setOwnerType] = useState<TModelOwnerType>('unit');
  const [ownerId, setOwnerId] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const today = todayInVietnam();
  const villages = useUnitChildren(unit?.id, today, unit !== null);
  const organizations = useOrganizations(unit && ownerType === 'organization' ? unit.id : null);
  const people = useQuery({
    queryKey: ['people', 'list', unit?.id ?? 0],
    queryFn: () => call(personEndpoints.list, { query: { unitId: unit?.id ?? 0, subtree: 'true', limit: 200 } }),
    enabled: unit !== null && ownerType === 'person',
  });
  const origin = (replicable.data ?? []).find((m) => m.id === originId);
  usePageTitle(originId ? t('emulationModels.replicateTitle') : t('emulationModels.newTitle'));
  if (!can(me, 'emulation.registerModels')) return <p className="alert">{t('emulationModels.notAllowed')}</p>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!unit) return;
    const owner = ownerType === 'unit' ? unit.id : Number(ownerId);
    const model = await create.mutateAsync({
      body: {
        kind, field, title, summary, unitId: unit.id, startedOn, ownerType, ownerId: owner,
        ...(whatChanged.trim() ? { whatChanged } : {}),
        ...(figures.length ? { figures: figures.map((f) => ({ label: f.label, value: Number(f.value.replace(',', '.')), unit: f.unit.trim() || null })) } : {}),
        ...(villageId ? { villageId: Number(villageId) } : {}),
        ...(lat && lng ? { lat: Number(lat.replace(',', '.')), lng: Number(lng.replace(',', '.')) } : {}),
        ...(campaignId ? { campaignId: Number(campaignId) } : {}),
        ...(originId ? { originModelId: originId } : {}),
      },
      photo,
    });
    void navigate(`/emulation/models/${model.id}`);
  };
  const setFigure = (i: number, change: Partial<FigureRow>) => setFigures(figures.map((f, j) => (j === i ? { ...f, ...change } : f)));
  return (
    <section className="emu-page">
      <p>
        <Link to="/emulation/models">{t('emulationModels.back')}</Link>
      </p>
      <h1>{originId ? t('emulationModels.replicateTitle') : t('emulationModels.newTitle')}</h1>
      <form className="emu-form" onSubmit={(e) => void submit(e)}>
        <fieldset className="emu-fieldset">
          <legend>{t('emulationModels.origin')}</legend>
          <div className="emu-grid">
            <div className="field">
              <label htmlFor={`${id}-oq`}>{t('emulationModels.originSearch')}</label>
              <input id={`${id}-oq`} type="search" value={originQ} maxLength={200} onChange={(e) => setOriginQ(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-origin`}>{t('emulationModels.origin')}</label>
              <select id={`${id}-origin`} value={originId} onChange={(e) => setOriginId(e.target.value)}>
                <option value="">{t('emulationModels.originNone')}</option>
                {originId && !origin && <option value={originId}>{originId}</option>}
                {(replicable.data ?? []).map((m) => (
                  <option key={m.id} value={m.id}>
                    {`${m.title} — ${m.unitName}${m.recognisedLevel ? ` (${levelLabel(m.recognisedLevel)})` : ''}`}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>
        <div className="emu-grid">
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('emulationModels.kind')}</label>
            <select
              id={`${id}-kind`}
              value={kind}
              onChange={(e) => {
                const next = e.target.value as TModelKind;
                setKind(next);
                setOwnerType(next === 'individual' ? 'person' : 'unit');
                setOwnerId('');
              }}
            >
              {MODEL_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-field`}>{t('emulationModels.field')}</label>
            <select id={`${id}-field`} value={field} onChange={(e) => setField(e.target.value as TModelField)}>
              {MODEL_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {fieldLabel(f)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-started`}>{t('emulationModels.startedOn')}</label>
            <DateField id={`${id}-started`} value={startedOn} onChange={setStartedOn} max={today} required />
          </div>
        </div>
        {/* a row of its own: campaign titles are long */}
        <div className="field">
          <label htmlFor={`${id}-campaign`}>{t('emulationModels.campaignId')}</label>
          <select id={`${id}-campaign`} value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
            <option value="">{t('emulationModels.noCampaign')}</option>
            <CampaignOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('emulationModels.modelTitle')}</label>
          <input id={`${id}-title`} value={title} required maxLength={300} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-summary`}>{t('emulationModels.summary')}</label>
          <textarea id={`${id}-summary`} value={summary} required rows={4} maxLength={8000} onChange={(e) => setSummary(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-changed`}>{t('emulationModels.whatChanged')}</label>
          <textarea id={`${id}-changed`} value={whatChanged} rows={3} maxLength={8000} onChange={(e) => setWhatChanged(e.target.value)} />
        </div>
        <fieldset className="emu-fieldset">
          <legend>{t('emulationModels.figures')}</legend>
          {figures.map((f, i) => (
            <div className="emu-grid emu-figure" key={i}>
              <div className="field">
                <label htmlFor={`${id}-fl${i}`}>{t('emulationModels.figureLabel')}</label>
                <input id={`${id}-fl${i}`} value={f.label} required maxLength={200} onChange={(e) => setFigure(i, { label: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-fv${i}`}>{t('emulationModels.figureValue')}</label>
                <input id={`${id}-fv${i}`} inputMode="decimal" value={f.value} required onChange={(e) => setFigure(i, { value: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-fu${i}`}>{t('emulationModels.figureUnit')}</label>
                <input id={`${id}-fu${i}`} value={f.unit} maxLength={40} onChange={(e) => setFigure(i, { unit: e.target.value })} />
              </div>
              <button type="button" className="button-secondary button-small" onClick={() => setFigures(figures.filter((_, j) => j !== i))}>
                {t('emulationModels.removeFigure')}
              </button>
            </div>
          ))}
          <button type="button" className="button-secondary" onClick={() => setFigures([...figures, { label: '', value: '', unit: '' }])}>
            {t('emulationModels.addFigure')}
          </button>
        </fieldset>
        <div className="emu-grid">
          <UnitPicker label={t('emulationModels.where')} value={unit} onChange={(u) => { setUnit(u); setVillageId(''); setOwnerId(''); }} />
          <div className="field">
            <label htmlFor={`${id}-village`}>{t('emulationModels.village')}</label>
            <select id={`${id}-village`} value={villageId} disabled={!unit} onChange={(e) => setVillageId(e.target.value)}>
              <option value="">{t('emulationModels.choose')}</option>
              {(villages.data ?? []).filter((v) => v.level === 'village').map((v) => (
                <option key={v.id} value={v.id}>
                  {v.fullName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-lat`}>{t('emulationModels.lat')}</label>
            <input id={`${id}-lat`} inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-lng`}>{t('emulationModels.lng')}</label>
            <input id={`${id}-lng`} inputMode="decimal" value={lng} onChange={(e) => setLng(e.target.value)} />
          </div>
        </div>
        <div className="emu-grid">
          <div className="field">
            <label htmlFor={`${id}-otype`}>{t('emulationModels.ownerType')}</label>
            <select id={`${id}-otype`} value={ownerType} onChange={(e) => { setOwnerType(e.target.value as TModelOwnerType); setOwnerId(''); }}>
              {MODEL_OWNER_TYPES.filter((o) => (kind === 'individual' ? o === 'person' : o !== 'person')).map((o) => (
                <option key={o} value={o}>
                  {t(`emulationModels.ownerTypes.${o}`)}
                </option>
              ))}
            </select>
          </div>
          {ownerType === 'unit' && <p className="hint">{t('emulationModels.ownerUnitSame')}</p>}
          {ownerType === 'organization' && (
            <div className="field">
              <label htmlFor={`${id}-org`}>{t('emulationModels.owner')}</label>
              <select id={`${id}-org`} value={ownerId} required disabled={!unit} onChange={(e) => setOwnerId(e.target.value)}>
                <option value="">{t('emulationModels.choose')}</option>
                {(organizations.data ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {ownerType === 'person' && (
            <div className="field">
              <label htmlFor={`${id}-person`}>{t('emulationModels.owner')}</label>
              <select id={`${id}-person`} value={ownerId} required disabled={!unit} onChange={(e) => setOwnerId(e.target.value)}>
                <option value="">{t('emulationModels.choose')}</option>
                {(people.data?.items ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.fullName}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-photo`}>{t('emulationModels.photo')}</label>
          <input id={`${id}-photo`} type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
        </div>
        <ErrorMessage error={create.error} />
        <button type="submit" disabled={create.isPending || !unit || !startedOn}>
          {t('emulationModels.register')}
        </button>
      </form>
    </section>
  );
}
