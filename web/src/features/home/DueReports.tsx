import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TMe } from '#contracts/auth.ts';
import type { TDataSet } from '#contracts/indicators/metadata.api.ts';
import { reportEndpoints, type TCompleteness } from '#contracts/indicators/reports.api.ts';
import { call } from '../../api/client.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDate, todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { periodChoices } from '../reports/periods.ts';
import { useDataSets } from '../reports/reports.api.ts';
import { StateBadge } from '../reports/StateBadge.tsx';
import { dueStatus, type DueStatus } from './due.ts';

/** At most this many data sets are read for the home page; the reports page has them all. */
const MAX_DATA_SETS = 6;

/** The badge and words of one status: "Quá hạn · hạn 05/12/2026", "Đã gửi · ngày 03/12/2026", "3/12 đơn vị đã nộp". */
function StatusLine({ status, due }: { status: DueStatus; due: string }) {
  if (status.kind === 'below') {
    const c = status.completeness;
    const parts = [
      t('home.unitsSent', { sent: c.submitted, expected: c.expected }),
      ...(c.missing > 0 ? [t('home.unitsMissing', { count: c.missing })] : []),
      ...(c.late > 0 ? [t('home.unitsLate', { count: c.late })] : []),
      ...(c.returned > 0 ? [t('home.unitsReturned', { count: c.returned })] : []),
    ];
    return (
      <p className="due-status">
        {status.overdue && <span className="badge badge-danger">{t('home.overdue')}</span>} {parts.join(' · ')} ·{' '}
        {t('home.dueOn', { date: formatDate(due) })}
      </p>
    );
  }
  const report = status.report;
  if (report && report.state !== 'draft') {
    return (
      <p className="due-status">
        <StateBadge state={report.state} late={report.onTime === false} />{' '}
        {report.state === 'returned'
          ? t('home.returnedHint')
          : report.firstSubmittedAt && t('home.sentOn', { date: formatDate(report.firstSubmittedAt.slice(0, 10)) })}
      </p>
    );
  }
  return (
    <p className="due-status">
      <span className={status.overdue ? 'badge badge-danger' : 'badge'}>
        {status.overdue ? t('home.overdue') : report ? t('reports.state.draft') : t('home.notSent')}
      </span>{' '}
      {t('home.dueOn', { date: formatDate(due) })}
    </p>
  );
}

interface Item {
  dataSet: TDataSet;
  completeness: TCompleteness;
  status: DueStatus;
}

/** One data set: its name and period, where it stands, and the way to it. */
function DueItem({ item, showOwner }: { item: Item; showOwner: boolean }) {
  const { dataSet, completeness: c, status } = item;
  const own = status.kind === 'own';
  const toEnter = own && (status.report === null || status.report.state === 'draft' || status.report.state === 'returned');
  const to = own
    ? `/periodic-reports/${dataSet.id}/${c.period.id}/${status.unitId}`
    : `/periodic-reports?dataSet=${dataSet.id}&period=${c.period.id}`;
  return (
    <li className={status.urgency < 3 ? 'due-item' : 'due-item due-done'}>
      <p className="due-title">
        <strong>{dataSet.name}</strong> · {c.period.label}
        {showOwner && <span className="muted"> · {dataSet.ownerUnitName}</span>}
      </p>
      <StatusLine status={status} due={c.period.due} />
      <Link to={to}>
        {toEnter ? t('home.enter') : own ? t('home.view') : t('home.viewCompleteness')}
        <span className="visually-hidden">
          {' '}
          {dataSet.name}, {c.period.label}
        </span>
      </Link>
    </li>
  );
}

/**
 * "Báo cáo định kỳ đến hạn": for each active data set, the period being reported now (the last one closed) and
 * where it stands for the user's unit: their own report with its due date, or how many units below have sent.
 */
export function DueReports({ me }: { me: TMe }) {
  const dataSets = useDataSets();
  const today = todayInVietnam();
  const active = (dataSets.data ?? []).filter((dataSet) => dataSet.active);
  const shown = active.slice(0, MAX_DATA_SETS).map((dataSet) => ({ dataSet, period: periodChoices(dataSet.periodType, today).current }));
  const unitId = me.unitId ?? undefined;
  const answers = useQueries({
    queries: shown.map(({ dataSet, period }) => ({
      queryKey: ['indicators', 'completeness', dataSet.id, period, unitId ?? null],
      queryFn: () => call(reportEndpoints.completeness, { query: { dataSetId: dataSet.id, period, unitId } }),
    })),
  });
  const items = shown
    .map(({ dataSet }, i) => {
      const completeness = answers[i]?.data;
      const status = completeness ? dueStatus(completeness, me.unitId, today) : null;
      return completeness && status ? { dataSet, completeness, status } : null;
    })
    .filter((item): item is Item => item !== null)
    .sort((a, b) => a.status.urgency - b.status.urgency);
  const more = active.length - MAX_DATA_SETS > 0;
  const pending = dataSets.isPending || answers.some((answer) => answer.isPending);
  return (
    <section aria-labelledby="home-due" className="home-panel">
      <h2 id="home-due">{t('home.due')}</h2>
      {pending && <Loading />}
      <ErrorMessage error={dataSets.error ?? answers.find((answer) => answer.error)?.error} />
      {!pending && items.length === 0 && <Empty>{t('home.dueNone')}</Empty>}
      {items.length > 0 && (
        <ul className="due-list">
          {items.map((item) => (
            <DueItem key={item.dataSet.id} item={item} showOwner={me.unitId === null} />
          ))}
        </ul>
      )}
      {more && <Link to="/periodic-reports">{t('home.allReports')}</Link>}
    </section>
  );
}
