import type { TCategoryCombo, TDataElement, TDataSet } from '#contracts/indicators/metadata.api.ts';
import { Empty } from '../../components/Status.tsx';
import { t } from '../../i18n/i18n.ts';
import { valueTypeLabel } from './indicator-config.api.ts';

interface Props {
  elements: readonly TDataElement[];
  combos: readonly TCategoryCombo[];
  dataSets: readonly TDataSet[];
}

/** Data elements: value type, unit of measure, disaggregation, and the form each belongs to. */
export function DataElementsTable({ elements, combos, dataSets }: Props) {
  if (elements.length === 0) return <Empty>{t('indicatorConfig.elements.none')}</Empty>;
  const comboName = (id: number) => combos.find((combo) => combo.id === id)?.name ?? '';
  const dataSetName = (id: number | null) => (id === null ? t('indicatorConfig.elements.noDataSet') : (dataSets.find((d) => d.id === id)?.name ?? ''));
  return (
    <table className="table responsive">
      <caption className="visually-hidden">{t('indicatorConfig.elements.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('indicatorConfig.name')}</th>
          <th scope="col">{t('indicatorConfig.element.valueType')}</th>
          <th scope="col">{t('indicatorConfig.unitOfMeasure')}</th>
          <th scope="col">{t('indicatorConfig.element.combo')}</th>
          <th scope="col">{t('indicatorConfig.elements.dataSet')}</th>
        </tr>
      </thead>
      <tbody>
        {elements.map((element) => (
          <tr key={element.id}>
            <td data-label={t('indicatorConfig.name')}>
              {element.name} <code className="muted">{element.code}</code>
              {element.source === 'derived' && <span className="badge">{t('indicatorConfig.elements.derived')}</span>}
            </td>
            <td data-label={t('indicatorConfig.element.valueType')}>{valueTypeLabel(element.valueType)}</td>
            <td data-label={t('indicatorConfig.unitOfMeasure')}>{element.unitOfMeasure ?? ''}</td>
            <td data-label={t('indicatorConfig.element.combo')}>
              {element.optionCombos.length > 1 ? t('indicatorConfig.elements.comboCount', { name: comboName(element.comboId), count: element.optionCombos.length }) : t('indicatorConfig.elements.noCombo')}
            </td>
            <td data-label={t('indicatorConfig.elements.dataSet')}>{dataSetName(element.dataSetId)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
