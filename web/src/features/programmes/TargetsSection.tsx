import { useId } from 'react';
import { Link } from 'react-router';
import type { TProgrammeDetail } from '#contracts/programmes/programmes.api.ts';
import type { TTargetLevel, TTargetStatus } from '#contracts/programmes/target-rule.ts';
import type { TEvaluationQuery, TTargetEvaluation } from '#contracts/programmes/targets.api.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { figureText, ruleText, thresholdFor } from './programme-text.ts';
import { programmeSearch, useProgrammeParams } from './programme-params.ts';
import { useEvaluation, useTasks } from './programmes.api.ts';
import { TaskStatus, TargetStatus } from './StatusBadge.tsx';
import { TargetDrill } from './TargetDrill.tsx';
import { TargetsEditor } from './ProgrammeForms.tsx';

const ORDER: readonly TTargetStatus[] = ['met', 'at_risk', 'not_met', 'no_data'];

/** "Cấp xã: 56 đạt · 22 không đạt / 78": the units of the chosen level by status. */
function LevelCounts({ target, level }: { target: TTargetEvaluation; level: TTargetLevel }) {
  const { counts } = target;
  if (!counts || counts.total === 0) return null;
  const parts = ORDER.filter((status) => counts[status] > 0).map((status) => t(`programmes.count.${status}`, { count: formatNumber(counts[status]) }));
  return (
    <p className="prog-counts">
      {t('programmes.countsAt', { level: t(`programmes.levelUnits.${level}`), total: formatNumber(counts.total), parts: parts.join(' · ') })}
    </p>
  );
}

/** One target: its words, how it is measured, the figure against the threshold, the status, and the way in to its drill-down. */
function TargetItem({ target, level, open, href, query, programmeId }: {
  target: TTargetEvaluation;
  level: TTargetLevel;
  open: boolean;
  href: string;
  query: TEvaluationQuery;
  programmeId: number;
}) {
  const noData = target.status === 'no_data';
  return (
    <li className={`prog-target prog-target-${target.status ?? 'none'}${open ? ' prog-target-open' : ''}`}>
      <div className="prog-target-main">
        <p className="prog-target-text">
          <span className="prog-code">{target.code}</span>{' '}
          <Link to={href} preventScrollReset aria-expanded={open} className="prog-target-link">
            {target.text}
          </Link>
        </p>
        <TargetStatus status={target.status} projected={target.basis === 'projected'} />
      </div>
      {target.rule && <p className="hint">{t('programmes.measuredBy', { rule: ruleText(target.rule) })}{target.indicator ? ` (${target.indicator.name})` : ''}</p>}
      {!noData && (
        <dl className="prog-figures">
          <div>
            <dt>{t('programmes.figure')}</dt>
            <dd>{figureText(target.figure, target.rule)}</dd>
          </div>
          <div>
            <dt>{t('programmes.threshold')}</dt>
            <dd>{target.comparator !== null && target.threshold !== null ? thresholdFor(target.comparator, target.threshold, target.rule) : t('programmes.noThreshold')}</dd>
          </div>
          {target.figure.previousValue !== null && (
            <div>
              <dt>{t('programmes.previousValue')}</dt>
              <dd>{figureText({ ...target.figure, value: target.figure.previousValue, numerator: null, denominator: null })}</dd>
            </div>
          )}
          {target.figure.projected !== null && (
            <div>
              <dt>{t('programmes.projectedValue')}</dt>
              <dd>{figureText({ ...target.figure, value: target.figure.projected, numerator: null, denominator: null })}</dd>
            </div>
          )}
        </dl>
      )}
      {noData && <p className="prog-waits">{target.waitsFor ? t('programmes.waitsFor', { what: target.waitsFor }) : target.noDataReason}</p>}
      <LevelCounts target={target} level={level} />
      {target.atRiskMethod && (
        <p className="prog-method">
          <strong>{t('programmes.atRiskMethod')}</strong> {target.atRiskMethod}
        </p>
      )}
      {open && <TargetDrill programmeId={programmeId} targetId={target.id} query={query} />}
    </li>
  );
}

