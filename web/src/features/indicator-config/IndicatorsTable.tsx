import type { TIndicator } from '#contracts/indicators/metadata.api.ts';
import { Empty } from '../../components/Status.tsx';
import { t } from '../../i18n/i18n.ts';
import { formulaText, targetText } from './indicator-text.ts';

/** Indicators: formula (factor × numerator / denominator) and target. */
export function IndicatorsTable({ indicators }: { indicators: readonly TIndicator[] }) {
  if (indicators.length === 0) return <Empty>{t('indicatorConfig.indicators.none')}</Empty>;
  return (
    <table className="table responsive">
      <caption className="visually-hidden">{t('indicatorConfig.indicators.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('indicatorConfig.name')}</th>
          <th scope="col">{t('indicatorConfig.indicators.formula')}</th>
          <th scope="col">{t('indicatorConfig.target')}</th>
        </tr>
      </thead>
      <tbody>
        {indicators.map((indicator) => (
          <tr key={indicator.id}>
            <td data-label={t('indicatorConfig.name')}>
              {indicator.name} <code className="muted">{indicator.code}</code>
            </td>
            <td data-label={t('indicatorConfig.indicators.formula')}>
              <code className="formula">{formulaText(indicator)}</code>
            </td>
            <td data-label={t('indicatorConfig.target')}>{targetText(indicator)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
