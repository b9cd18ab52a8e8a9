import { useId } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { usePublicProvinces } from './emulation-public.api.ts';
import './emulation-public.css';

/** The showcase's first page: choose a province; those with published models are listed as links. */
export function ShowcasePage() {
  const id = useId();
  usePageTitle(t('dvk.title'));
  const navigate = useNavigate();
  const provinces = usePublicProvinces();
  const withModels = provinces.data?.filter((p) => p.models > 0) ?? [];
  return (
    <main className="dvk">
      <h1>{t('dvk.title')}</h1>
      <p>{t('dvk.intro')}</p>
      {provinces.isPending && <Loading />}
      <ErrorMessage error={provinces.error} />
      {provinces.data && (
        <>
          <label htmlFor={`${id}-p`}>{t('dvk.province')}</label>
          <select id={`${id}-p`} className="dvk-select" defaultValue="" onChange={(e) => e.target.value && void navigate(`/dan-van-kheo/${e.target.value}`)}>
            <option value="">{t('dvk.choose')}</option>
            {provinces.data.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {withModels.length > 0 && (
            <ul className="dvk-provinces">
              {withModels.map((p) => (
                <li key={p.id}>
                  <Link to={`/dan-van-kheo/${p.id}`}>{t('dvk.provinceModels', { name: p.name, count: formatNumber(p.models) })}</Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );
}
