import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { REGISTRANT_KINDS, type TCommitmentCount, type TCommitmentFigures, type TCommitmentUploadResult, type TRegistrantKind } from '#contracts/emulation/commitment.api.ts';
import { can } from '../../../app/can.ts';
import { useMe } from '../../../app/session.ts';
import { DateField } from '../../../components/DateField.tsx';
import { Empty, ErrorMessage, Loading, Success } from '../../../components/Status.tsx';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { formatDate, formatDateTime, formatNumber, todayInVietnam } from '../../../i18n/format.ts';
import { t } from '../../../i18n/i18n.ts';
import { useUnitChildren } from '../../units/units.api.ts';
import { EmulationNav } from '../EmulationNav.tsx';
import { NotAllowed } from '../NotAllowed.tsx';
import { templateUrl, useBreaches, useCampaign, useCampaigns, useCountHistory, useCounts, useFigures, useRecordBreach, useSaveCount, useUpload } from './commitments.api.ts';
import '../emulation.css';
import './commitments.css';

const TABS = ['figures', 'counts', 'breaches', 'excel'] as const;
type Tab = (typeof TABS)[number];
type Commitment = { id: number; code: string; title: string };
interface CampaignInfo {
  id: number;
  startsOn: string;
  endsOn: string;
  commitments: Commitment[];
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const count = (form: FormData, name: string) => (text(form, name) === '' ? null : Number(text(form, name)));
/** The day units are named as of: today within the campaign's period, else its nearest end (as the server does). */
const campaignDay = (c: { startsOn: string; endsOn: string }) => {
  const today = todayInVietnam();
  return today < c.startsOn ? c.startsOn : today > c.endsOn ? c.endsOn : today;
};

/** "Cam kết thi đua": a campaign's commitments by commune and by body, the counts, breaches and the Excel import (?campaign=…&tab=…). */
export function CommitmentsPage() {
  usePageTitle(t('emulation.commitments.title'));
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const campaigns = useCampaigns();
  const chosen = Number(params.get('campaign')) || (campaigns.data?.[0]?.id ?? null);
  const campaign = useCampaign(chosen);
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'figures';
  if (!can(me, 'emulation.read')) return <NotAllowed />;
  const manage = can(me, 'emulation.manageCommitments');
  const info: CampaignInfo | null = campaign.data
    ? { id: campaign.data.id, startsOn: campaign.data.startsOn, endsOn: campaign.data.endsOn, commitments: campaign.data.commitments }
    : null;
  return (
    <section className="emu-page cmt-page">
      <div className="page-head">
        <h1>{t('emulation.commitments.title')}</h1>
      </div>
      <EmulationNav />
      <p className="hint">{t('emulation.commitments.intro')}</p>
      {campaigns.isPending && <Loading />}
      <ErrorMessage error={campaigns.error} />
      {campaigns.data && campaigns.data.length === 0 && <Empty>{t('emulation.commitments.noCampaigns')}</Empty>}
      {campaigns.data && campaigns.data.length > 0 && (
        <div className="field cmt-campaign">
          <label htmlFor="cmt-campaign">{t('emulation.commitments.campaign')}</label>
          <select id="cmt-campaign" value={chosen ?? ''} onChange={(event) => setParams({ campaign: event.target.value, tab })}>
            {campaigns.data.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title} ({c.year})
              </option>
            ))}
          </select>
        </div>
      )}
      <ErrorMessage error={campaign.error} />
      {info && (
        <>
          <nav className="cmt-tabs" aria-label={t('emulation.commitments.parts')}>
            <ul>
              {TABS.map((name) => (
                <li key={name}>
                  <Link to={`/emulation/commitments?campaign=${info.id}&tab=${name}`} aria-current={tab === name ? 'page' : undefined}>
                    {t(`emulation.commitments.tab.${name}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {info.commitments.length === 0 && <Empty>{t('emulation.commitments.noCommitments')}</Empty>}
          {info.commitments.length > 0 && tab === 'figures' && <FiguresTab campaign={info} />}
          {info.commitments.length > 0 && tab === 'counts' && <CountsTab campaign={info} manage={manage} homeUnit={me.unitId ?? null} />}
          {info.commitments.length > 0 && tab === 'breaches' && <BreachesTab campaign={info} manage={manage} />}
          {info.commitments.length > 0 && tab === 'excel' && <ExcelTab campaign={info} manage={manage} />}
        </>
      )}
    </section>
  );
}

// ---------- figures

function FiguresTab({ campaign }: { campaign: CampaignInfo }) {
  const [by, setBy] = useState<'commune' | 'body'>('commune');
  const figures = useFigures(campaign.id, by);
  return (
    <section aria-labelledby="cmt-figures-title">
      <h2 id="cmt-figures-title">{t('emulation.commitments.figures.title')}</h2>
      <fieldset className="cmt-by">
        <legend>{t('emulation.commitments.figures.by')}</legend>
        {(['commune', 'body'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="by" value={value} checked={by === value} onChange={() => setBy(value)} /> {t(`emulation.commitments.figures.by.${value}`)}
          </label>
        ))}
      </fieldset>
      {figures.isPending && <Loading />}
      <ErrorMessage error={figures.error} />
      {figures.data && figures.data.groups.length === 0 && <Empty>{t('emulation.commitments.figures.none')}</Empty>}
      {figures.data && figures.data.groups.length > 0 && <FiguresTable figures={figures.data} />}
    </section>
  );
}

function FiguresTable({ figures }: { figures: TCommitmentFigures }) {
  const cellText = (cells: TCommitmentFigures['totals'], commitmentId: number, kind: TRegistrantKind) => {
    const cell = cells.find((c) => c.commitmentId === commitmentId && c.registrantKind === kind);
    if (!cell) return '—';
    const base = cell.eligible > 0 ? t('emulation.commitments.ofEligible', { registered: formatNumber(cell.registered), eligible: formatNumber(cell.eligible) }) : formatNumber(cell.registered);
    return cell.breaches > 0 ? `${base} · ${t('emulation.commitments.breachCount', { count: cell.breaches })}` : base;
  };
  // the totals first: a province reads them before its many communes
  const rows = [{ key: 'total', name: t('emulation.commitments.total'), cells: figures.totals, total: true }, ...figures.groups.map((g) => ({ key: `${g.unitId ?? ''}|${g.organizationId ?? ''}`, name: g.name, cells: g.cells, total: false }))];
  return (
    <div className="table-scroll">
    <table className="table responsive cmt-figures">
      <thead>
        <tr>
          <th scope="col">{t(figures.by === 'commune' ? 'emulation.commitments.unit' : 'emulation.commitments.body')}</th>
          <th scope="col">{t('emulation.commitments.kind')}</th>
          {figures.commitments.map((c) => (
            <th scope="col" key={c.id}>
              {c.code}. {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.flatMap((row) =>
          REGISTRANT_KINDS.filter((kind) => row.cells.some((c) => c.registrantKind === kind)).map((kind) => (
            <tr key={`${row.key}|${kind}`} className={row.total ? 'cmt-total' : undefined}>
              <th scope="row" data-label={t(figures.by === 'commune' ? 'emulation.commitments.unit' : 'emulation.commitments.body')}>
                {row.name}
              </th>
              <td data-label={t('emulation.commitments.kind')}>{t(`emulation.commitments.kind.${kind}`)}</td>
              {figures.commitments.map((c) => (
                <td key={c.id} className="cmt-number" data-label={`${c.code}. ${c.title}`}>
                  {cellText(row.cells, c.id, kind)}
                </td>
              ))}
            </tr>
          )),
        )}
      </tbody>
    </table>
    </div>
  );
}

// ---------- counts

/** Cascading selects from the top units the user sees, as of the campaign's day: the unit chosen is the deepest one picked. */
function UnitChooser({ asOf, onChange, idPrefix, depth = 0, parentId }: { asOf: string; onChange: (unitId: number | null) => void; idPrefix: string; depth?: number; parentId?: number }) {
  const children = useUnitChildren(parentId, asOf);
  const [picked, setPicked] = useState<number | null>(null);
  if (depth > 3 || !children.data || children.data.length === 0) return null;
  const id = `${idPrefix}-${depth}`;
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{depth === 0 ? t('emulation.commitments.unit') : t('emulation.commitments.unitBelow')}</label>
        <select
          id={id}
          value={picked ?? ''}
          onChange={(event) => {
            const value = event.target.value === '' ? null : Number(event.target.value);
            setPicked(value);
            onChange(value ?? parentId ?? null);
          }}
        >
          <option value="">{depth === 0 ? t('emulation.commitments.choose') : t('emulation.commitments.thisUnit')}</option>
          {children.data.map((u) => (
            <option key={u.id} value={u.id}>
              {u.fullName}
            </option>
          ))}
        </select>
      </div>
      {picked !== null && <UnitChooser key={picked} asOf={asOf} onChange={(unitId) => onChange(unitId ?? picked)} idPrefix={idPrefix} depth={depth + 1} parentId={picked} />}
    </>
  );
}

const ROWS_PER_PAGE = 50;

function CountsTab({ campaign, manage }: { campaign: CampaignInfo; manage: boolean; homeUnit: number | null }) {
  const id = useId();
  const [commitmentFilter, setCommitmentFilter] = useState('');
  const [kindFilter, setKindFilter] = useState('');
  const [unitFilter, setUnitFilter] = useState<number | null>(null);
  // a province has thousands of counts: the first rows, then more on request (the filters narrow the rest)
  const [shown, setShown] = useState(ROWS_PER_PAGE);
  const counts = useCounts(campaign.id, {
    ...(commitmentFilter ? { commitmentId: Number(commitmentFilter) } : {}),
    ...(kindFilter ? { registrantKind: kindFilter as TRegistrantKind } : {}),
    ...(unitFilter !== null ? { unitId: unitFilter } : {}),
  });
  const save = useSaveCount();
  const [unitId, setUnitId] = useState<number | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (unitId === null) return;
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    save.mutate(
      {
        campaignId: campaign.id,
        unitId,
        commitmentId: Number(text(form, 'commitmentId')),
        registrantKind: text(form, 'registrantKind') as TRegistrantKind,
        registered: Number(text(form, 'registered')),
        eligible: count(form, 'eligible'),
        expectedVersion: 0,
      },
      { onSuccess: () => target.reset() },
    );
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('emulation.commitments.counts.title')}</h2>
      {manage && (
        <form className="panel cmt-form" onSubmit={submit} aria-label={t('emulation.commitments.counts.new')}>
          <h3>{t('emulation.commitments.counts.new')}</h3>
          <UnitChooser asOf={campaignDay(campaign)} onChange={setUnitId} idPrefix={`${id}-unit`} />
          <div className="field">
            <label htmlFor={`${id}-commitment`}>{t('emulation.commitments.commitment')}</label>
            <select id={`${id}-commitment`} name="commitmentId" required>
              {campaign.commitments.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code}. {c.title}
                </option>
              ))}
            </select>
          </div>
          <KindField id={`${id}-kind`} />
          <div className="field">
            <label htmlFor={`${id}-registered`}>{t('emulation.commitments.registered')}</label>
            <input id={`${id}-registered`} name="registered" type="number" inputMode="numeric" min={0} max={10000000} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-eligible`}>{t('emulation.commitments.eligible')}</label>
            <input id={`${id}-eligible`} name="eligible" type="number" inputMode="numeric" min={0} max={10000000} />
          </div>
          <button type="submit" disabled={save.isPending || unitId === null}>
            {t('emulation.commitments.counts.save')}
          </button>
          <ErrorMessage error={save.error} />
          {save.isSuccess && <Success>{t('emulation.commitments.counts.saved')}</Success>}
        </form>
      )}
      <form className="filters" role="search" aria-label={t('emulation.commitments.counts.filters')} onSubmit={(event) => event.preventDefault()}>
        <UnitChooser asOf={campaignDay(campaign)} onChange={(unit) => { setUnitFilter(unit); setShown(ROWS_PER_PAGE); }} idPrefix={`${id}-funit`} />
        <div className="field">
          <label htmlFor={`${id}-fc`}>{t('emulation.commitments.commitment')}</label>
          <select id={`${id}-fc`} value={commitmentFilter} onChange={(event) => { setCommitmentFilter(event.target.value); setShown(ROWS_PER_PAGE); }}>
            <option value="">{t('emulation.commitments.all')}</option>
            {campaign.commitments.map((c) => (
              <option key={c.id} value={c.id}>
                {c.code}. {c.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-fk`}>{t('emulation.commitments.kind')}</label>
          <select id={`${id}-fk`} value={kindFilter} onChange={(event) => { setKindFilter(event.target.value); setShown(ROWS_PER_PAGE); }}>
            <option value="">{t('emulation.commitments.all')}</option>
            {REGISTRANT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`emulation.commitments.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {counts.isPending && <Loading />}
      <ErrorMessage error={counts.error} />
      {counts.data && counts.data.length === 0 && <Empty>{t('emulation.commitments.counts.none')}</Empty>}
      {counts.data && counts.data.length > 0 && (
        <table className="table responsive">
          <thead>
            <tr>
              <th scope="col">{t('emulation.commitments.unit')}</th>
              <th scope="col">{t('emulation.commitments.kind')}</th>
              <th scope="col">{t('emulation.commitments.commitment')}</th>
              <th scope="col">{t('emulation.commitments.registered')}</th>
              <th scope="col">{t('emulation.commitments.eligible')}</th>
              <th scope="col">{t('emulation.commitments.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {counts.data.slice(0, shown).map((c) => (
              <CountRow key={c.id} count={c} manage={manage} editing={editing === c.id} onEdit={() => setEditing(editing === c.id ? null : c.id)} onHistory={() => setHistory(history === c.id ? null : c.id)} showHistory={history === c.id} />
            ))}
          </tbody>
        </table>
      )}
      {counts.data && counts.data.length > shown && (
        <p className="cmt-more">
          {t('emulation.commitments.counts.shown', { shown: formatNumber(shown), total: formatNumber(counts.data.length) })}{' '}
          <button type="button" className="button-secondary" onClick={() => setShown(shown + ROWS_PER_PAGE)}>
            {t('emulation.commitments.counts.more', { count: formatNumber(Math.min(ROWS_PER_PAGE, counts.data.length - shown)) })}
          </button>
        </p>
      )}
    </section>
  );
}

function KindField({ id }: { id: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{t('emulation.commitments.kind')}</label>
      <select id={id} name="registrantKind" defaultValue="household">
        {REGISTRANT_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`emulation.commitments.kind.${kind}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function CountRow({ count: c, manage, editing, onEdit, showHistory, onHistory }: { count: TCommitmentCount; manage: boolean; editing: boolean; onEdit: () => void; showHistory: boolean; onHistory: () => void }) {
  const id = useId();
  const save = useSaveCount();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate(
      {
        campaignId: c.campaignId,
        unitId: c.unitId,
        commitmentId: c.commitmentId,
        registrantKind: c.registrantKind,
        organizationId: c.organizationId,
        registered: Number(text(form, 'registered')),
        eligible: count(form, 'eligible'),
        expectedVersion: c.version,
        reason: text(form, 'reason'),
      },
      { onSuccess: onEdit },
    );
  };
  return (
    <>
      <tr>
        <td data-label={t('emulation.commitments.unit')}>
          {c.unitName}
          {c.organizationName && <span className="cmt-sub">{c.organizationName}</span>}
        </td>
        <td data-label={t('emulation.commitments.kind')}>{t(`emulation.commitments.kind.${c.registrantKind}`)}</td>
        <td data-label={t('emulation.commitments.commitment')} title={c.commitmentTitle}>
          {c.commitmentCode}. {c.commitmentTitle}
        </td>
        <td data-label={t('emulation.commitments.registered')}>{formatNumber(c.registered)}</td>
        <td data-label={t('emulation.commitments.eligible')}>{c.eligible === null ? '—' : formatNumber(c.eligible)}</td>
        <td data-label={t('emulation.commitments.actions')}>
          <div className="cmt-actions">
            {manage && (
              <button type="button" className="button-secondary" onClick={onEdit} aria-expanded={editing}>
                {t('emulation.commitments.correct')}
              </button>
            )}
            <button type="button" className="button-secondary" onClick={onHistory} aria-expanded={showHistory}>
              {t('emulation.commitments.history')}
            </button>
          </div>
        </td>
      </tr>
      {editing && (
        <tr className="cmt-detail">
          <td colSpan={6}>
            <form className="cmt-form" onSubmit={submit} aria-label={t('emulation.commitments.correctTitle', { unit: c.unitName, code: c.commitmentCode })}>
              <div className="field">
                <label htmlFor={`${id}-registered`}>{t('emulation.commitments.registered')}</label>
                <input id={`${id}-registered`} name="registered" type="number" inputMode="numeric" min={0} defaultValue={c.registered} required />
              </div>
              <div className="field">
                <label htmlFor={`${id}-eligible`}>{t('emulation.commitments.eligible')}</label>
                <input id={`${id}-eligible`} name="eligible" type="number" inputMode="numeric" min={0} defaultValue={c.eligible ?? ''} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-reason`}>{t('emulation.commitments.reason')}</label>
                <input id={`${id}-reason`} name="reason" required maxLength={1000} />
              </div>
              <button type="submit" disabled={save.isPending}>
                {t('emulation.commitments.saveCorrection')}
              </button>
              <ErrorMessage error={save.error} />
            </form>
          </td>
        </tr>
      )}
      {showHistory && (
        <tr className="cmt-detail">
          <td colSpan={6}>
            <History id={c.id} />
          </td>
        </tr>
      )}
    </>
  );
}

function History({ id }: { id: string }) {
  const history = useCountHistory(id);
  if (history.isPending) return <Loading />;
  if (history.error) return <ErrorMessage error={history.error} />;
  return (
    <ol className="cmt-history" aria-label={t('emulation.commitments.history')}>
      {history.data.changes.map((change) => (
        <li key={change.version}>
          {t(change.registeredBefore === null ? 'emulation.commitments.historyFirst' : 'emulation.commitments.historyChange', {
            before: change.registeredBefore ?? '',
            after: change.registered,
            when: formatDateTime(change.changedAt),
            who: change.changedBy ?? '—',
            source: t(`emulation.commitments.source.${change.source}`),
          })}
          {change.reason && <span className="cmt-sub">{t('emulation.commitments.reasonShown', { reason: change.reason })}</span>}
        </li>
      ))}
    </ol>
  );
}

// ---------- breaches

function BreachesTab({ campaign, manage }: { campaign: CampaignInfo; manage: boolean }) {
  const id = useId();
  const breaches = useBreaches(campaign.id);
  const record = useRecordBreach();
  const [unitId, setUnitId] = useState<number | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (unitId === null) return;
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    const reportedBy = text(form, 'reportedBy');
    record.mutate(
      {
        campaignId: campaign.id,
        unitId,
        commitmentId: Number(text(form, 'commitmentId')),
        registrantKind: text(form, 'registrantKind') as TRegistrantKind,
        occurredOn: text(form, 'occurredOn'),
        reportedOn: text(form, 'reportedOn'),
        description: text(form, 'description'),
        ...(reportedBy ? { reportedBy } : {}),
      },
      { onSuccess: () => target.reset() },
    );
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('emulation.commitments.breaches.title')}</h2>
      {manage && (
        <form className="panel cmt-form" onSubmit={submit} aria-label={t('emulation.commitments.breaches.new')}>
          <h3>{t('emulation.commitments.breaches.new')}</h3>
          <UnitChooser asOf={campaignDay(campaign)} onChange={setUnitId} idPrefix={`${id}-unit`} />
          <div className="field">
            <label htmlFor={`${id}-commitment`}>{t('emulation.commitments.commitment')}</label>
            <select id={`${id}-commitment`} name="commitmentId" required>
              {campaign.commitments.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code}. {c.title}
                </option>
              ))}
            </select>
          </div>
          <KindField id={`${id}-kind`} />
          <div className="field">
            <label htmlFor={`${id}-occurred`}>{t('emulation.commitments.occurredOn')}</label>
            <DateField id={`${id}-occurred`} name="occurredOn" required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-reported`}>{t('emulation.commitments.reportedOn')}</label>
            <DateField id={`${id}-reported`} name="reportedOn" defaultValue={todayInVietnam()} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-description`}>{t('emulation.commitments.description')}</label>
            <textarea id={`${id}-description`} name="description" required maxLength={4000} rows={3} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-by`}>{t('emulation.commitments.reportedBy')}</label>
            <input id={`${id}-by`} name="reportedBy" maxLength={300} />
          </div>
          <button type="submit" disabled={record.isPending || unitId === null}>
            {t('emulation.commitments.breaches.save')}
          </button>
          <ErrorMessage error={record.error} />
          {record.isSuccess && <Success>{t('emulation.commitments.breaches.saved')}</Success>}
        </form>
      )}
      {breaches.isPending && <Loading />}
      <ErrorMessage error={breaches.error} />
      {breaches.data && breaches.data.length === 0 && <Empty>{t('emulation.commitments.breaches.none')}</Empty>}
      {breaches.data && breaches.data.length > 0 && (
        <ul className="cmt-cards">
          {breaches.data.map((b) => (
            <li key={b.id} className="panel">
              <p>
                <strong>
                  {b.commitmentCode}. {b.commitmentTitle}
                </strong>
              </p>
              <p>{b.description}</p>
              <p className="cmt-sub">
                {t('emulation.commitments.breachLine', {
                  unit: b.unitName,
                  kind: t(`emulation.commitments.kind.${b.registrantKind}`),
                  occurred: formatDate(b.occurredOn),
                  reported: formatDate(b.reportedOn),
                })}
                {b.reportedBy && ` · ${b.reportedBy}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// ---------- Excel

function ExcelTab({ campaign, manage }: { campaign: CampaignInfo; manage: boolean }) {
  const id = useId();
  const [unitId, setUnitId] = useState<number | null>(null);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('emulation.commitments.excel.title')}</h2>
      <p className="hint">{t('emulation.commitments.excel.hint')}</p>
      <UnitChooser asOf={campaignDay(campaign)} onChange={setUnitId} idPrefix={`${id}-unit`} />
      {unitId !== null && <ExcelPanel key={unitId} campaignId={campaign.id} unitId={unitId} manage={manage} />}
    </section>
  );
}

