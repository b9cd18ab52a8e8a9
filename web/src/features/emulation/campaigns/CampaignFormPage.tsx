import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { TCampaignDetail } from '#contracts/emulation/campaign.ts';
import { BODY_KINDS, CAMPAIGN_STATUSES, CRITERION_SCORINGS, CRITERION_TARGETS, MILESTONE_KINDS, type TCampaignLevel } from '#contracts/emulation/enums.ts';
import type { TCampaignPackLoadResult } from '#contracts/emulation/pack.ts';
import { can } from '../../../app/can.ts';
import { useMe } from '../../../app/session.ts';
import { DateField } from '../../../components/DateField.tsx';
import { ErrorMessage, Loading, Success } from '../../../components/Status.tsx';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { t, type MessageKey } from '../../../i18n/i18n.ts';
import { EmulationNav } from '../EmulationNav.tsx';
import { NotAllowed } from '../NotAllowed.tsx';
import { draftFrom, emptyDraft, toBody, type CampaignDraft } from './campaign-form.ts';
import {
  useCampaign, useCampaignPacks, useChildUnits, useCreateCampaign, useLoadCampaignPack, useProgrammeChoices, useUnitInfo, useUpdateCampaign,
} from './campaigns.api.ts';
import '../emulation.css';

type Lists = 'commitments' | 'criteria' | 'bodyTasks' | 'milestones';

const COUNTS: readonly (keyof TCampaignPackLoadResult['created'])[] = ['commitments', 'criteria', 'bodyTasks', 'milestones'];

/** "Nạp phong trào mẫu": choose a shipped pack, see what it creates (dry run), then load it into the own unit. */
function PackLoader({ unitId }: { unitId: number }) {
  const id = useId();
  const packs = useCampaignPacks(true);
  const load = useLoadCampaignPack();
  const [code, setCode] = useState('');
  const chosen = packs.data?.find((pack) => pack.code === code);
  const result = load.data;
  return (
    <section aria-labelledby={`${id}-h`} className="panel">
      <h2 id={`${id}-h`}>{t('emulation.pack.title')}</h2>
      <p className="hint">{t('emulation.pack.hint')}</p>
      {packs.isPending && <Loading />}
      <ErrorMessage error={packs.error} />
      <div className="field">
        <label htmlFor={`${id}-pack`}>{t('emulation.pack.choose')}</label>
        <select
          id={`${id}-pack`}
          value={code}
          onChange={(event) => {
            setCode(event.target.value);
            load.reset();
          }}
        >
          <option value="">{t('emulation.pack.none')}</option>
          {(packs.data ?? []).map((pack) => (
            <option key={pack.code} value={pack.code}>
              {pack.title}
            </option>
          ))}
        </select>
      </div>
      {chosen && (
        <div>
          <p>{chosen.source}</p>
          <p className="muted">
            {t('emulation.pack.about', {
              year: chosen.year,
              commitments: formatNumber(chosen.commitmentCount),
              criteria: formatNumber(chosen.criterionCount),
              tasks: formatNumber(chosen.bodyTaskCount),
              milestones: formatNumber(chosen.milestoneCount),
              version: chosen.version,
            })}
          </p>
        </div>
      )}
      <div className="buttons">
        <button type="button" className="button-secondary" disabled={!chosen || load.isPending} onClick={() => load.mutate({ unitId, code, dryRun: true })}>
          {t('emulation.pack.dryRun')}
        </button>{' '}
        <button type="button" disabled={!chosen || load.isPending || !result?.dryRun || result.alreadyLoaded} onClick={() => load.mutate({ unitId, code, dryRun: false })}>
          {t('emulation.pack.load')}
        </button>
      </div>
      <ErrorMessage error={load.error} />
      {result && (
        <div role="status">
          {result.alreadyLoaded ? (
            <p>{t('emulation.pack.already', { code: result.pack.code, version: result.pack.version })}</p>
          ) : (
            <p>{t(result.dryRun ? 'emulation.pack.willCreate' : 'emulation.pack.created', { code: result.pack.code, version: result.pack.version })}</p>
          )}
          {!result.alreadyLoaded && (
            <dl className="emu-load-counts">
              {COUNTS.map((key) => (
                <div key={key}>
                  <dt>{t(`emulation.pack.count.${key}`)}</dt>
                  <dd>{formatNumber(result.created[key])}</dd>
                </div>
              ))}
            </dl>
          )}
          {result.programmeId !== null && <p>{t('emulation.pack.linkedProgramme')}</p>}
          {result.campaignId !== null && <Link to={`/emulation/campaigns/${result.campaignId}`}>{t('emulation.pack.open')}</Link>}
        </div>
      )}
    </section>
  );
}

