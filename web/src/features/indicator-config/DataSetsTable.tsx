import type { TDataSet } from '#contracts/indicators/metadata.api.ts';
import { Empty } from '../../components/Status.tsx';
import { t } from '../../i18n/i18n.ts';
import { periodTypeLabel } from './indicator-config.api.ts';

/** Report forms: period type, due and lock days, owner, how many elements and rules. */
export function DataSetsTable({ dataSets }: { dataSets: readonly TDataSet[] }) {
  if (dataSets.length === 0) return <Empty>{t('indicatorConfig.dataSets.none')}</Empty>;
  return (
    <table className="table responsive">
      <caption className="visually-hidden">{t('indicatorConfig.dataSets.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('indicatorConfig.name')}</th>
          <th scope="col">{t('indicatorConfig.dataSet.periodType')}</th>
          <th scope="col">{t('indicatorConfig.dataSets.deadlines')}</th>
          <th scope="col">{t('indicatorConfig.dataSet.owner')}</th>
          <th scope="col">{t('indicatorConfig.dataSets.contents')}</th>
        </tr>
      </thead>
      <tbody>
        {dataSets.map((dataSet) => (
          <tr key={dataSet.id}>
            <td data-label={t('indicatorConfig.name')}>
              {dataSet.name} <code className="muted">{dataSet.code}</code>
              {!dataSet.active && <span className="badge">{t('indicatorConfig.dataSets.inactive')}</span>}
            </td>
            <td data-label={t('indicatorConfig.dataSet.periodType')}>{periodTypeLabel(dataSet.periodType)}</td>
            <td data-label={t('indicatorConfig.dataSets.deadlines')}>
              {t('indicatorConfig.dataSets.deadlineDays', { due: dataSet.dueDays, lock: dataSet.lockDays })}
            </td>
            <td data-label={t('indicatorConfig.dataSet.owner')}>{dataSet.ownerUnitName}</td>
            <td data-label={t('indicatorConfig.dataSets.contents')}>
              {t('indicatorConfig.dataSets.counts', { elements: dataSet.elements.length, rules: dataSet.rules.length })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