function ExcelPanel({ campaignId, unitId, manage }: { campaignId: number; unitId: number; manage: boolean }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const preview = useUpload(campaignId, unitId, true);
  const commit = useUpload(campaignId, unitId, false);
  const result = preview.data;
  return (
    <>
      <p>
        <a className="button button-secondary" href={templateUrl(campaignId, unitId)} download>
          {t('emulation.commitments.excel.download')}
        </a>
      </p>
      {manage && (
        <>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('emulation.commitments.excel.file')}</label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".xlsx,.csv"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                preview.reset();
                commit.reset();
              }}
            />
          </div>
          <button type="button" disabled={!file || preview.isPending} onClick={() => file && preview.mutate(file)}>
            {t('emulation.commitments.excel.preview')}
          </button>
          <ErrorMessage error={preview.error} />
          {result && <Preview result={result} />}
          {result && result.errorCount === 0 && result.changeCount > 0 && !commit.data && (
            <button type="button" disabled={commit.isPending} onClick={() => file && commit.mutate(file)}>
              {t('emulation.commitments.excel.confirm', { count: result.changeCount })}
            </button>
          )}
          <ErrorMessage error={commit.error} />
          {commit.data && <Success>{t('emulation.commitments.excel.done', { count: commit.data.written })}</Success>}
        </>
      )}
    </>
  );
}