/** A list of rows the user adds and removes (commitments, criteria, tasks, milestones). */
function RowList<R>(props: {
  legend: MessageKey;
  item: MessageKey;
  rows: R[];
  blank: () => R;
  onChange: (rows: R[]) => void;
  children: (row: R, set: (patch: Partial<R>) => void, i: number) => ReactNode;
}) {
  const { rows, onChange } = props;
  return (
    <fieldset>
      <legend>{t(props.legend)}</legend>
      {rows.length === 0 && <p className="muted">{t('emulation.campaigns.noItems')}</p>}
      {rows.map((row, i) => (
        <div className="emu-row" key={i}>
          {props.children(row, (patch) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))), i)}
          <div className="wide">
            <button type="button" className="button-secondary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t('emulation.campaigns.remove', { item: t(props.item).toLowerCase(), number: i + 1 })}
            </button>
          </div>
        </div>
      ))}
      <button type="button" className="button-secondary" onClick={() => onChange([...rows, props.blank()])}>
        {`${t('emulation.campaigns.add')} ${t(props.item).toLowerCase()}`}
      </button>
    </fieldset>
  );
}

/** One labelled field of a row; `id` ties the label to the control. */
function Cell({ id, label, wide, children }: { id: string; label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/**
 * The whole campaign in one form: the header, then its commitments, criteria, tasks per body, timeline and the units
 * below taking part. Saving sends it all (an edit names the version it read: 409 when someone saved in between).
 */
function CampaignForm(props: {
  unit: { id: number; name: string };
  initial: CampaignDraft;
  saving: boolean;
  error: unknown;
  saved: boolean;
  onSave: (draft: CampaignDraft) => void;
}) {
  const id = useId();
  const [d, setD] = useState(props.initial);
  const set = (patch: Partial<CampaignDraft>) => setD((current) => ({ ...current, ...patch }));
  const setList = <K extends Lists>(key: K) => (rows: CampaignDraft[K]) => set({ [key]: rows } as Partial<CampaignDraft>);
  const programmes = useProgrammeChoices();
  const children = useChildUnits(props.unit.id);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    props.onSave(d);
  };
  return (
    <form className="form emu-editor" onSubmit={submit}>
      <fieldset>
        <legend>{t('emulation.campaigns.formTitle')}</legend>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('emulation.campaigns.titleColumn')}</label>
          <textarea id={`${id}-title`} required maxLength={500} rows={2} value={d.title} onChange={(e) => set({ title: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('emulation.campaigns.code')}</label>
          <input id={`${id}-code`} required maxLength={60} pattern="[A-Za-z0-9][A-Za-z0-9._\-]*" value={d.code} onChange={(e) => set({ code: e.target.value })} aria-describedby={`${id}-code-hint`} />
          <p className="hint" id={`${id}-code-hint`}>
            {t('emulation.campaigns.codeHint')}
          </p>
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-year`}>{t('emulation.campaigns.year')}</label>
            <input id={`${id}-year`} type="number" inputMode="numeric" min={1990} max={2100} required value={d.year} onChange={(e) => set({ year: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-starts`}>{t('emulation.campaigns.startsOn')}</label>
            <DateField id={`${id}-starts`} value={d.startsOn} onChange={(startsOn) => set({ startsOn })} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-ends`}>{t('emulation.campaigns.endsOn')}</label>
            <DateField id={`${id}-ends`} value={d.endsOn} onChange={(endsOn) => set({ endsOn })} required />
          </div>
        </div>
        <p className="hint">
          {t('emulation.campaigns.level')}: {t(`emulation.campaignLevel.${d.level}`)} · {props.unit.name}
        </p>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('emulation.campaigns.status')}</label>
          <select id={`${id}-status`} value={d.status} onChange={(e) => set({ status: e.target.value as CampaignDraft['status'] })}>
            {CAMPAIGN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`emulation.campaignStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-programme`}>{t('emulation.campaigns.programme')}</label>
          <select id={`${id}-programme`} value={d.programmeId} onChange={(e) => set({ programmeId: e.target.value })}>
            <option value="">{t('emulation.campaigns.noProgramme')}</option>
            {(programmes.data ?? []).map((p) => (
              <option key={p.id} value={String(p.id)}>
                {`${p.number} · ${p.title}`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-themes`}>{t('emulation.campaigns.themes')}</label>
          <textarea id={`${id}-themes`} rows={3} value={d.themes} onChange={(e) => set({ themes: e.target.value })} aria-describedby={`${id}-themes-hint`} />
          <p className="hint" id={`${id}-themes-hint`}>
            {t('emulation.campaigns.themesHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-purpose`}>{t('emulation.campaigns.purpose')}</label>
          <textarea id={`${id}-purpose`} rows={5} maxLength={20000} value={d.purpose} onChange={(e) => set({ purpose: e.target.value })} aria-describedby={`${id}-purpose-hint`} />
          <p className="hint" id={`${id}-purpose-hint`}>
            {t('emulation.campaigns.paragraphsHint')}
          </p>
        </div>
      </fieldset>

      <RowList legend="emulation.campaigns.tab.commitments" item="emulation.campaigns.commitment" rows={d.commitments} onChange={setList('commitments')} blank={() => ({ code: String(d.commitments.length + 1), title: '', appendix: '' })}>
        {(row, change, i) => (
          <>
            <Cell id={`${id}-c${i}-code`} label={t('emulation.campaigns.itemCode')}>
              <input id={`${id}-c${i}-code`} required maxLength={20} value={row.code} onChange={(e) => change({ code: e.target.value })} />
            </Cell>
            <Cell id={`${id}-c${i}-title`} label={t('emulation.campaigns.commitmentTitle')}>
              <textarea id={`${id}-c${i}-title`} required rows={2} maxLength={1000} value={row.title} onChange={(e) => change({ title: e.target.value })} />
            </Cell>
            <Cell id={`${id}-c${i}-appendix`} label={t('emulation.campaigns.appendix')}>
              <textarea id={`${id}-c${i}-appendix`} rows={3} value={row.appendix} onChange={(e) => change({ appendix: e.target.value })} />
            </Cell>
          </>
        )}
      </RowList>

      <RowList legend="emulation.campaigns.tab.criteria" item="emulation.campaigns.criterion" rows={d.criteria} onChange={setList('criteria')} blank={() => ({ appliesTo: 'collective' as const, code: String(d.criteria.length + 1), text: '', scoring: 'pass_fail' as const, weight: '', maxScore: '' })}>
        {(row, change, i) => (
          <>
            <Cell id={`${id}-k${i}-code`} label={t('emulation.campaigns.itemCode')}>
              <input id={`${id}-k${i}-code`} required maxLength={20} value={row.code} onChange={(e) => change({ code: e.target.value })} />
            </Cell>
            <Cell id={`${id}-k${i}-to`} label={t('emulation.campaigns.appliesTo')}>
              <select id={`${id}-k${i}-to`} value={row.appliesTo} onChange={(e) => change({ appliesTo: e.target.value as typeof row.appliesTo })}>
                {CRITERION_TARGETS.map((target) => (
                  <option key={target} value={target}>
                    {t(`emulation.criterionTarget.${target}`)}
                  </option>
                ))}
              </select>
            </Cell>
            <Cell id={`${id}-k${i}-scoring`} label={t('emulation.campaigns.scoring')}>
              <select id={`${id}-k${i}-scoring`} value={row.scoring} onChange={(e) => change({ scoring: e.target.value as typeof row.scoring })}>
                {CRITERION_SCORINGS.map((s) => (
                  <option key={s} value={s}>
                    {t(`emulation.scoring.${s}`)}
                  </option>
                ))}
              </select>
            </Cell>
            <Cell id={`${id}-k${i}-text`} label={t('emulation.campaigns.criterionText')} wide>
              <textarea id={`${id}-k${i}-text`} required rows={2} maxLength={4000} value={row.text} onChange={(e) => change({ text: e.target.value })} />
            </Cell>
            {row.scoring === 'weight' && (
              <>
                <Cell id={`${id}-k${i}-weight`} label={t('emulation.campaigns.weight')}>
                  <input id={`${id}-k${i}-weight`} inputMode="decimal" required value={row.weight} onChange={(e) => change({ weight: e.target.value })} />
                </Cell>
                <Cell id={`${id}-k${i}-max`} label={t('emulation.campaigns.maxScore')}>
                  <input id={`${id}-k${i}-max`} inputMode="decimal" required value={row.maxScore} onChange={(e) => change({ maxScore: e.target.value })} />
                </Cell>
              </>
            )}
          </>
        )}
      </RowList>

      <RowList legend="emulation.campaigns.tab.tasks" item="emulation.campaigns.task" rows={d.bodyTasks} onChange={setList('bodyTasks')} blank={() => ({ bodyKind: 'party' as const, heading: '', code: String(d.bodyTasks.length + 1), text: '' })}>
        {(row, change, i) => (
          <>
            <Cell id={`${id}-t${i}-code`} label={t('emulation.campaigns.itemCode')}>
              <input id={`${id}-t${i}-code`} required maxLength={20} value={row.code} onChange={(e) => change({ code: e.target.value })} />
            </Cell>
            <Cell id={`${id}-t${i}-kind`} label={t('emulation.campaigns.bodyKind')}>
              <select id={`${id}-t${i}-kind`} value={row.bodyKind} onChange={(e) => change({ bodyKind: e.target.value as typeof row.bodyKind })}>
                {BODY_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`emulation.body.${kind}`)}
                  </option>
                ))}
              </select>
            </Cell>
            <Cell id={`${id}-t${i}-heading`} label={t('emulation.campaigns.heading')}>
              <input id={`${id}-t${i}-heading`} maxLength={500} value={row.heading} onChange={(e) => change({ heading: e.target.value })} />
            </Cell>
            <Cell id={`${id}-t${i}-text`} label={t('emulation.campaigns.taskText')} wide>
              <textarea id={`${id}-t${i}-text`} required rows={2} maxLength={4000} value={row.text} onChange={(e) => change({ text: e.target.value })} />
            </Cell>
          </>
        )}
      </RowList>

      <RowList legend="emulation.campaigns.tab.timeline" item="emulation.campaigns.milestone" rows={d.milestones} onChange={setList('milestones')} blank={() => ({ kind: 'launch' as const, onDate: d.startsOn, untilDate: '', everyYears: '', title: '' })}>
        {(row, change, i) => (
          <>
            <Cell id={`${id}-m${i}-kind`} label={t('emulation.campaigns.milestoneKind')}>
              <select id={`${id}-m${i}-kind`} value={row.kind} onChange={(e) => change({ kind: e.target.value as typeof row.kind })}>
                {MILESTONE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`emulation.milestone.${kind}`)}
                  </option>
                ))}
              </select>
            </Cell>
            <Cell id={`${id}-m${i}-on`} label={t('emulation.campaigns.onDate')}>
              <DateField id={`${id}-m${i}-on`} value={row.onDate} onChange={(onDate) => change({ onDate })} required />
            </Cell>
            <Cell id={`${id}-m${i}-until`} label={t('emulation.campaigns.untilDateLabel')}>
              <DateField id={`${id}-m${i}-until`} value={row.untilDate} onChange={(untilDate) => change({ untilDate })} />
            </Cell>
            <Cell id={`${id}-m${i}-title`} label={t('emulation.campaigns.milestoneTitle')} wide>
              <input id={`${id}-m${i}-title`} required maxLength={500} value={row.title} onChange={(e) => change({ title: e.target.value })} />
            </Cell>
            <Cell id={`${id}-m${i}-every`} label={t('emulation.campaigns.everyYearsLabel')}>
              <input id={`${id}-m${i}-every`} type="number" inputMode="numeric" min={1} max={10} value={row.everyYears} onChange={(e) => change({ everyYears: e.target.value })} />
            </Cell>
          </>
        )}
      </RowList>

      <fieldset>
        <legend>{t('emulation.campaigns.tab.participants')}</legend>
        <p className="hint">{t('emulation.campaigns.participantsHint')}</p>
        {children.isPending && <Loading />}
        <ErrorMessage error={children.error} />
        <ul className="emu-checks">
          {(children.data ?? []).map((unit) => (
            <li key={unit.id}>
              <label>
                <input
                  type="checkbox"
                  checked={d.participantUnitIds.includes(unit.id)}
                  onChange={(e) =>
                    set({ participantUnitIds: e.target.checked ? [...d.participantUnitIds, unit.id] : d.participantUnitIds.filter((x) => x !== unit.id) })
                  }
                />
                {unit.fullName}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" disabled={props.saving}>
        {t('emulation.campaigns.save')}
      </button>
      <ErrorMessage error={props.error} />
      {props.saved && <Success>{t('emulation.campaigns.saved')}</Success>}
    </form>
  );
}

/** "Phát động phong trào thi đua": load a shipped pack, or fill in a new campaign of the own unit. */
export function NewCampaignPage() {
  usePageTitle(t('emulation.campaigns.create'));
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateCampaign();
  const unit = useUnitInfo(me.unitId);
  if (!can(me, 'emulation.manageCampaigns')) return <NotAllowed />;
  const unitId = me.unitId;
  const level = unit.data?.unit.level;
  return (
    <section className="emu-page narrow">
      <EmulationNav />
      <p>
        <Link to="/emulation">{t('emulation.campaigns.back')}</Link>
      </p>
      <h1>{t('emulation.campaigns.create')}</h1>
      {unitId === null ? (
        <p className="alert" role="alert">
          {t('emulation.campaigns.needUnit')}
        </p>
      ) : (
        <>
          <p className="hint">{t('emulation.campaigns.createFor', { unit: me.unitName ?? '' })}</p>
          <PackLoader unitId={unitId} />
          {unit.isPending && <Loading />}
          <ErrorMessage error={unit.error} />
          {level && level !== 'village' && (
            <CampaignForm
              unit={{ id: unitId, name: me.unitName ?? '' }}
              initial={emptyDraft(level as TCampaignLevel, new Date().getFullYear())}
              saving={create.isPending}
              error={create.error}
              saved={create.isSuccess}
              onSave={(draft) => create.mutate({ ...toBody(draft), unitId }, { onSuccess: (c) => void navigate(`/emulation/campaigns/${c.id}`) })}
            />
          )}
        </>
      )}
    </section>
  );
}

function EditForm({ campaign }: { campaign: TCampaignDetail }) {
  const navigate = useNavigate();
  const update = useUpdateCampaign(campaign.id);
  return (
    <>
      <p className="hint">{t('emulation.campaigns.version', { version: campaign.version })}</p>
      <CampaignForm
        unit={{ id: campaign.unit.id, name: campaign.unit.fullName }}
        initial={draftFrom(campaign)}
        saving={update.isPending}
        error={update.error}
        saved={update.isSuccess}
        onSave={(draft) => update.mutate({ ...toBody(draft), version: campaign.version }, { onSuccess: () => void navigate(`/emulation/campaigns/${campaign.id}`) })}
      />
    </>
  );
}

/** "Sửa phong trào": the campaign's form filled as read. */
export function EditCampaignPage() {
  const id = Number(useParams().id);
  const me = useMe();
  const campaign = useCampaign(id);
  usePageTitle(t('emulation.campaigns.edit'));
  if (!can(me, 'emulation.manageCampaigns')) return <NotAllowed />;
  const data = campaign.data;
  return (
    <section className="emu-page narrow">
      <EmulationNav />
      <p>
        <Link to={`/emulation/campaigns/${id}`}>← {data?.title ?? t('emulation.campaigns.back')}</Link>
      </p>
      <h1>{data ? t('emulation.campaigns.editTitle', { title: data.title }) : t('emulation.campaigns.edit')}</h1>
      {campaign.isPending && <Loading />}
      <ErrorMessage error={campaign.error} />
      {data && (data.canManage ? <EditForm key={data.version} campaign={data} /> : <NotAllowed />)}
    </section>
  );
}
