import { Link, useParams } from 'react-router';
import type { TPublicModelDetail } from '#contracts/emulation/public.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { photoUrl, usePublicModel } from './emulation-public.api.ts';
import { ProvinceMap, recognitionLine } from './ModelParts.tsx';
import './emulation-public.css';

/** One published model: its story, what changed, figures, photos, where, recognition, origin and replicas. */
export function PublicModelPage() {
  const params = useParams();
  const provinceId = Number(params.provinceId);
  const model = usePublicModel(provinceId, params.modelId ?? '');
  const m = model.data;
  usePageTitle(m?.title ?? t('dvk.title'));
  const missing = model.error instanceof ApiError && model.error.status === 404;
  return (
    <main className="dvk">
      <p>
        <Link to={`/dan-van-kheo/${provinceId}`}>{m ? t('dvk.back', { province: m.province.name }) : t('dvk.title')}</Link>
      </p>
      {model.isPending && <Loading />}
      {missing ? <p role="alert">{t('dvk.notFound')}</p> : <ErrorMessage error={model.error} />}
      {m && <Detail m={m} />}
    </main>
  );
}

function Detail({ m }: { m: TPublicModelDetail }) {
  const [first, ...others] = m.photos;
  return (
    <article>
      <h1>{m.title}</h1>
      <p className="dvk-meta">
        <span className={`dvk-level dvk-level-${m.level}`}>{recognitionLine(m)}</span> · {t(`dvk.field.${m.field}`)} · {t(`dvk.kind.${m.kind}`)}
        {m.commended && ` · ${t('dvk.commended')}`}
      </p>
      {first && <img className="dvk-photo" src={photoUrl(m.provinceId, first.id)} alt={t('dvk.photoOf', { title: m.title })} decoding="async" />}
      <dl className="dvk-facts">
        {m.ownerName && (
          <>
            <dt>{t('dvk.owner')}</dt>
            <dd>{m.ownerName}</dd>
          </>
        )}
        <dt>{t('dvk.place')}</dt>
        <dd>
          {m.place.unitName}
          {m.place.communeName && m.place.communeName !== m.place.unitName && `, ${m.place.communeName}`}
        </dd>
        {m.campaign && (
          <>
            <dt>{t('dvk.campaign')}</dt>
            <dd>{m.campaign.title.includes(String(m.campaign.year)) ? m.campaign.title : t('dvk.campaignYear', { title: m.campaign.title, year: m.campaign.year })}</dd>
          </>
        )}
        {m.startedOn && (
          <>
            <dt>{t('dvk.startedOn')}</dt>
            <dd>{formatDate(m.startedOn)}</dd>
          </>
        )}
        <dt>{t('dvk.recognition')}</dt>
        <dd>{recognitionLine(m)}</dd>
        {m.recognisedBy && (
          <>
            <dt>{t('dvk.recognisedBy')}</dt>
            <dd>{m.recognisedBy}</dd>
          </>
        )}
      </dl>
      {m.summary && (
        <section>
          <h2>{t('dvk.story')}</h2>
          <p className="dvk-text">{m.summary}</p>
        </section>
      )}
      {m.whatChanged && (
        <section>
          <h2>{t('dvk.whatChanged')}</h2>
          <p className="dvk-text">{m.whatChanged}</p>
        </section>
      )}
      {m.figures.length > 0 && (
        <section>
          <h2 id="dvk-figures">{t('dvk.figures')}</h2>
          <table className="table" aria-labelledby="dvk-figures">
            <tbody>
              {m.figures.map((f) => (
                <tr key={f.label}>
                  <th scope="row">{f.label}</th>
                  <td className="num">
                    {formatNumber(f.value)}
                    {f.unit && ` ${f.unit}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {others.length > 0 && (
        <div className="dvk-photos">
          {others.map((p) => (
            <img key={p.id} src={photoUrl(m.provinceId, p.id)} alt={t('dvk.photoOf', { title: m.title })} loading="lazy" decoding="async" />
          ))}
        </div>
      )}
      {m.origin && (
        <section>
          <h2>{t('dvk.origin')}</h2>
          <p>
            <Link to={`/dan-van-kheo/${m.origin.provinceId}/${m.origin.id}`}>
              {t('dvk.linkLine', { title: m.origin.title, unit: m.origin.unitName, level: t(`dvk.level.${m.origin.level}`) })}
            </Link>
          </p>
        </section>
      )}
      {m.replicaList.length > 0 && (
        <section>
          <h2>{t('dvk.replicaList')}</h2>
          <ul>
            {m.replicaList.map((r) => (
              <li key={r.id}>
                <Link to={`/dan-van-kheo/${r.provinceId}/${r.id}`}>{t('dvk.linkLine', { title: r.title, unit: r.unitName, level: t(`dvk.level.${r.level}`) })}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {m.map && m.point && (
        <ProvinceMap map={m.map} points={[{ id: m.id, title: m.title, ...m.point }]} provinceId={m.provinceId} title={t('dvk.whereOnMap', { province: m.province.name })} />
      )}
    </article>
  );
}