function Preview({ result }: { result: TCommitmentUploadResult }) {
  return (
    <div className="cmt-preview">
      {result.errorCount > 0 ? (
        <p className="alert" role="alert">
          {t('emulation.commitments.excel.hasErrors', { count: result.errorCount })}
        </p>
      ) : (
        <p role="status">{t('emulation.commitments.excel.ready', { rows: result.rows, count: result.changeCount, unchanged: result.unchanged })}</p>
      )}
      {result.errors.length > 0 && (
        <table className="table responsive" aria-label={t('emulation.commitments.excel.errors')}>
          <thead>
            <tr>
              <th scope="col">{t('emulation.commitments.excel.row')}</th>
              <th scope="col">{t('emulation.commitments.excel.column')}</th>
              <th scope="col">{t('emulation.commitments.excel.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {result.errors.map((error) => (
              <tr key={`${error.row}|${error.field}|${error.message}`} className="row-error">
                <td data-label={t('emulation.commitments.excel.row')}>{error.row}</td>
                <td data-label={t('emulation.commitments.excel.column')}>{error.field}</td>
                <td data-label={t('emulation.commitments.excel.problem')}>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.changes.length > 0 && (
        <table className="table responsive" aria-label={t('emulation.commitments.excel.changes')}>
          <thead>
            <tr>
              <th scope="col">{t('emulation.commitments.excel.row')}</th>
              <th scope="col">{t('emulation.commitments.unit')}</th>
              <th scope="col">{t('emulation.commitments.kind')}</th>
              <th scope="col">{t('emulation.commitments.commitment')}</th>
              <th scope="col">{t('emulation.commitments.excel.before')}</th>
              <th scope="col">{t('emulation.commitments.excel.after')}</th>
            </tr>
          </thead>
          <tbody>
            {result.changes.map((c) => (
              <tr key={`${c.row}|${c.commitmentId}`}>
                <td data-label={t('emulation.commitments.excel.row')}>{c.row}</td>
                <td data-label={t('emulation.commitments.unit')}>{c.unitName}</td>
                <td data-label={t('emulation.commitments.kind')}>{t(`emulation.commitments.kind.${c.registrantKind}`)}</td>
                <td data-label={t('emulation.commitments.commitment')}>{c.commitmentCode}</td>
                <td data-label={t('emulation.commitments.excel.before')}>{c.registeredBefore === null ? '—' : formatNumber(c.registeredBefore)}</td>
                <td data-label={t('emulation.commitments.excel.after')}>{formatNumber(c.registered)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
