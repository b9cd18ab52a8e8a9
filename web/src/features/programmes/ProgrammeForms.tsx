import { useId, useState, type FormEvent } from 'react';
import { REVIEW_KINDS, ZRecurrence } from '#contracts/programmes/pack.ts';
import { ZTargetInput, ZTargetUpdate, type TProgrammeDetail, type TProgrammeTarget } from '#contracts/programmes/programmes.api.ts';
import { TARGET_LEVELS, type TTargetRule } from '#contracts/programmes/target-rule.ts';
import {
  ZAssignmentInput, ZBudgetLineInput, ZReviewInput, ZTaskInput, type TBudgetLine, type TReview, type TSolutionGroup, type TTask,
} from '#contracts/programmes/tasks.api.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorMessage, Success } from '../../components/Status.tsx';
import { t } from '../../i18n/i18n.ts';
import { Field, fieldName, numberOf, textOf, useFieldErrors } from './form-fields.tsx';
import {
  useAssign, useCreateBudgetLine, useCreateReview, useCreateTarget, useCreateTask, useDeleteBudgetLine, useUnassign, useUpdateBudgetLine,
  useUpdateReview, useUpdateTarget, useUpdateTask,
} from './programmes.api.ts';

/**
 * The edit forms of a programme's parts (issue 11): tasks with their bodies, budget lines, review milestones and
 * targets. Each checks its input with the contract's schema before sending and shows the refusal of a field (the
 * schema's or the server's) under that field; other refusals above the buttons.
 */

const RECURRENCES = ZRecurrence.options;

function Buttons({ pending, onCancel, save }: { pending: boolean; onCancel: () => void; save: string }) {
  return (
    <div className="prog-buttons">
      <button type="submit" disabled={pending}>
        {save}
      </button>
      <button type="button" className="button-secondary" onClick={onCancel}>
        {t('programmes.edit.cancel')}
      </button>
    </div>
  );
}

const TASK_FIELDS = ['code', 'text', 'groupId', 'dueOn', 'recurrence', 'expectedOutput', 'lead', 'coordinating'];

