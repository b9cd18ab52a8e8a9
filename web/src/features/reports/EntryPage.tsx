import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { OutboxStatus } from '../../components/outbox/OutboxStatus.tsx';
import { useOutbox } from '../../components/outbox/useOutbox.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { EntryForm } from './EntryForm.tsx';
import { ExcelPanel } from './ExcelPanel.tsx';
import { ReportActions } from './ReportActions.tsx';
import { ReportHistory } from './ReportHistory.tsx';
import { useReportForm } from './reports.api.ts';
import { StateBadge } from './StateBadge.tsx';
import './reports.css';

/** One report: its form (saved cell by cell through the outbox), the checks, the moves the user may make, history. */
export function EntryPage() {
  const params = useParams();
  const dataSetId = Number(params.dataSetId);
  const unitId = Number(params.unitId);
  const period = String(params.period);
  const form = useReportForm(dataSetId, unitId, period);
  const { sent, queued } = useOutbox();
  const client = useQueryClient();
  const lastSent = useRef(sent);
  // the form keeps what is typed; after an Excel upload it starts again from the values read anew
  const [generation, setGeneration] = useState(0);
  // once the outbox has delivered everything, read the form again: versions, report row, server-side checks
  useEffect(() => {
    if (sent !== lastSent.current && queued === 0) void client.invalidateQueries({ queryKey: ['indicators', 'form', dataSetId, unitId, period] });
    lastSent.current = sent;
  }, [sent, queued, client, dataSetId, unitId, period]);
  const data = form.data;
  usePageTitle(data ? t('reports.entryTitle', { dataSet: data.dataSet.name, period: data.period.label }) : t('reports.title'));
  if (form.isPending) return <Loading />;
  if (form.error || !data) return <ErrorMessage error={form.error} />;
  const report = data.report;

  return (
    <article className="report-entry">
      <p>
        <Link to={`/periodic-reports?dataSet=${dataSetId}&period=${period}`}>{t('reports.back')}</Link>
      </p>
      <h1>{t('reports.entryTitle', { dataSet: data.dataSet.name, period: data.period.label })}</h1>
      <p className="report-meta">
        <strong>{data.unit.name}</strong>
        {report && <StateBadge state={report.state} late={report.onTime === false} />}
        <span className="muted">{t('reports.dueOn', { date: formatDate(data.period.due) })}</span>
        {report && report.state !== 'draft' && report.state !== 'returned' && report.state !== 'approved' && (
          <span className="muted">{t('reports.holder', { unit: report.holderUnitName })}</span>
        )}
      </p>
      {report?.state === 'returned' && report.lastReason && (
        <div className="alert" role="alert">
          <p>{t('reports.returnedBecause', { reason: report.lastReason })}</p>
        </div>
      )}
      {!data.editable && data.notEditableReason && <p className="notice">{t('reports.readOnly', { reason: data.notEditableReason })}</p>}
      <EntryForm key={`${dataSetId}|${unitId}|${period}|${generation}`} form={data} />
      <OutboxStatus />
      {report && <ReportActions form={data} report={report} />}
      <ExcelPanel dataSetId={dataSetId} period={period} unitId={unitId} scope="unit" canUpload={data.editable} onImported={() => setGeneration((n) => n + 1)} />
      <ReportHistory report={report} />
    </article>
  );
}
