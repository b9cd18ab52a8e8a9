import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { COURSE_KINDS, COURSE_LEVELS } from '#contracts/training/api.ts';
import { TRAINING_GROUPS, type TTrainingGroup } from '#contracts/training/rules.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { UnitPicker, type PickedUnit } from '../units/UnitPicker.tsx';
import { TrainingNav } from './TrainingNav.tsx';
import { useCourses, useCreateCourse } from './training.api.ts';
import './training.css';

/** "Tập huấn, bồi dưỡng": the courses organised in scope, latest first; keepers add one here. */
export function TrainingPage() {
  usePageTitle(t('training.title'));
  const me = useMe();
  const list = useCourses();
  const [creating, setCreating] = useState(false);
  return (
    <section className="tr-page">
      <div className="page-head">
        <h1>{t('training.title')}</h1>
      </div>
      <TrainingNav />
      <p className="hint">{t('training.intro')}</p>
      {can(me, 'training.manage') &&
        (creating ? (
          <CreateCourse onCancel={() => setCreating(false)} />
        ) : (
          <p>
            <button type="button" onClick={() => setCreating(true)}>
              {t('training.create')}
            </button>
          </p>
        ))}
      {list.isPending && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && list.data.length === 0 && <Empty>{t('training.none')}</Empty>}
      {list.data && list.data.length > 0 && (
        <table className="table responsive">
          <thead>
            <tr>
              <th>{t('training.col.title')}</th>
              <th>{t('training.col.organiser')}</th>
              <th>{t('training.col.dates')}</th>
              <th className="num">{t('training.col.participants')}</th>
              <th className="num">{t('training.col.completed')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/training/courses/${c.id}`}>{c.title}</Link>
                  <span className="tr-subline">
                    {t(`training.kind.${c.kind}`)} · {t(`training.level.${c.level}`)}
                  </span>
                </td>
                <td data-label={t('training.col.organiser')}>{c.organizationName ?? c.unitName}</td>
                <td data-label={t('training.col.dates')}>{t('training.dates', { from: formatDate(c.startsOn), to: formatDate(c.endsOn) })}</td>
                <td className="num" data-label={t('training.col.participants')}>
                  {formatNumber(c.participants)}
                </td>
                <td className="num" data-label={t('training.col.completed')}>
                  {formatNumber(c.completed)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A new course of a unit in scope, opened on its page (participants and the import are there). */
function CreateCourse({ onCancel }: { onCancel: () => void }) {
  const id = useId();
  const navigate = useNavigate();
  const create = useCreateCourse();
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [unitMissing, setUnitMissing] = useState(false);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [groups, setGroups] = useState<TTrainingGroup[]>([]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!unit) return setUnitMissing(true);
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    create.mutate(
      {
        unitId: unit.id,
        title: text('title'),
        kind: text('kind') as (typeof COURSE_KINDS)[number],
        level: text('level') as (typeof COURSE_LEVELS)[number],
        subject: text('subject'),
        startsOn,
        endsOn,
        targetGroups: groups,
        ...(text('place') ? { place: text('place') } : {}),
      },
      { onSuccess: (course) => void navigate(`/training/courses/${course.id}`) },
    );
  };
  return (
    <form className="form panel" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('training.create')}</h2>
      <UnitPicker
        label={t('training.form.unit')}
        value={unit}
        onChange={(next) => {
          setUnit(next);
          setUnitMissing(false);
        }}
      />
      {unitMissing && (
        <p className="alert" role="alert">
          {t('training.form.needUnit')}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('training.form.title')}</label>
        <input id={`${id}-title`} name="title" required maxLength={300} />
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('training.form.kind')}</label>
          <select id={`${id}-kind`} name="kind" defaultValue="training">
            {COURSE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`training.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-level`}>{t('training.form.level')}</label>
          <select id={`${id}-level`} name="level" defaultValue="province">
            {COURSE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`training.level.${level}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-subject`}>{t('training.form.subject')}</label>
        <textarea id={`${id}-subject`} name="subject" rows={2} required maxLength={1000} />
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-starts`}>{t('training.form.startsOn')}</label>
          <DateField id={`${id}-starts`} value={startsOn} onChange={setStartsOn} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-ends`}>{t('training.form.endsOn')}</label>
          <DateField id={`${id}-ends`} value={endsOn} onChange={setEndsOn} required />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-place`}>{t('training.form.place')}</label>
        <input id={`${id}-place`} name="place" maxLength={300} />
      </div>
      <fieldset className="field">
        <legend>{t('training.form.groups')}</legend>
        {TRAINING_GROUPS.map((group) => (
          <label key={group} className="checkbox">
            <input
              type="checkbox"
              checked={groups.includes(group)}
              onChange={(e) => setGroups((now) => (e.target.checked ? [...now, group] : now.filter((g) => g !== group)))}
            />
            {t(`training.group.${group}`)}
          </label>
        ))}
        <p className="hint">{t('training.form.groupsHint')}</p>
      </fieldset>
      <ErrorMessage error={create.error} />
      <div className="buttons">
        <button type="submit" disabled={create.isPending}>
          {t('training.form.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('training.form.cancel')}
        </button>
      </div>
    </form>
  );
}
