import { Link } from 'react-router';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';
import { useDataSets } from '../reports/reports.api.ts';
import { Dhis2Export } from './Dhis2Export.tsx';
import { Dhis2Import } from './Dhis2Import.tsx';
import './dhis2.css';

/** "Trao đổi dữ liệu DHIS2": import a dataValueSets file as a job with its summary, export figures as JSON or CSV. */
export function Dhis2Page() {
  usePageTitle(t('dhis2.title'));
  const me = useMe();
  const allowed = can(me, 'indicators.exchange');
  const dataSets = useDataSets();
  return (
    <section>
      <p>
        <Link to="/periodic-reports">{t('dhis2.back')}</Link>
      </p>
      <h1>{t('dhis2.title')}</h1>
      <p className="muted">{t('dhis2.intro')}</p>
      {!allowed ? (
        <p className="notice">{t('dhis2.notAllowed')}</p>
      ) : (
        <>
          {dataSets.isPending && <Loading />}
          <ErrorMessage error={dataSets.error} />
          <Dhis2Import dataSets={dataSets.data ?? []} />
          {dataSets.data && dataSets.data.length === 0 && <Empty>{t('dhis2.export.noDataSets')}</Empty>}
          {dataSets.data && dataSets.data.length > 0 && <Dhis2Export dataSets={dataSets.data} />}
        </>
      )}
    </section>
  );
}
