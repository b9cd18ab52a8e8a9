import { Link } from 'react-router';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { withAsOf } from './as-of.ts';
import { useUnitChildren } from './units.api.ts';

/** "Đơn vị trực thuộc": the unit's children on the date, each with its own child count. */
export function UnitChildren({ unitId, asOf, asOfParam }: { unitId: number; asOf: string; asOfParam: string | null }) {
  const children = useUnitChildren(unitId, asOf);
  return (
    <section aria-labelledby="unit-children">
      <h2 id="unit-children">{t('unit.children')}</h2>
      {children.isPending && <Loading />}
      <ErrorMessage error={children.error} />
      {children.data?.length === 0 && <Empty>{t('units.noChildren')}</Empty>}
      {children.data?.some((child) => !child.hasOrganizations) && <p className="hint">{t('units.noRecordsLegend')}</p>}
      {children.data && children.data.length > 0 && (
        <ul className="columns-list">
          {children.data.map((child) => (
            <li key={child.id}>
              <Link to={withAsOf(`/units/${child.id}`, asOfParam)} className={child.hasOrganizations ? undefined : 'unit-empty'}>
                {child.fullName}
                {!child.hasOrganizations && <span className="visually-hidden">, {t('units.noRecords')}</span>}
              </Link>
              {child.childCount > 0 && (
                <span className="count">
                  {formatNumber(child.childCount)}
                  <span className="visually-hidden"> {t('units.subUnits')}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
