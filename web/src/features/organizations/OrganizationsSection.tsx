import { useState } from 'react';
import { Link } from 'react-router';
import type { TOrganization } from '#contracts/organizations.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { t } from '../../i18n/i18n.ts';
import { withAsOf } from '../units/as-of.ts';
import { AddOrganizationForm } from './forms/AddOrganizationForm.tsx';
import { organizationTypeLabel, useOrganization, useOrganizations } from './organizations.api.ts';
import { RolesTable } from './RolesTable.tsx';
import './organizations.css';

interface Props {
  unitId: number;
  asOf: string;
  asOfParam: string | null;
  /** The unit's level and whether bodies may be registered in it (in force, the user may create). */
  addTo?: { level: string } | undefined;
}

/** "Tổ chức" of a unit: type, member count, and its people on demand; "Thêm tổ chức" when allowed. */
export function OrganizationsSection({ unitId, asOf, asOfParam, addTo }: Props) {
  const organizations = useOrganizations(unitId, asOf);
  return (
    <section aria-labelledby="unit-organizations">
      <h2 id="unit-organizations">{t('org.ofUnit')}</h2>
      {organizations.isPending && <Loading />}
      <ErrorMessage error={organizations.error} />
      {organizations.data?.length === 0 && <Empty>{t('org.none')}</Empty>}
      {organizations.data && organizations.data.length > 0 && (
        <ul className="org-list">
          {organizations.data.map((organization) => (
            <OrganizationItem key={organization.id} organization={organization} asOf={asOf} asOfParam={asOfParam} />
          ))}
        </ul>
      )}
      {addTo && organizations.data && <AddOrganizationForm unit={{ id: unitId, level: addTo.level }} organizations={organizations.data} />}
    </section>
  );
}

function OrganizationItem({ organization, asOf, asOfParam }: { organization: TOrganization; asOf: string; asOfParam: string | null }) {
  const [open, setOpen] = useState(false);
  const detail = useOrganization(organization.id, asOf, open);
  const panelId = `org-${organization.id}-members`;
  return (
    <li className="org-item">
      <div className="org-row">
        <div>
          <Link to={withAsOf(`/organizations/${organization.id}`, asOfParam)}>{organization.name}</Link>
          <span className="muted org-type">{organizationTypeLabel(organization.type)}</span>
        </div>
        <span className="count">{t('org.memberCount', { count: organization.memberCount })}</span>
        {organization.memberCount > 0 && (
          <button
            type="button"
            className="button-secondary button-small"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((value) => !value)}
          >
            {t(open ? 'org.hideMembers' : 'org.showMembers')}
            <span className="visually-hidden"> {organization.name}</span>
          </button>
        )}
      </div>
      {open && (
        <div id={panelId}>
          {detail.isPending && <Loading />}
          <ErrorMessage error={detail.error} />
          {detail.data && <RolesTable roles={detail.data.roles} caption={organization.name} />}
        </div>
      )}
    </li>
  );
}
