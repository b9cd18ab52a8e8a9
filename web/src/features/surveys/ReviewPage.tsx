import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { formQuestions, labelIn, type TAnswers, type TSurveyForm } from '#contracts/surveys/form.ts';
import { RESPONSE_STATUSES, type TSurvey, type TSurveyResponse } from '#contracts/surveys/survey.schemas.ts';
import { useMe } from '../../app/session.ts';
import { QueryList } from '../../components/QueryList.tsx';
import { ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { canSurveys } from './can.ts';
import { rawText, typedText } from './keying.ts';
import { SurveyNav } from './SurveyNav.tsx';
import { useCorrect, useResponseRevisions, useSurvey, useSurveyResponse, useSurveyResponses, useVerify } from './surveys.api.ts';
import { ErrorSummary, TypingGrid, useTyping } from './typing.tsx';
import './surveys.css';

type Status = (typeof RESPONSE_STATUSES)[number];
const shortId = (id: string) => id.slice(-8);

/**
 * "Đối chiếu, sửa phiếu": the paper forms waiting for their second typing, the two typings compared question by
 * question, the verifier's correction with a reason, accepting or rejecting any response, and its revision history.
 */
export function ReviewPage() {
  const id = Number(useParams().id);
  const survey = useSurvey(id);
  usePageTitle(t('survey.review.title'));
  const me = useMe();
  const [status, setStatus] = useState<Status | ''>('pending');
  const [current, setCurrent] = useState<string | null>(null);
  const listId = useId();
  const list = useSurveyResponses(id, { limit: 100, ...(status ? { status } : {}) });
  const enter = canSurveys(me, 'surveys.enter');
  return (
    <section className="sv-page sv-review">
      <p>
        <Link to="/khao-sat">{t('survey.back')}</Link>
      </p>
      <h1>{survey.data ? `${t('survey.review.title')}: ${survey.data.title}` : t('survey.review.title')}</h1>
      <SurveyNav id={id} />
      {survey.isPending && <Loading />}
      <ErrorMessage error={survey.error} />
      {survey.data && !survey.data.form && <p className="muted">{t('survey.key.noForm')}</p>}
      {survey.data?.form && (
        <>
          <p className="hint">{t('survey.review.hint')}</p>
          <section aria-labelledby={listId}>
            <h2 id={listId}>{t('survey.review.list')}</h2>
            <div className="filters">
              <div className="field">
                <label htmlFor={`${listId}-status`}>{t('survey.review.status')}</label>
                <select id={`${listId}-status`} value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
                  <option value="">{t('common.all')}</option>
                  {RESPONSE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`survey.responseStatus.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <QueryList query={list} items={(data) => data.items} empty={status === 'pending' ? t('survey.key.pendingNone') : t('survey.responses.none')}>
              {(items, data) => (
                <>
                  <p className="muted">{t('survey.responses.total', { count: formatNumber(data.total) })}</p>
                  <table className="table responsive">
                    <thead>
                      <tr>
                        <th>{t('survey.review.open')}</th>
                        <th>{t('survey.responses.submitted')}</th>
                        <th>{t('survey.targets.unit')}</th>
                        <th>{t('survey.targets.group')}</th>
                        <th>{t('survey.responses.channel')}</th>
                        <th>{t('survey.status')}</th>
                        <th>{t('survey.responses.enteredBy')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((r) => (
                        <tr key={r.id} className={r.id === current ? 'sv-current' : undefined}>
                          <td>
                            <button type="button" className={r.id === current ? 'button-small' : 'button-secondary button-small'} aria-pressed={r.id === current} onClick={() => setCurrent(r.id)}>
                              {t('survey.review.openNamed', { id: shortId(r.id) })}
                            </button>
                          </td>
                          <td data-label={t('survey.responses.submitted')}>{formatDateTime(r.submittedAt)}</td>
                          <td data-label={t('survey.targets.unit')}>{r.unitName}</td>
                          <td data-label={t('survey.targets.group')}>{t(`survey.group.${r.respondentGroup}`)}</td>
                          <td data-label={t('survey.responses.channel')}>{t(`survey.channel.${r.channel}`)}</td>
                          <td data-label={t('survey.status')}>{t(`survey.responseStatus.${r.status}`)}</td>
                          <td data-label={t('survey.responses.enteredBy')}>{r.enteredBy ?? t('common.none')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </QueryList>
          </section>
          {current && <ResponseReview key={current} survey={survey.data} form={survey.data.form} responseId={current} enter={enter} />}
        </>
      )}
    </section>
  );
}

/** The questions whose answers differ between two typings (the order of ticked choices aside), as the server compares them. */
function differingQuestions(form: TSurveyForm, first: TAnswers, second: TAnswers): ReadonlySet<string> {
  const canonical = (value: unknown) => JSON.stringify(Array.isArray(value) ? [...(value as unknown[])].map(String).sort() : (value ?? null));
  return new Set(formQuestions(form).map(({ question }) => question.name).filter((name) => canonical(first[name]) !== canonical(second[name])));
}

/** The lines of the typing grid for stored answers (choices by name), for a correction or after a differing second typing. */
const rawOf = (form: TSurveyForm, answers: TAnswers) => Object.fromEntries(formQuestions(form).map(({ question }) => [question.name, rawText(answers[question.name])]));

function ResponseReview({ survey, form, responseId, enter }: { survey: TSurvey; form: TSurveyForm; responseId: string; enter: boolean }) {
  const headingId = useId();
  const response = useSurveyResponse(survey.id, responseId);
  const r = response.data;
  const [done, setDone] = useState<TSurveyResponse | null>(null);
  return (
    <section className="panel sv-response" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('survey.review.response', { id: shortId(responseId) })}</h2>
      {response.isPending && <Loading />}
      <ErrorMessage error={response.error} />
      {r && (
        <>
          <p className="muted">
            {r.unitName} · {t(`survey.group.${r.respondentGroup}`)} · {t(`survey.channel.${r.channel}`)} · {t(`survey.responseStatus.${r.status}`)} · {formatDateTime(r.submittedAt)}
            {r.enteredBy ? ` · ${t('survey.review.firstBy', { name: r.enteredBy })}` : ''}
          </p>
          {done && <Success>{t('survey.review.done', { status: t(`survey.responseStatus.${done.status}`), revision: done.revision })}</Success>}
          {enter ? <Settle key={r.revision} survey={survey} form={form} response={r} onDone={setDone} /> : <Answers form={form} answers={r.answers} />}
          <History survey={survey} form={form} response={r} />
        </>
      )}
    </section>
  );
}

/** The answers of a response, one line per question (for a reader who may not change them). */
function Answers({ form, answers }: { form: TSurveyForm; answers: TAnswers }) {
  return (
    <table className="table responsive">
      <thead>
        <tr>
          <th>{t('survey.key.question')}</th>
          <th>{t('survey.review.value')}</th>
        </tr>
      </thead>
      <tbody>
        {formQuestions(form).map(({ question }, index) => (
          <tr key={question.name}>
            <th scope="row">{`${index + 1}. ${labelIn(question.label, form.defaultLanguage, question.name)}`}</th>
            <td data-label={t('survey.review.value')}>{shownAnswer(form, question.name, answers[question.name])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An answer in words: the choices' labels, the number or text. */
function shownAnswer(form: TSurveyForm, name: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return t('survey.key.empty');
  const question = formQuestions(form).find((q) => q.question.name === name)?.question;
  const choices = question?.listName ? (form.choiceLists[question.listName] ?? []) : [];
  const label = (choice: string) => labelIn(choices.find((c) => c.name === choice)?.label, form.defaultLanguage, choice);
  if (Array.isArray(value)) return value.map((v) => label(String(v))).join('; ');
  if (choices.length > 0) return label(String(value));
  return typeof value === 'number' ? formatNumber(value) : String(value as string);
}

/**
 * What the verifier does with one response: a pending paper form is typed a second time (matching typings accept
 * it); where they differ, both typings side by side and the grid holding the second typing, the differing lines
 * marked, to correct from the paper and accept with a reason; any response may be corrected, accepted or rejected.
 */
function Settle({ survey, form, response, onDone }: { survey: TSurvey; form: TSurveyForm; response: TSurveyResponse; onDone: (after: TSurveyResponse) => void }) {
  const id = useId();
  const verify = useVerify(survey.id);
  const correct = useCorrect(survey.id);
  const pending = response.status === 'pending';
  // a second typing that differed, stored by the typist: compared at once, the grid holding it to correct
  const stored = pending ? (response.secondTyping?.answers ?? null) : null;
  const second = useTyping(form);
  const fix = useTyping(form, rawOf(form, stored ?? response.answers));
  const [mode, setMode] = useState<'second' | 'fix'>(pending && response.channel === 'paper' && !stored ? 'second' : 'fix');
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [differing, setDiffering] = useState<ReadonlySet<string>>(() => (stored ? differingQuestions(form, response.answers, stored) : new Set()));
  const [typedSecond, setTypedSecond] = useState<TAnswers | null>(stored);
  const submitSecond = () => {
    second.setShowAll(true);
    if (second.typed.errors.size > 0) return second.focusFirstError();
    const answers = second.typed.answers;
    verify.mutate(
      { responseId: response.id, body: { answers } },
      {
        onSuccess: (result) => {
          if (result.differences.length === 0) return;
          setDiffering(new Set(result.differences.map((d) => d.question)));
          setTypedSecond(answers);
          fix.setRaw(rawOf(form, answers));
          setMode('fix');
        },
      },
    );
  };
  const change = (patch: { answers?: TAnswers; status?: 'accepted' | 'rejected' }) => {
    if (reason.trim() === '') return setReasonMissing(true);
    if (patch.answers) {
      fix.setShowAll(true);
      if (fix.typed.errors.size > 0) return fix.focusFirstError();
    }
    // the promise, not mutate's onSuccess: the refetched response re-keys this form before that callback would run
    correct
      .mutateAsync({ responseId: response.id, body: { expectedRevision: response.revision, reason: reason.trim(), ...patch } })
      .then(onDone, () => undefined);
  };
  if (verify.data && verify.data.differences.length === 0) return <Success>{t('survey.key.matched')}</Success>;
  return (
    <>
      {mode === 'second' && (
        <form
          className="sv-key-form"
          aria-labelledby={`${id}-second`}
          onSubmit={(event) => {
            event.preventDefault();
            submitSecond();
          }}
        >
          <h3 id={`${id}-second`}>{t('survey.review.secondTyping')}</h3>
          <p className="hint">{t('survey.review.secondHint')}</p>
          <TypingGrid form={form} typing={second} onFinish={submitSecond} />
          {second.showAll && second.typed.errors.size > 0 && <ErrorSummary form={form} errors={second.typed.errors} />}
          <div className="buttons">
            <button type="submit" disabled={verify.isPending}>
              {t('survey.key.verify')}
            </button>{' '}
            <button type="button" className="button-secondary" onClick={() => setMode('fix')}>
              {t('survey.review.edit')}
            </button>
          </div>
          <ErrorMessage error={verify.error} />
        </form>
      )}
      {typedSecond && (
        <div className="sv-compare" role="region" aria-labelledby={`${id}-cmp`}>
          <h3 id={`${id}-cmp`}>{t('survey.review.compare')}</h3>
          {typedSecond === stored && response.secondTyping && (
            <p className="muted">{t('survey.review.secondBy', { name: response.secondTyping.by ?? t('common.none'), at: formatDateTime(response.secondTyping.at) })}</p>
          )}
          <p className="alert">{t('survey.key.differences', { count: differing.size })}</p>
          <table className="table responsive">
            <thead>
              <tr>
                <th>{t('survey.key.question')}</th>
                <th>{t('survey.key.first')}</th>
                <th>{t('survey.key.second')}</th>
                <th>{t('survey.review.status')}</th>
              </tr>
            </thead>
            <tbody>
              {formQuestions(form).map(({ question }, index) => {
                const differs = differing.has(question.name);
                const choices = question.listName ? (form.choiceLists[question.listName] ?? []) : [];
                return (
                  <tr key={question.name} className={differs ? 'sv-diff' : undefined}>
                    <th scope="row">{`${index + 1}. ${labelIn(question.label, form.defaultLanguage, question.name)}`}</th>
                    <td data-label={t('survey.key.first')}>{typedText(response.answers[question.name], choices) || t('survey.key.empty')}</td>
                    <td data-label={t('survey.key.second')}>{typedText(typedSecond[question.name], choices) || t('survey.key.empty')}</td>
                    <td data-label={t('survey.review.status')}>{differs ? <strong>{t('survey.review.differs')}</strong> : t('survey.review.same')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {mode === 'fix' && (
        <form
          className="sv-key-form"
          aria-labelledby={`${id}-fix`}
          onSubmit={(event) => {
            event.preventDefault();
            change({ answers: fix.typed.answers, ...(response.status !== 'accepted' ? { status: 'accepted' as const } : {}) });
          }}
        >
          <h3 id={`${id}-fix`}>{t('survey.review.edit')}</h3>
          <p className="hint">{t('survey.review.editHint')}</p>
          <TypingGrid form={form} typing={fix} marked={differing} onFinish={() => undefined} />
          {fix.showAll && fix.typed.errors.size > 0 && <ErrorSummary form={form} errors={fix.typed.errors} />}
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('survey.review.reason')}</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              maxLength={2000}
              value={reason}
              aria-invalid={reasonMissing && reason.trim() === '' ? true : undefined}
              aria-describedby={reasonMissing && reason.trim() === '' ? `${id}-reason-err` : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
            {reasonMissing && reason.trim() === '' && (
              <p className="sv-error" id={`${id}-reason-err`}>
                {t('survey.review.reasonNeeded')}
              </p>
            )}
          </div>
          <div className="buttons">
            <button type="submit" disabled={correct.isPending}>
              {t(response.status !== 'accepted' ? 'survey.review.acceptCorrected' : 'survey.review.saveCorrection')}
            </button>{' '}
            {response.status !== 'accepted' && (
              <button type="button" className="button-secondary" disabled={correct.isPending} onClick={() => change({ status: 'accepted' })}>
                {t('survey.review.accept')}
              </button>
            )}{' '}
            {response.status !== 'rejected' && (
              <button type="button" className="button-danger" disabled={correct.isPending} onClick={() => change({ status: 'rejected' })}>
                {t('survey.review.reject')}
              </button>
            )}
          </div>
          <ErrorMessage error={correct.error} />
        </form>
      )}
    </>
  );
}

/** Earlier states of the response, oldest first, what changed from one to the next, who changed it, when and why. */
function History({ survey, form, response }: { survey: TSurvey; form: TSurveyForm; response: TSurveyResponse }) {
  const id = useId();
  const revisions = useResponseRevisions(survey.id, response.id);
  const questions = formQuestions(form);
  const changes = (before: TAnswers, after: TAnswers) =>
    questions
      .filter(({ question }) => JSON.stringify(before[question.name] ?? null) !== JSON.stringify(after[question.name] ?? null))
      .map(({ question }) => `${labelIn(question.label, form.defaultLanguage, question.name)}: ${shownAnswer(form, question.name, before[question.name])} → ${shownAnswer(form, question.name, after[question.name])}`);
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{t('survey.review.history')}</h3>
      <QueryList query={revisions} items={(data) => data.items} empty={t('survey.review.noHistory')}>
        {(items) => (
          <table className="table responsive">
            <thead>
              <tr>
                <th className="num">{t('survey.review.revision')}</th>
                <th>{t('survey.status')}</th>
                <th>{t('survey.review.changedAt')}</th>
                <th>{t('survey.review.changedBy')}</th>
                <th>{t('survey.review.reason')}</th>
                <th>{t('survey.review.before')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((revision, index) => {
                const next = items[index + 1];
                const after = next ? next.answers : response.answers;
                const nextStatus = next ? next.status : response.status;
                const lines = changes(revision.answers, after);
                return (
                  <tr key={revision.revision}>
                    <td className="num" data-label={t('survey.review.revision')}>
                      {revision.revision}
                    </td>
                    <td data-label={t('survey.status')}>
                      {t(`survey.responseStatus.${revision.status}`)}
                      {nextStatus !== revision.status && ` → ${t(`survey.responseStatus.${nextStatus}`)}`}
                    </td>
                    <td data-label={t('survey.review.changedAt')}>{formatDateTime(revision.changedAt)}</td>
                    <td data-label={t('survey.review.changedBy')}>{revision.changedBy ?? t('common.none')}</td>
                    <td data-label={t('survey.review.reason')}>{revision.reason ?? t('common.none')}</td>
                    <td data-label={t('survey.review.before')}>
                      {lines.length === 0 ? (
                        t('common.none')
                      ) : (
                        <ul className="sv-changes">
                          {lines.map((line) => (
                            <li key={line}>{line}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </QueryList>
      <p className="muted">{t('survey.review.current', { revision: response.revision })}</p>
    </section>
  );
}
