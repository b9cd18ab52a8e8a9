import { Link } from 'react-router';
import type { TPublicModelCard, TPublicModels } from '#contracts/emulation/public.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { photoUrl } from './emulation-public.api.ts';

type MapShape = NonNullable<TPublicModels['map']>;

/** The province outline with dots for located models; each dot links to its model. */
export function ProvinceMap({ map, points, title, provinceId }: { map: MapShape; points: { id: string; title: string; x: number; y: number }[]; title: string; provinceId: number }) {
  const unit = Number(map.viewBox.split(' ')[2]) / 60;
  return (
    <svg viewBox={map.viewBox} className="dvk-map" role="img" aria-label={title}>
      <path d={map.path} className="province" />
      {points.map((p) => (
        <a key={p.id} href={`/dan-van-kheo/${provinceId}/${p.id}`} aria-label={p.title}>
          <circle cx={p.x} cy={p.y} r={unit * 0.9}>
            <title>{p.title}</title>
          </circle>
        </a>
      ))}
    </svg>
  );
}

/** "Cấp tỉnh, công nhận ngày 15/10/2020". */
export const recognitionLine = (model: Pick<TPublicModelCard, 'level' | 'recognisedOn'>) =>
  t('dvk.recognised', { level: t(`dvk.level.${model.level}`), date: formatDate(model.recognisedOn) });

/** One model of the list: photo (loaded when scrolled to), title, recognition, place, owner, the start of its story. */
export function ModelCard({ model }: { model: TPublicModelCard }) {
  const to = `/dan-van-kheo/${model.provinceId}/${model.id}`;
  return (
    <li className="dvk-card">
      {model.photo && (
        <img
          src={photoUrl(model.provinceId, model.photo.id)}
          alt={t('dvk.photoOf', { title: model.title })}
          title={t('dvk.photoSize', { size: formatNumber(Math.round(model.photo.bytes / 1024)) })}
          loading="lazy"
          decoding="async"
          width={320}
          height={200}
        />
      )}
      <div>
        <h2>
          <Link to={to}>{model.title}</Link>
        </h2>
        <p className="dvk-meta">
          <span className={`dvk-level dvk-level-${model.level}`}>{recognitionLine(model)}</span> · {t(`dvk.field.${model.field}`)} · {t(`dvk.kind.${model.kind}`)}
        </p>
        <p className="dvk-meta">
          {model.ownerName && `${model.ownerName} · `}
          {model.place.unitName}
          {model.place.communeName && model.place.communeName !== model.place.unitName && `, ${model.place.communeName}`}
        </p>
        {model.excerpt && <p>{model.excerpt}</p>}
        <p className="dvk-meta">
          {model.commended && <span>{t('dvk.commended')} · </span>}
          {model.replicas > 0 && <span>{t('dvk.replicas', { count: formatNumber(model.replicas) })} · </span>}
          <Link to={to} aria-hidden="true" tabIndex={-1}>
            {t('dvk.more')}
          </Link>
        </p>
      </div>
    </li>
  );
}
