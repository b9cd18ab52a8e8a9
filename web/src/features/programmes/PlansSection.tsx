import { useId } from 'react';
import { Link } from 'react-router';
import type { TProgrammeDetail } from '#contracts/programmes/programmes.api.ts';
import { Empty } from '../../components/Status.tsx';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { yearsText } from './programme-text.ts';

/** "Kế hoạch thực hiện": the implementation plans of lower units that the user may read. */
export function PlansSection({ programme }: { programme: TProgrammeDetail }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('programmes.tab.plans')}</h2>
      <p className="hint">{t('programmes.plansHint')}</p>
      {programme.plans.length === 0 && <Empty>{t('programmes.noPlans')}</Empty>}
      {programme.plans.length > 0 && (
        <table className="table responsive prog-table">
          <thead>
            <tr>
              <th>{t('programmes.titleColumn')}</th>
              <th>{t('programmes.owner')}</th>
              <th>{t('programmes.issuedOn')}</th>
              <th>{t('programmes.period')}</th>
              <th>{t('programmes.targetsColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {programme.plans.map((plan) => (
              <tr key={plan.id}>
                <td>
                  <Link to={`/programmes/${plan.id}`}>{`${plan.number} · ${plan.title}`}</Link>
                </td>
                <td data-label={t('programmes.owner')}>{plan.ownerUnit.fullName}</td>
                <td data-label={t('programmes.issuedOn')}>{formatDate(plan.issuedOn)}</td>
                <td data-label={t('programmes.period')}>{yearsText(plan)}</td>
                <td data-label={t('programmes.targetsColumn')}>{plan.targetCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
