import { useId, useState } from 'react';
import { ID_SCHEMES, type TIdScheme } from '#contracts/indicators/dhis2.api.ts';
import type { TDataSet } from '#contracts/indicators/metadata.api.ts';
import { useMe } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { UnitPicker, type PickedUnit } from '../units/UnitPicker.tsx';
import { exportUrl } from './dhis2.api.ts';
import { dataSetIdentifier, unitIdentifier } from './identifiers.ts';

/** The first day of last year: a default range that holds the last reports of every period type. */
const startOfLastYear = (today: string) => `${Number(today.slice(0, 4)) - 1}-01-01`;

/** Export a data set's figures for a date range and a unit (and below) as DHIS2 JSON or CSV download links. */
export function Dhis2Export({ dataSets }: { dataSets: readonly TDataSet[] }) {
  const id = useId();
  const me = useMe();
  const today = todayInVietnam();
  const [dataSetId, setDataSetId] = useState(String(dataSets[0]?.id ?? ''));
  const [startDate, setStartDate] = useState(startOfLastYear(today));
  const [endDate, setEndDate] = useState(today);
  const [picked, setPicked] = useState<PickedUnit | null>(null);
  const [children, setChildren] = useState(true);
  const [idScheme, setIdScheme] = useState<TIdScheme>('UID');
  const dataSet = dataSets.find((candidate) => String(candidate.id) === dataSetId);
  const unitId = picked?.id ?? me.unitId;
  const ready = dataSet && unitId !== null && startDate && endDate && startDate <= endDate;
  const choices = ready ? { dataSet: dataSetIdentifier(dataSet, idScheme), startDate, endDate, orgUnit: unitIdentifier(unitId), children, idScheme } : null;

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('dhis2.export.title')}</h2>
      <form className="dhis2-form" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-set`}>{t('dhis2.export.dataSet')}</label>
          <select id={`${id}-set`} value={dataSetId} onChange={(event) => setDataSetId(event.target.value)}>
            {dataSets.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('dhis2.export.from')}</label>
          <DateField id={`${id}-from`} value={startDate} onChange={setStartDate} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('dhis2.export.to')}</label>
          <DateField id={`${id}-to`} value={endDate} onChange={setEndDate} />
        </div>
        <div className="dhis2-wide">
          {me.unitName && !picked && <p className="muted">{t('dhis2.export.ownUnit', { name: me.unitName })}</p>}
          <UnitPicker label={me.unitId === null ? t('dhis2.export.unit') : t('dhis2.export.pickUnit')} value={picked} onChange={setPicked} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-scheme`}>{t('dhis2.export.idScheme')}</label>
          <select id={`${id}-scheme`} value={idScheme} onChange={(event) => setIdScheme(event.target.value as TIdScheme)}>
            {ID_SCHEMES.map((scheme) => (
              <option key={scheme} value={scheme}>
                {t(`dhis2.import.idScheme.${scheme}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input id={`${id}-children`} type="checkbox" checked={children} onChange={(event) => setChildren(event.target.checked)} />
          <label htmlFor={`${id}-children`}>{t('dhis2.export.children')}</label>
        </div>
      </form>
      <p className="muted">{t('dhis2.export.hint')}</p>
      {choices && (
        <p className="dhis2-downloads">
          <a className="button" href={exportUrl('json', choices)} download="dataValueSets.json">
            {t('dhis2.export.json')}
          </a>
          <a className="button button-secondary" href={exportUrl('csv', choices)} download="dataValueSets.csv">
            {t('dhis2.export.csv')}
          </a>
        </p>
      )}
    </section>
  );
}