/** Add or change a task: code, words, group, due date or recurrence, expected output; a new one also names its bodies. */
export function TaskForm({ programmeId, groups, task, onDone }: { programmeId: number; groups: readonly TSolutionGroup[]; task?: TTask; onDone: () => void }) {
  const id = useId();
  const fields = useFieldErrors();
  const create = useCreateTask(programmeId);
  const update = useUpdateTask();
  const assign = useAssign();
  const [error, setError] = useState<unknown>(null);
  const pending = create.isPending || update.isPending || assign.isPending;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const group = textOf(form, 'groupId');
    const input = {
      code: textOf(form, 'code'),
      text: textOf(form, 'text'),
      groupId: group ? Number(group) : null,
      dueOn: textOf(form, 'dueOn') || null,
      recurrence: textOf(form, 'recurrence') || null,
      expectedOutput: textOf(form, 'expectedOutput') || null,
    };
    const body = fields.check(ZTaskInput, input);
    const lead = textOf(form, 'lead');
    const coordinating = textOf(form, 'coordinating').split('\n').map((line) => line.trim()).filter(Boolean);
    const bodies = task ? [] : [...(lead ? [{ role: 'lead' as const, bodyName: lead }] : []), ...coordinating.map((bodyName) => ({ role: 'coordinate' as const, bodyName }))];
    if (!body) return;
    setError(null);
    try {
      if (task) {
        await update.mutateAsync({ taskId: task.id, body });
      } else {
        const created = await create.mutateAsync(body);
        for (const b of bodies) await assign.mutateAsync({ taskId: created.id, body: b });
      }
      onDone();
    } catch (failure) {
      if (!fields.fromError(failure, TASK_FIELDS)) setError(failure);
    }
  };
  const e = fields.errors;
  return (
    <form className="form prog-edit-form" onSubmit={(event) => void submit(event)} onChange={(event) => fields.forget(fieldName(event.target))} noValidate aria-label={t(task ? 'programmes.edit.taskEdit' : 'programmes.edit.taskNew')}>
      <h3>{t(task ? 'programmes.edit.taskEdit' : 'programmes.edit.taskNew')}</h3>
      <div className="form-row">
        <Field id={`${id}-code`} name="code" label={t('programmes.edit.code')} errors={e} hint={t('programmes.edit.codeHint')}>
          {(p) => <input {...p} defaultValue={task?.code ?? ''} maxLength={30} />}
        </Field>
        <Field id={`${id}-group`} name="groupId" label={t('programmes.edit.group')} errors={e}>
          {(p) => (
            <select {...p} defaultValue={task?.groupId ?? ''}>
              <option value="">{t('programmes.edit.noGroup')}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {`${g.code}. ${g.title}`}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id={`${id}-text`} name="text" label={t('programmes.edit.taskText')} errors={e}>
        {(p) => <textarea {...p} rows={3} defaultValue={task?.text ?? ''} />}
      </Field>
      <div className="form-row">
        <Field id={`${id}-due`} name="dueOn" label={t('programmes.edit.dueOn')} errors={e} hint={t('programmes.edit.dueHint')}>
          {(p) => <DateField id={p.id} name={p.name} defaultValue={task?.dueOn ?? ''} />}
        </Field>
        <Field id={`${id}-recurrence`} name="recurrence" label={t('programmes.edit.recurrence')} errors={e}>
          {(p) => (
            <select {...p} defaultValue={task?.recurrence ?? ''}>
              <option value="">{t('programmes.edit.once')}</option>
              {RECURRENCES.map((r) => (
                <option key={r} value={r}>
                  {t(`programmes.recurrence.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id={`${id}-output`} name="expectedOutput" label={t('programmes.edit.expectedOutput')} errors={e}>
        {(p) => <input {...p} defaultValue={task?.expectedOutput ?? ''} />}
      </Field>
      {!task && (
        <>
          <Field id={`${id}-lead`} name="lead" label={t('programmes.edit.lead')} errors={e}>
            {(p) => <input {...p} />}
          </Field>
          <Field id={`${id}-coordinating`} name="coordinating" label={t('programmes.edit.coordinating')} errors={e} hint={t('programmes.edit.coordinatingHint')}>
            {(p) => <textarea {...p} rows={2} />}
          </Field>
        </>
      )}
      <ErrorMessage error={error} />
      <Buttons pending={pending} onCancel={onDone} save={t('programmes.edit.save')} />
    </form>
  );
}

/** The bodies of a task: each may be removed (unless it reported), and another added as lead or coordinating. */
export function AssignmentsEditor({ task }: { task: TTask }) {
  const id = useId();
  const fields = useFieldErrors();
  const assign = useAssign();
  const unassign = useUnassign();
  const [formKey, setFormKey] = useState(0);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = fields.check(ZAssignmentInput, { role: textOf(form, 'role'), bodyName: textOf(form, 'bodyName') });
    if (!body) return;
    assign.mutate(
      { taskId: task.id, body },
      { onSuccess: () => setFormKey((k) => k + 1), onError: (failure) => fields.fromError(failure, ['role', 'bodyName']) },
    );
  };
  return (
    <section className="prog-assign-edit" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t('programmes.edit.bodies')}</h4>
      <ul className="prog-assign-list">
        {task.assignments.map((a) => (
          <li key={a.id}>
            <span>{`${t(`programmes.role.${a.role}`)}: ${a.organizationName ?? a.bodyName}`}</span>
            <button type="button" className="button-secondary" disabled={unassign.isPending} onClick={() => unassign.mutate(a.id)}>
              {t('programmes.edit.unassign')}
            </button>
          </li>
        ))}
      </ul>
      <ErrorMessage error={unassign.error} />
      <form key={formKey} className="form prog-inline-form" onSubmit={submit} onChange={(event) => fields.forget(fieldName(event.target))} noValidate aria-label={t('programmes.edit.addBody')}>
        <Field id={`${id}-role`} name="role" label={t('programmes.edit.role')} errors={fields.errors}>
          {(p) => (
            <select {...p} defaultValue="coordinate">
              <option value="lead">{t('programmes.role.lead')}</option>
              <option value="coordinate">{t('programmes.role.coordinate')}</option>
            </select>
          )}
        </Field>
        <Field id={`${id}-body`} name="bodyName" label={t('programmes.edit.bodyName')} errors={fields.errors}>
          {(p) => <input {...p} />}
        </Field>
        <button type="submit" disabled={assign.isPending}>
          {t('programmes.edit.addBody')}
        </button>
      </form>
      {assign.error && !fields.errors.bodyName && <ErrorMessage error={assign.error} />}
    </section>
  );
}

const BUDGET_FIELDS = ['title', 'year', 'source', 'planned', 'allocated', 'spent'];

/** Add or change a budget line: title, year, source, planned, allocated and spent (VND). */
export function BudgetLineForm({ programmeId, line, onDone }: { programmeId: number; line?: TBudgetLine; onDone: () => void }) {
  const id = useId();
  const fields = useFieldErrors();
  const create = useCreateBudgetLine(programmeId);
  const update = useUpdateBudgetLine(programmeId);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      title: textOf(form, 'title'),
      year: numberOf(form, 'year'),
      source: textOf(form, 'source') || null,
      planned: numberOf(form, 'planned'),
      allocated: numberOf(form, 'allocated'),
      spent: numberOf(form, 'spent'),
    };
    const body = fields.check(ZBudgetLineInput, input);
    if (!body) return;
    setError(null);
    try {
      if (line) await update.mutateAsync({ lineId: line.id, body });
      else await create.mutateAsync(body);
      onDone();
    } catch (failure) {
      if (!fields.fromError(failure, BUDGET_FIELDS)) setError(failure);
    }
  };
  const e = fields.errors;
  const money = (name: 'planned' | 'allocated' | 'spent') => (
    <Field id={`${id}-${name}`} name={name} label={t(`programmes.budget.${name}`)} errors={e} hint={t('programmes.edit.vnd')}>
      {(p) => <input {...p} inputMode="numeric" defaultValue={line?.[name] ?? ''} />}
    </Field>
  );
  return (
    <form className="form prog-edit-form" onSubmit={(event) => void submit(event)} onChange={(event) => fields.forget(fieldName(event.target))} noValidate aria-label={t(line ? 'programmes.edit.lineEdit' : 'programmes.edit.lineNew')}>
      <h3>{t(line ? 'programmes.edit.lineEdit' : 'programmes.edit.lineNew')}</h3>
      <Field id={`${id}-title`} name="title" label={t('programmes.budget.line')} errors={e}>
        {(p) => <input {...p} defaultValue={line?.title ?? ''} />}
      </Field>
      <div className="form-row">
        <Field id={`${id}-year`} name="year" label={t('programmes.year')} errors={e}>
          {(p) => <input {...p} inputMode="numeric" defaultValue={line?.year ?? ''} />}
        </Field>
        <Field id={`${id}-source`} name="source" label={t('programmes.budget.source')} errors={e}>
          {(p) => <input {...p} defaultValue={line?.source ?? ''} />}
        </Field>
      </div>
      <div className="form-row prog-money-row">
        {money('planned')}
        {money('allocated')}
        {money('spent')}
      </div>
      <ErrorMessage error={error} />
      <Buttons pending={create.isPending || update.isPending} onCancel={onDone} save={t('programmes.edit.save')} />
    </form>
  );
}

/** "Xóa" on a budget line, asked twice; a refusal (spending recorded) is said in the server's words. */
export function DeleteBudgetLine({ programmeId, line }: { programmeId: number; line: TBudgetLine }) {
  const remove = useDeleteBudgetLine(programmeId);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button-secondary" onClick={() => setAsking(true)} aria-label={t('programmes.edit.deleteLine', { title: line.title })}>
        {t('programmes.edit.delete')}
      </button>
    );
  }
  return (
    <span className="prog-confirm">
      <span>{t('programmes.edit.deleteAsk')}</span>
      <button type="button" className="button-danger" disabled={remove.isPending} onClick={() => remove.mutate(line.id)}>
        {t('programmes.edit.deleteYes')}
      </button>
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          setAsking(false);
          remove.reset();
        }}
      >
        {t('programmes.edit.cancel')}
      </button>
      <ErrorMessage error={remove.error} />
    </span>
  );
}

const REVIEW_FIELDS = ['kind', 'title', 'fromYear', 'toYear', 'dueOn'];

/** Add or change a review milestone: kind, title, the years it covers, its due date. */
export function ReviewForm({ programme, review, onDone }: { programme: TProgrammeDetail; review?: TReview; onDone: () => void }) {
  const id = useId();
  const fields = useFieldErrors();
  const create = useCreateReview(programme.id);
  const update = useUpdateReview(programme.id);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      kind: textOf(form, 'kind'),
      title: textOf(form, 'title'),
      fromYear: numberOf(form, 'fromYear'),
      toYear: numberOf(form, 'toYear'),
      dueOn: textOf(form, 'dueOn'),
    };
    const body = fields.check(ZReviewInput, input);
    if (!body) return;
    setError(null);
    try {
      if (review) await update.mutateAsync({ reviewId: review.id, body });
      else await create.mutateAsync(body);
      onDone();
    } catch (failure) {
      if (!fields.fromError(failure, REVIEW_FIELDS)) setError(failure);
    }
  };
  const e = fields.errors;
  return (
    <form className="form prog-edit-form" onSubmit={(event) => void submit(event)} onChange={(event) => fields.forget(fieldName(event.target))} noValidate aria-label={t(review ? 'programmes.edit.reviewEdit' : 'programmes.edit.reviewNew')}>
      <h3>{t(review ? 'programmes.edit.reviewEdit' : 'programmes.edit.reviewNew')}</h3>
      <div className="form-row">
        <Field id={`${id}-kind`} name="kind" label={t('programmes.review.kind')} errors={e}>
          {(p) => (
            <select {...p} defaultValue={review?.kind ?? 'annual'}>
              {REVIEW_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`programmes.reviewKind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-due`} name="dueOn" label={t('programmes.edit.reviewDue')} errors={e}>
          {(p) => <DateField id={p.id} name={p.name} defaultValue={review?.dueOn ?? ''} />}
        </Field>
      </div>
      <Field id={`${id}-title`} name="title" label={t('programmes.edit.reviewTitle')} errors={e}>
        {(p) => <input {...p} defaultValue={review?.title ?? ''} />}
      </Field>
      <div className="form-row">
        <Field id={`${id}-from`} name="fromYear" label={t('programmes.form.fromYear')} errors={e}>
          {(p) => <input {...p} inputMode="numeric" defaultValue={review?.fromYear ?? programme.fromYear} />}
        </Field>
        <Field id={`${id}-to`} name="toYear" label={t('programmes.form.toYear')} errors={e}>
          {(p) => <input {...p} inputMode="numeric" defaultValue={review?.toYear ?? programme.toYear} />}
        </Field>
      </div>
      <ErrorMessage error={error} />
      <Buttons pending={create.isPending || update.isPending} onCancel={onDone} save={t('programmes.edit.save')} />
    </form>
  );
}

type Threshold = number | Partial<Record<(typeof TARGET_LEVELS)[number], number>>;
const thresholdOf = (rule: TTargetRule | null): Threshold | null => (rule && 'threshold' in rule ? (rule.threshold as Threshold) : null);

/**
 * Add a local target (a value rule over an indicator, or the data it waits for), or change one: its words, its
 * threshold (one number, or one per level as the document sets them), what it waits for. An implementation plan's
 * inherited target may be made stricter, never looser: the server names the looser part.
 */
export function TargetForm({ programme, target, onDone }: { programme: TProgrammeDetail; target?: TProgrammeTarget; onDone: () => void }) {
  const id = useId();
  const fields = useFieldErrors();
  const create = useCreateTarget(programme.id);
  const update = useUpdateTarget(programme.id);
  const [error, setError] = useState<unknown>(null);
  const rule = (target?.rule ?? null) as TTargetRule | null;
  const threshold = thresholdOf(rule);
  const perLevel = threshold !== null && typeof threshold === 'object';
  const shown = ['code', 'text', 'rule.indicator', 'rule.comparator', 'rule.threshold', 'waitsFor', 'rule'];
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const levelThreshold = () =>
      Object.fromEntries(TARGET_LEVELS.flatMap((level) => (form.has(`threshold.${level}`) && textOf(form, `threshold.${level}`) !== '' ? [[level, numberOf(form, `threshold.${level}`)]] : [])));
    const newThreshold = perLevel ? levelThreshold() : numberOf(form, 'threshold');
    const waitsFor = textOf(form, 'waitsFor') || null;
    setError(null);
    try {
      if (target) {
        const body = fields.check(ZTargetUpdate, {
          text: textOf(form, 'text'),
          ...(rule && threshold !== null ? { rule: { ...rule, threshold: newThreshold } } : {}),
          waitsFor,
        });
        if (!body) return;
        await update.mutateAsync({ targetId: target.id, body });
      } else {
        const indicator = textOf(form, 'indicator');
        const body = fields.check(ZTargetInput, {
          code: textOf(form, 'code'),
          text: textOf(form, 'text'),
          rule: indicator ? { kind: 'value', indicator, comparator: textOf(form, 'comparator'), threshold: newThreshold } : null,
          waitsFor,
        });
        if (!body) return;
        await create.mutateAsync(body);
      }
      onDone();
    } catch (failure) {
      if (!fields.fromError(failure, shown)) setError(failure);
    }
  };
  const e = { ...fields.errors, threshold: fields.errors['rule.threshold'] ?? fields.errors.rule ?? '', indicator: fields.errors['rule.indicator'] ?? '' };
  return (
    <form className="form prog-edit-form" onSubmit={(event) => void submit(event)} onChange={(event) => fields.forget(fieldName(event.target))} noValidate aria-label={t(target ? 'programmes.edit.targetEdit' : 'programmes.edit.targetNew')}>
      <h3>{target ? t('programmes.edit.targetEditOf', { code: target.code }) : t('programmes.edit.targetNew')}</h3>
      {target?.parentTargetId != null && <p className="hint">{t('programmes.edit.stricterOnly')}</p>}
      {!target && (
        <Field id={`${id}-code`} name="code" label={t('programmes.edit.code')} errors={e}>
          {(p) => <input {...p} maxLength={30} />}
        </Field>
      )}
      <Field id={`${id}-text`} name="text" label={t('programmes.edit.targetText')} errors={e}>
        {(p) => <textarea {...p} rows={2} defaultValue={target?.text ?? ''} />}
      </Field>
      {!target && (
        <div className="form-row">
          <Field id={`${id}-indicator`} name="indicator" label={t('programmes.edit.indicator')} errors={e} hint={t('programmes.edit.indicatorHint')}>
            {(p) => <input {...p} />}
          </Field>
          <Field id={`${id}-comparator`} name="comparator" label={t('programmes.edit.comparator')} errors={e}>
            {(p) => (
              <select {...p} defaultValue=">=">
                <option value=">=">{t('programmes.edit.atLeast')}</option>
                <option value="<=">{t('programmes.edit.atMost')}</option>
              </select>
            )}
          </Field>
        </div>
      )}
      {perLevel ? (
        <fieldset className="prog-levels">
          <legend>{t('programmes.threshold')}</legend>
          {TARGET_LEVELS.filter((level) => (threshold as Record<string, number | undefined>)[level] !== undefined).map((level) => (
            <Field key={level} id={`${id}-t-${level}`} name={`threshold.${level}`} label={t('programmes.edit.levelThreshold', { level: t(`programmes.levelUnits.${level}`) })} errors={{ [`threshold.${level}`]: fields.errors[`rule.threshold.${level}`] ?? '' }}>
              {(p) => <input {...p} inputMode="decimal" defaultValue={(threshold as Record<string, number | undefined>)[level] ?? ''} />}
            </Field>
          ))}
          {e.threshold && <p className="field-error">{e.threshold}</p>}
        </fieldset>
      ) : (
        (!target || threshold !== null) && (
          <Field id={`${id}-threshold`} name="threshold" label={t('programmes.threshold')} errors={e}>
            {(p) => <input {...p} inputMode="decimal" defaultValue={typeof threshold === 'number' ? threshold : ''} />}
          </Field>
        )
      )}
      <Field id={`${id}-waits`} name="waitsFor" label={t('programmes.edit.waitsFor')} errors={e} hint={t('programmes.edit.waitsForHint')}>
        {(p) => <input {...p} defaultValue={target?.waitsFor ?? ''} />}
      </Field>
      <ErrorMessage error={error} />
      <Buttons pending={create.isPending || update.isPending} onCancel={onDone} save={t('programmes.edit.save')} />
    </form>
  );
}

/** The manager's list of the programme's targets, each editable, and the form of a new local target. */
export function TargetsEditor({ programme }: { programme: TProgrammeDetail }) {
  const id = useId();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  const done = (didSave: boolean) => () => {
    setEditing(null);
    setSaved(didSave);
  };
  return (
    <details className="prog-targets-edit panel">
      <summary id={`${id}-h`}>{t('programmes.edit.targets')}</summary>
      {saved && <Success>{t('programmes.edit.saved')}</Success>}
      <ul className="prog-edit-list">
        {programme.targets.map((target) => (
          <li key={target.id}>
            {editing === target.id ? (
              <TargetForm programme={programme} target={target} onDone={done(true)} />
            ) : (
              <>
                <span>
                  <span className="prog-code">{target.code}</span> {target.text}
                </span>
                <button type="button" className="button-secondary" onClick={() => setEditing(target.id)} aria-label={t('programmes.edit.targetEditOf', { code: target.code })}>
                  {t('programmes.edit.edit')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <TargetForm programme={programme} onDone={done(true)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          {t('programmes.edit.targetNew')}
        </button>
      )}
    </details>
  );
}
