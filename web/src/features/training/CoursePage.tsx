import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { TAttendanceResult, TCourseDetail } from '#contracts/training/api.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { TrainingNav } from './TrainingNav.tsx';
import { attendanceTemplateUrl, useCourse, useSetParticipant, useUploadAttendance } from './training.api.ts';
import './training.css';

/** One course: what, who organised it, when, for whom; its participants; the attendance import. */
export function CoursePage() {
  const { id = '' } = useParams();
  const course = useCourse(id);
  const me = useMe();
  usePageTitle(course.data?.title ?? t('training.title'));
  if (course.isPending) return <Loading />;
  if (!course.data) return <ErrorMessage error={course.error} />;
  const c = course.data;
  const manage = can(me, 'training.manage');
  return (
    <section className="tr-page">
      <p>
        <Link to="/training">← {t('training.course.back')}</Link>
      </p>
      <div className="page-head">
        <h1>{c.title}</h1>
      </div>
      <TrainingNav />
      <dl className="tr-facts">
        <dt>{t('training.course.organiser')}</dt>
        <dd>{c.organizationName ? `${c.organizationName}, ${c.unitName}` : c.unitName}</dd>
        <dt>{t('training.course.dates')}</dt>
        <dd>
          {t('training.dates', { from: formatDate(c.startsOn), to: formatDate(c.endsOn) })} · {t(`training.kind.${c.kind}`)} · {t(`training.level.${c.level}`)}
        </dd>
        <dt>{t('training.course.subject')}</dt>
        <dd>{c.subject}</dd>
        {c.place && (
          <>
            <dt>{t('training.course.place')}</dt>
            <dd>{c.place}</dd>
          </>
        )}
        <dt>{t('training.course.groups')}</dt>
        <dd>{c.targetGroups.length === 0 ? t('training.course.allGroups') : c.targetGroups.map((g) => t(`training.group.${g}`)).join('; ')}</dd>
      </dl>
      <Participants course={c} manage={manage} />
      {manage && <AttendanceImport courseId={c.id} />}
    </section>
  );
}

