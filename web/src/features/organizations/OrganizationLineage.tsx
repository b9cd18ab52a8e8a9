import { Link } from 'react-router';
import type { TOrganizationDetail, TOrganizationLink } from '#contracts/organizations.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';

/** One recorded link: the other body, what happened, when, by which instrument, and "có thể" when only likely. */
function LinkItem({ link }: { link: TOrganizationLink }) {
  const other = link.organization;
  return (
    <li>
      <Link to={`/organizations/${other.id}`}>{other.name}</Link>
      {!other.name.toLocaleLowerCase('vi').includes(other.unitName.toLocaleLowerCase('vi')) && <> ({other.unitName})</>}
      {' — '}
      {t(`org.succession.${link.kind}`)} {t('org.succession.on', { date: formatDate(link.effectiveDate) })}
      {link.instrument && <> {t('org.succession.by', { instrument: link.instrument })}</>}
      {link.certainty === 'likely' && <> {t('org.succession.likely')}</>}
      {link.note && <span className="muted"> · {link.note}</span>}
    </li>
  );
}

/**
 * The body's history as recorded (issue 9 item 8): the bodies it came from, those that took it over, and the
 * abbreviation it signed documents with over time.
 */
export function OrganizationLineage({ detail }: { detail: TOrganizationDetail }) {
  const { predecessors, successors, abbreviations } = detail;
  if (predecessors.length === 0 && successors.length === 0 && abbreviations.length === 0) return null;
  return (
    <section aria-labelledby="org-lineage">
      <h2 id="org-lineage">{t('org.lineage')}</h2>
      {predecessors.length > 0 && (
        <>
          <h3>{t('org.predecessors')}</h3>
          <ul>{predecessors.map((link) => <LinkItem key={link.organization.id} link={link} />)}</ul>
        </>
      )}
      {successors.length > 0 && (
        <>
          <h3>{t('org.successors')}</h3>
          <ul>{successors.map((link) => <LinkItem key={link.organization.id} link={link} />)}</ul>
        </>
      )}
      {abbreviations.length > 0 && (
        <>
          <h3>{t('org.abbreviations')}</h3>
          <ul>
            {abbreviations.map((row) => (
              <li key={`${row.abbreviation}-${row.validFrom ?? ''}`}>
                <strong>{row.abbreviation}</strong>{' '}
                {row.validFrom === null
                  ? t('org.abbreviation.until', { to: formatDate(row.validTo) })
                  : row.validTo === null
                    ? t('org.abbreviation.since', { from: formatDate(row.validFrom) })
                    : t('org.abbreviation.between', { from: formatDate(row.validFrom), to: formatDate(row.validTo) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
