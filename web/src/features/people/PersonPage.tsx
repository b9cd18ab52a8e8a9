import { Link, useParams } from 'react-router';
import { canManageMembers } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import type { TPersonDetail } from '#contracts/people.ts';
import { PhoneLink } from '../../components/PhoneLink.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';
import { AddRoleForm } from './AddRoleForm.tsx';
import { PersonRoles } from './PersonRoles.tsx';
import { usePerson } from './people.api.ts';
import { hasEnded } from '../units/as-of.ts';
import { UnitSplitNotice } from '../units/SplitNotice.tsx';
import { useUnit } from '../units/units.api.ts';
import { todayInVietnam } from '../../i18n/format.ts';

/** Ethnicity and religion, only as returned by the server; their view is logged. */
function SensitiveFacts({ sensitive }: { sensitive: TPersonDetail['sensitive'] }) {
  if (!sensitive) return null;
  return (
    <section aria-labelledby="person-sensitive" className="panel panel-protected">
      <h2 id="person-sensitive">{t('person.protected')}</h2>
      <dl className="facts">
        {sensitive.ethnicity !== null && (
          <div>
            <dt>{t('person.ethnicity')}</dt>
            <dd>{sensitive.ethnicity}</dd>
          </div>
        )}
        {sensitive.religion !== null && (
          <div>
            <dt>{t('person.religion')}</dt>
            <dd>{sensitive.religion}</dd>
          </div>
        )}
      </dl>
      <p className="hint">{t('person.viewLogged')}</p>
    </section>
  );
}

/** One person: unit, contact, protected fields when allowed, and roles over terms (ended and added here). */
export function PersonPage() {
  const id = Number(useParams().id);
  const person = usePerson(id);
  // a person registered in a unit that has ended is history there: no role is given from this page
  const unit = useUnit(person.data?.person.unitId ?? 0, todayInVietnam(), person.data !== undefined);
  const mayEdit = canManageMembers(useMe());
  usePageTitle(person.data?.person.fullName ?? t('person.title'));
  if (person.isPending) return <Loading />;
  if (person.error) return <ErrorMessage error={person.error} />;
  const { person: p, sensitive, roles } = person.data;
  return (
    <article>
      <h1>{p.fullName}</h1>
      <UnitSplitNotice unitId={p.unitId} />
      <dl className="facts">
        <div>
          <dt>{t('person.unit')}</dt>
          <dd>
            <Link to={`/units/${p.unitId}`}>{p.unitName}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('person.gender')}</dt>
          <dd>{p.gender ? t(`person.gender.${p.gender}`) : t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('person.birthYear')}</dt>
          <dd>{p.birthYear ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('person.phone')}</dt>
          <dd>{p.phone ? <PhoneLink phone={p.phone} /> : t('common.none')}</dd>
        </div>
      </dl>
      <SensitiveFacts sensitive={sensitive} />
      <PersonRoles roles={roles} mayEdit={mayEdit} />
      {mayEdit && unit.data && !hasEnded(unit.data.unit.validTo) && <AddRoleForm personId={p.id} unitId={p.unitId} />}
    </article>
  );
}
