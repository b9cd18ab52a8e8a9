import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';
import { AsOfSwitch } from './AsOfSwitch.tsx';
import { useAsOf } from './as-of.ts';
import { UnitSearch } from './UnitSearch.tsx';
import { UnitTreeLevel, UnitTreeState } from './UnitTree.tsx';
import './units.css';

/** "Đơn vị hành chính": the structure on a chosen date, searchable, opened level by level. */
export function UnitsPage() {
  usePageTitle(t('units.title'));
  const { asOf, param } = useAsOf();
  return (
    <section>
      <h1>{t('units.title')}</h1>
      <AsOfSwitch />
      <UnitSearch asOf={asOf} asOfParam={param} />
      <h2 id="unit-tree-title">{t('units.tree')}</h2>
      <p className="hint">{t('units.noRecordsLegend')}</p>
      <UnitTreeState>
        <UnitTreeLevel parentId={undefined} asOf={asOf} asOfParam={param} label={t('units.tree')} />
      </UnitTreeState>
    </section>
  );
}
