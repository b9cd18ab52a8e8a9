import { Link } from 'react-router';
import type { TUnitDetail } from '#contracts/units.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { dayBefore } from './as-of.ts';
import { capitalize } from './labels.ts';

type SuccessionLink = TUnitDetail['predecessors'][number];

/** One succession link; a predecessor is shown as it stood the day before the change. */
function SuccessionItem({ link, side }: { link: SuccessionLink; side: 'from' | 'into' }) {
  const asOf = side === 'from' ? dayBefore(link.effectiveDate) : link.effectiveDate;
  return (
    <li>
      {link.certainty === 'likely' && <span className="muted">{t('unit.likely')} </span>}
      <Link to={`/units/${link.unit.id}?asOf=${asOf}`}>{link.unit.fullName}</Link>
      {link.kind === 'moved' && link.parentName !== null && <> ({link.parentName})</>}
      {link.kind === 'split' && <span className="badge">{t('unit.partial')}</span>}{' '}
      <span className="muted">
        {t('unit.effective', { date: formatDate(link.effectiveDate) })}
        {link.instrument !== null && ` ${t('unit.instrument', { instrument: link.instrument })}`}
        {link.certainty === 'likely' && link.confirmed && ` (${t('unit.confirmed')})`}
      </span>
    </li>
  );
}

/**
 * A village that went whole into one village of the new commune was moved ("chuyển về"), not merged: the reform
 * merges communes, and their villages follow one to one (docs/glossary.md).
 */
const movedWhole = (detail: TUnitDetail, links: readonly SuccessionLink[]) =>
  (links.length > 0 && links.every((link) => link.kind === 'moved')) ||
  (detail.unit.level === 'village' && links.length === 1 && links[0]?.kind === 'merged');

/**
 * "Sáp nhập từ" / "Đã sáp nhập vào" ("Chuyển về từ" / "Đã chuyển về" for a village moved whole) and earlier
 * names. Nothing is shown when there is no history.
 */
export function UnitSuccession({ detail }: { detail: TUnitDetail }) {
  const { predecessors, successors, history, successorUnknown, createdAct } = detail;
  // a unit created by a resolution (a row of a later parent period says where it moved from instead)
  const created = createdAct !== null && detail.unit.validFrom !== null && !predecessors.some((link) => link.kind === 'moved');
  if (predecessors.length + successors.length + history.length === 0 && !successorUnknown && !created) return null;
  return (
    <section aria-labelledby="unit-history">
      <h2 id="unit-history">{t('unit.history')}</h2>
      {created && <p>{t('unit.createdBy', { date: formatDate(detail.unit.validFrom), act: createdAct })}</p>}
      {predecessors.length > 0 && (
        <>
          <h3>{t(movedWhole(detail, predecessors) ? 'unit.movedFrom' : 'unit.mergedFrom')}</h3>
          <ul className="plain-list">
            {predecessors.map((link) => (
              <SuccessionItem key={`${link.unit.id}-${link.effectiveDate}`} link={link} side="from" />
            ))}
          </ul>
        </>
      )}
      {successors.length > 0 && (
        <>
          <h3>{t(movedWhole(detail, successors) ? 'unit.movedInto' : 'unit.mergedInto')}</h3>
          <ul className="plain-list">
            {successors.map((link) => (
              <SuccessionItem key={`${link.unit.id}-${link.effectiveDate}`} link={link} side="into" />
            ))}
          </ul>
        </>
      )}
      {successorUnknown && <p className="notice">{t('unit.successorUnknown')}</p>}
      {history.length > 0 && (
        <>
          <h3>{t('unit.names')}</h3>
          <table className="table responsive">
            <thead>
              <tr>
                <th scope="col">{t('unit.name')}</th>
                <th scope="col">{t('unit.type')}</th>
                <th scope="col">{t('common.from')}</th>
                <th scope="col">{t('common.to')}</th>
                <th scope="col">{t('unit.act')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry) => (
                <tr key={`${entry.fullName}-${entry.validTo}`}>
                  <td data-label={t('unit.name')}>{entry.fullName}</td>
                  <td data-label={t('unit.type')}>{capitalize(entry.type)}</td>
                  <td data-label={t('common.from')}>{formatDate(entry.validFrom) || t('common.none')}</td>
                  <td data-label={t('common.to')}>{formatDate(entry.validTo)}</td>
                  <td data-label={t('unit.act')}>{entry.act ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