/** The programme's tasks that are late today (dates from the server's one clock). */
export function LateTasks({ programmeId }: { programmeId: number }) {
  const late = useTasks(programmeId, 'overdue');
  return (
    <section aria-labelledby="prog-late" className="prog-late">
      <h2 id="prog-late">{t('programmes.lateTasks')}</h2>
      {late.isPending && <Loading />}
      <ErrorMessage error={late.error} />
      {late.data && late.data.tasks.length === 0 && <Empty>{t('programmes.noLateTasks')}</Empty>}
      {late.data && late.data.tasks.length > 0 && (
        <>
          <p className="hint">{t('programmes.lateAsOf', { date: formatDate(late.data.today) })}</p>
          <ul className="prog-late-list">
            {late.data.tasks.map((task) => (
              <li key={task.id}>
                <p>
                  <span className="prog-code">{task.code}</span> {task.text}
                </p>
                <p className="prog-task-meta">
                  <TaskStatus status={task.status} />
                  {task.currentDueOn && <span>{t('programmes.due', { date: formatDate(task.currentDueOn) })}</span>}
                  <span>
                    {t('programmes.leadBodies', {
                      bodies: task.assignments.filter((a) => a.role === 'lead').map((a) => a.organizationName ?? a.bodyName).join('; ') || t('common.none'),
                    })}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * "Chỉ tiêu": a year and a level to choose, then every target of the programme with its figure, threshold and
 * status at the unit (the province by default), the units of the level by status, and the late tasks.
 */
export function TargetsSection({ programme }: { programme: TProgrammeDetail }) {
  const id = useId();
  const { params, update } = useProgrammeParams();
  const query: TEvaluationQuery = { ...(params.year !== null ? { year: params.year } : {}), ...(params.level !== null ? { level: params.level } : {}) };
  const evaluation = useEvaluation(programme.id, query);
  const data = evaluation.data;
  // the drill-down asks for the year and level shown, also when they are the defaults
  const shown: TEvaluationQuery = data ? { year: data.year, level: data.level } : query;
  const summary = data ? ORDER.map((status) => ({ status, count: data.targets.filter((target) => target.status === status).length })) : [];
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">
        {t('programmes.tab.targets')}
      </h2>
      {programme.canManage && <TargetsEditor programme={programme} />}
      <form className="prog-chooser" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('programmes.year')}</label>
          <select id={`${id}-year`} value={data?.year ?? params.year ?? ''} onChange={(event) => update({ year: Number(event.target.value) })}>
            {(data?.years ?? []).map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-level`}>{t('programmes.level')}</label>
          <select id={`${id}-level`} value={data?.level ?? params.level ?? ''} onChange={(event) => update({ level: event.target.value as TTargetLevel })}>
            {(data?.levels ?? []).map((level) => (
              <option key={level} value={level}>
                {t(`programmes.levelOption.${level}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {evaluation.isPending && <Loading />}
      <ErrorMessage error={evaluation.error} />
      {data && (
        <>
          <p className="muted" aria-live="polite">
            {t('programmes.evaluatedAt', { unit: data.unit.name, year: data.year, date: formatDate(data.asOf) })}
            {data.currentYear && ` ${t('programmes.currentYearNote')}`}
          </p>
          <ul className="prog-summary" aria-label={t('programmes.summary')}>
            {summary.map(({ status, count }) => (
              <li key={status}>
                <TargetStatus status={status} /> <strong>{formatNumber(count)}</strong>
              </li>
            ))}
          </ul>
          {data.targets.length === 0 && <Empty>{t('programmes.noTargets')}</Empty>}
          <ol className="prog-targets" aria-label={t('programmes.targetsList')}>
            {data.targets.map((target) => {
              const open = params.targetId === target.id;
              return (
                <TargetItem
                  key={target.id}
                  target={target}
                  level={data.level}
                  open={open}
                  href={`/programmes/${programme.id}${programmeSearch({ ...params, targetId: open ? null : target.id })}`}
                  query={shown}
                  programmeId={programme.id}
                />
              );
            })}
          </ol>
          <LateTasks programmeId={programme.id} />
        </>
      )}
    </section>
  );
}
