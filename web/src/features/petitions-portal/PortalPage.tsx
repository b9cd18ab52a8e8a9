import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { needsIdentity, PORTAL_KINDS, portalEndpoints, type TPortalCaseInput, type TPortalReceipt } from '#contracts/petitions/portal.api.ts';
import { call } from '../../api/client.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { useCommunes, usePortalForm, useProvinces } from './portal.api.ts';
import { shrinkPhoto } from './photo.ts';
import './portal.css';

type Kind = (typeof PORTAL_KINDS)[number];

/** The citizens' portal: file a phản ánh, kiến nghị, khiếu nại or tố cáo without an account; get a code and a secret. */
export function PortalPage() {
  const id = useId();
  usePageTitle(t('portal.title'));
  const [provinceId, setProvinceId] = useState<number | null>(null);
  const [kind, setKind] = useState<Kind>('feedback');
  const [point, setPoint] = useState<{ lat: number; lon: number } | null>(null);
  const [locateFailed, setLocateFailed] = useState(false);
  const [photo, setPhoto] = useState<{ filename: string; data: string; bytes: number } | null>(null);
  const [photoFailed, setPhotoFailed] = useState(false);
  const provinces = useProvinces();
  const communes = useCommunes(provinceId);
  const form = usePortalForm(provinceId);
  const send = useMutation({ mutationFn: (body: TPortalCaseInput) => call(portalEndpoints.file, { body }) });
  const identity = needsIdentity(kind);

  if (send.data) return <Receipt receipt={send.data} />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    send.mutate({
      provinceId: Number(text('provinceId')),
      communeId: Number(text('communeId')),
      kind,
      fieldId: Number(text('fieldId')),
      subject: text('subject'),
      content: text('content'),
      place: text('place'),
      lat: point?.lat ?? null,
      lon: point?.lon ?? null,
      filer: { fullName: text('fullName'), address: text('address'), idNumber: text('idNumber'), phone: text('phone'), email: text('email') },
      photo: photo ? { filename: photo.filename, data: photo.data } : null,
      formToken: form.data?.token ?? '',
      website: text('website'),
    });
  };

  const locate = () =>
    navigator.geolocation.getCurrentPosition(
      (position) => setPoint({ lat: Math.round(position.coords.latitude * 1e5) / 1e5, lon: Math.round(position.coords.longitude * 1e5) / 1e5 }),
      () => setLocateFailed(true),
      { timeout: 15_000 },
    );

  const choosePhoto = async (file: File | undefined) => {
    setPhoto(null);
    setPhotoFailed(false);
    if (!file) return;
    try {
      const shrunk = await shrinkPhoto(file, form.data?.limits.photoBytes ?? 600 * 1024);
      setPhoto({ filename: file.name.replace(/\.[^.]*$/, '') + '.jpg', ...shrunk });
    } catch {
      setPhotoFailed(true);
    }
  };

  return (
    <main className="portal">
      <h1>{t('portal.title')}</h1>
      <p>{t('portal.intro')}</p>
      <p>
        <Link to="/cong-dan/tra-cuu">{t('portal.trackLink')}</Link>
      </p>
      {provinces.isPending && <Loading />}
      <form onSubmit={submit} className="portal-form">
        <label htmlFor={`${id}-p`}>{t('portal.province')}</label>
        <select id={`${id}-p`} name="provinceId" required value={provinceId ?? ''} onChange={(e) => setProvinceId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('portal.choose')}</option>
          {provinces.data?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.fullName}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-c`}>{t('portal.commune')}</label>
        <select id={`${id}-c`} name="communeId" required disabled={!communes.data}>
          <option value="">{t('portal.choose')}</option>
          {communes.data?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.fullName}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{t('portal.kind')}</legend>
          {PORTAL_KINDS.map((k) => (
            <label key={k} className="portal-choice">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`portal.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-f`}>{t('portal.field')}</label>
        <select id={`${id}-f`} name="fieldId" required>
          <option value="">{t('portal.choose')}</option>
          {form.data?.fields.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-s`}>{t('portal.subject')}</label>
        <input id={`${id}-s`} name="subject" required minLength={5} maxLength={form.data?.limits.subject ?? 300} />
        <label htmlFor={`${id}-t`}>{t('portal.content')}</label>
        <textarea id={`${id}-t`} name="content" required minLength={20} maxLength={form.data?.limits.content ?? 5000} rows={6} aria-describedby={`${id}-th`} />
        <p id={`${id}-th`} className="hint">
          {t('portal.contentHint', { max: form.data?.limits.content ?? 5000 })}
        </p>
        <label htmlFor={`${id}-pl`}>{t('portal.place')}</label>
        <input id={`${id}-pl`} name="place" maxLength={300} />
        <p>
          <button type="button" className="secondary" onClick={locate}>
            {t('portal.locate')}
          </button>{' '}
          {point && <span role="status">{t('portal.located', { lat: point.lat, lon: point.lon })}</span>}
          {locateFailed && !point && <span role="status">{t('portal.locateFailed')}</span>}
        </p>
        <label htmlFor={`${id}-ph`}>{t('portal.photo')}</label>
        <input id={`${id}-ph`} type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => void choosePhoto(e.target.files?.[0])} />
        {photo && <p role="status">{t('portal.photoReady', { size: Math.round(photo.bytes / 1024) })}</p>}
        {photoFailed && <p role="alert">{t('portal.photoFailed')}</p>}
        <fieldset>
          <legend>{identity ? t('portal.filerRequired') : t('portal.filerOptional')}</legend>
          {kind === 'denunciation' && <p className="hint">{t('portal.denunciationNote')}</p>}
          <label htmlFor={`${id}-n`}>{t('portal.fullName')}</label>
          <input id={`${id}-n`} name="fullName" required={identity} maxLength={200} autoComplete="name" />
          <label htmlFor={`${id}-a`}>{t('portal.address')}</label>
          <input id={`${id}-a`} name="address" required={identity} maxLength={500} autoComplete="street-address" />
          <label htmlFor={`${id}-i`}>{t('portal.idNumber')}</label>
          <input id={`${id}-i`} name="idNumber" required={identity} maxLength={20} inputMode="numeric" />
          <label htmlFor={`${id}-ph2`}>{t('portal.phone')}</label>
          <input id={`${id}-ph2`} name="phone" type="tel" required={identity} maxLength={20} autoComplete="tel" />
          <label htmlFor={`${id}-e`}>{t('portal.email')}</label>
          <input id={`${id}-e`} name="email" type="email" maxLength={200} autoComplete="email" />
        </fieldset>
        {/* the honeypot: hidden from people (and screen readers), filled by robots */}
        <div className="portal-hp" aria-hidden="true">
          <label htmlFor={`${id}-w`}>{t('portal.honeypot')}</label>
          <input id={`${id}-w`} name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <ErrorMessage error={send.error ?? form.error} />
        <button type="submit" disabled={send.isPending || !form.data}>
          {send.isPending ? t('portal.sending') : t('portal.send')}
        </button>
      </form>
    </main>
  );
}

function Receipt({ receipt }: { receipt: TPortalReceipt }) {
  return (
    <main className="portal">
      <h1>{t('portal.received')}</h1>
      <dl className="portal-receipt">
        <dt>{t('portal.receiptCode')}</dt>
        <dd>
          <strong>{receipt.code}</strong>
        </dd>
        <dt>{t('portal.receiptSecret')}</dt>
        <dd>
          <strong>{receipt.secret}</strong>
        </dd>
      </dl>
      <p role="status">{t('portal.receiptNote')}</p>
      <p>{t('portal.receiptUnit', { unit: receipt.unitName, date: formatDate(receipt.receivedOn) })}</p>
      <p>
        <Link to="/cong-dan/tra-cuu">{t('portal.trackLink')}</Link>
      </p>
    </main>
  );
}