function Participants({ course, manage }: { course: TCourseDetail; manage: boolean }) {
  const set = useSetParticipant(course.id);
  return (
    <section aria-labelledby="tr-participants">
      <h2 id="tr-participants">{t('training.course.participants', { count: course.participants, completed: course.completed })}</h2>
      {course.participantList.length === 0 ? (
        <p className="hint">{t('training.course.noParticipants')}</p>
      ) : (
        <table className="table responsive">
          <thead>
            <tr>
              <th>{t('training.col.name')}</th>
              <th className="num">{t('training.col.birthYear')}</th>
              <th>{t('training.col.unit')}</th>
              <th>{t('training.col.done')}</th>
            </tr>
          </thead>
          <tbody>
            {course.participantList.map((p) => (
              <tr key={p.personId}>
                <td>{p.fullName}</td>
                <td className="num" data-label={t('training.col.birthYear')}>
                  {p.birthYear ?? ''}
                </td>
                <td data-label={t('training.col.unit')}>{p.unitName}</td>
                <td data-label={t('training.col.done')}>
                  {p.completed ? t('training.yes') : t('training.no')}
                  {manage && (
                    <button
                      type="button"
                      className="link tr-inline"
                      disabled={set.isPending}
                      onClick={() => set.mutate({ personId: p.personId, completed: !p.completed })}
                      aria-label={`${p.completed ? t('training.markNotDone') : t('training.markDone')}: ${p.fullName}`}
                    >
                      {p.completed ? t('training.markNotDone') : t('training.markDone')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorMessage error={set.error} />
    </section>
  );
}

/** The attendance list: a file, its preview with row errors and doubtful matches to choose, then the commit. */
function AttendanceImport({ courseId }: { courseId: string }) {
  const id = useId();
  const upload = useUploadAttendance(courseId);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TAttendanceResult | null>(null);
  const [choices, setChoices] = useState<Record<number, string>>({});
  const [written, setWritten] = useState<number | null>(null);
  const choiceText = () =>
    Object.entries(choices)
      .filter(([, value]) => value !== '')
      .map(([row, value]) => `${row}:${value}`)
      .join(',');
  const run = (dryRun: boolean) => {
    if (!file) return;
    setWritten(null);
    upload.mutate(
      { file, dryRun, choices: choiceText() },
      {
        onSuccess: (result) => {
          if (result.dryRun) setPreview(result);
          else {
            setWritten(result.written);
            setPreview(null);
            setChoices({});
          }
        },
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(true);
  };
  const unresolved = preview ? preview.rows.filter((r) => r.status === 'doubtful' && !choices[r.row]).length : 0;
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('training.import.title')}</h2>
      <p className="hint">{t('training.import.hint')}</p>
      <p>
        <a href={attendanceTemplateUrl()} download>
          {t('training.import.template')}
        </a>
      </p>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('training.import.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".xlsx,.csv"
            required
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setChoices({});
            }}
          />
        </div>
        <div className="buttons">
          <button type="submit" disabled={!file || upload.isPending}>
            {t('training.import.preview')}
          </button>
        </div>
      </form>
      <ErrorMessage error={upload.error} />
      {written !== null && <Success>{t('training.import.done', { count: written })}</Success>}
      {preview && (
        <>
          <p role="status">
            {t('training.import.summary', {
              rows: formatNumber(preview.rows.filter((r) => r.status === 'matched').length),
              doubtful: formatNumber(preview.doubtful),
              errors: formatNumber(preview.errors.length),
            })}
          </p>
          {preview.errors.length > 0 && (
            <>
              <h3>{t('training.import.errors')}</h3>
              <ul className="tr-errors">
                {preview.errors.map((e) => (
                  <li key={`${e.row}-${e.field}`}>{t('training.import.rowError', { row: e.row, field: e.field, message: e.message })}</li>
                ))}
              </ul>
            </>
          )}
          <table className="table responsive">
            <thead>
              <tr>
                <th className="num">{t('training.import.col.row')}</th>
                <th>{t('training.import.col.name')}</th>
                <th>{t('training.import.col.person')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.row}>
                  <td className="num">{r.row}</td>
                  <td data-label={t('training.import.col.name')}>
                    {r.fullName}
                    <span className="tr-subline">{[r.birthYear ?? t('training.import.noYear'), r.unitText].filter(Boolean).join(' · ')}</span>
                  </td>
                  <td data-label={t('training.import.col.person')}>
                    {r.status === 'doubtful' || r.candidates.length > 0 ? (
                      <div className="field">
                        <label htmlFor={`${id}-row-${r.row}`}>
                          {r.reason ? t(`training.import.reason.${r.reason}`) : t('training.import.doubtful')} — {t('training.import.choose', { row: r.row })}
                        </label>
                        <select id={`${id}-row-${r.row}`} value={choices[r.row] ?? ''} onChange={(e) => setChoices((now) => ({ ...now, [r.row]: e.target.value }))}>
                          <option value="">{t('training.import.chooseNone')}</option>
                          {r.candidates.map((c) => (
                            <option key={c.personId} value={String(c.personId)}>
                              {t('training.import.candidate', { name: c.fullName, year: c.birthYear ?? t('training.import.noYear'), unit: c.unitName })}
                            </option>
                          ))}
                          <option value="0">{t('training.import.skip')}</option>
                        </select>
                      </div>
                    ) : (
                      <>
                        {r.person ? t('training.import.candidate', { name: r.person.fullName, year: r.person.birthYear ?? t('training.import.noYear'), unit: r.person.unitName }) : ''}
                        <span className="tr-subline">
                          {t(`training.import.${r.status}`)}
                          {r.alreadyListed ? ` · ${t('training.import.already')}` : ''} · {r.completed ? t('training.yes') : t('training.no')}
                        </span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="buttons">
            <button type="button" onClick={() => run(true)} disabled={upload.isPending} className="secondary">
              {t('training.import.preview')}
            </button>
            <button type="button" onClick={() => run(false)} disabled={upload.isPending || preview.errors.length > 0 || unresolved > 0}>
              {t('training.import.commit')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
