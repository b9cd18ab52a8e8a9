import { Link, useLocation } from 'react-router';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';
import { DataElementsTable } from './DataElementsTable.tsx';
import { DataSetsTable } from './DataSetsTable.tsx';
import { IndicatorsTable } from './IndicatorsTable.tsx';
import { useCategoryCombos, useDataElements, useDataSets, useIndicators } from './indicator-config.api.ts';
import './indicator-config.css';

/** Where the create pages live; the list page is the parent. */
export const CONFIG_PATH = '/periodic-reports/config';

/**
 * "Cấu hình báo cáo định kỳ": the report forms, data elements and indicators the user may see. Officers who may
 * configure get the links to define new ones; everyone else reads the lists.
 */
export function IndicatorConfigPage() {
  usePageTitle(t('indicatorConfig.title'));
  const me = useMe();
  const configure = can(me, 'indicators.configure');
  const created = (useLocation().state as { created?: string } | null)?.created;
  const dataSets = useDataSets();
  const elements = useDataElements();
  const indicators = useIndicators();
  const combos = useCategoryCombos();
  return (
    <section>
      <div className="page-head">
        <h1>{t('indicatorConfig.title')}</h1>
      </div>
      {created && <Success>{t('indicatorConfig.created', { name: created })}</Success>}
      {configure ? (
        <nav className="config-actions" aria-label={t('indicatorConfig.actions')}>
          <Link className="button" to={`${CONFIG_PATH}/data-sets/new`}>
            {t('indicatorConfig.dataSet.create')}
          </Link>
          <Link className="button button-secondary" to={`${CONFIG_PATH}/data-elements/new`}>
            {t('indicatorConfig.element.create')}
          </Link>
          <Link className="button button-secondary" to={`${CONFIG_PATH}/indicators/new`}>
            {t('indicatorConfig.indicator.create')}
          </Link>
        </nav>
      ) : (
        <p className="hint">{t('indicatorConfig.readOnly')}</p>
      )}

      <h2 id="config-data-sets">{t('indicatorConfig.dataSets.title')}</h2>
      {dataSets.isPending && <Loading />}
      <ErrorMessage error={dataSets.error} />
      {dataSets.data && <DataSetsTable dataSets={dataSets.data} />}

      <h2 id="config-elements">{t('indicatorConfig.elements.title')}</h2>
      {(elements.isPending || combos.isPending) && <Loading />}
      <ErrorMessage error={elements.error ?? combos.error} />
      {elements.data && combos.data && <DataElementsTable elements={elements.data} combos={combos.data} dataSets={dataSets.data ?? []} />}

      <h2 id="config-indicators">{t('indicatorConfig.indicators.title')}</h2>
      {indicators.isPending && <Loading />}
      <ErrorMessage error={indicators.error} />
      {indicators.data && <IndicatorsTable indicators={indicators.data} />}
    </section>
  );
}

/** Shown on a create page to a user who may not configure (the server would refuse anyway). */
export function NotAllowed() {
  return (
    <section className="narrow">
      <p>
        <Link to={CONFIG_PATH}>{t('indicatorConfig.back')}</Link>
      </p>
      <p className="alert" role="alert">
        {t('indicatorConfig.notAllowed')}
      </p>
    </section>
  );
}
