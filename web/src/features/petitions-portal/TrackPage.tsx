import { useMutation } from '@tanstack/react-query';
import { useId, type FormEvent } from 'react';
import { Link } from 'react-router';
import { portalEndpoints } from '#contracts/petitions/portal.api.ts';
import { call } from '../../api/client.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import './portal.css';

/** A citizen looks up a case: the code with the secret (or the phone given), then the status and the published answer. */
export function TrackPage() {
  const id = useId();
  usePageTitle(t('portal.trackTitle'));
  const look = useMutation({ mutationFn: (body: { code: string; secret: string; phone: string }) => call(portalEndpoints.track, { body }) });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    look.mutate({ code: String(data.get('code') ?? '').trim(), secret: String(data.get('secret') ?? '').trim(), phone: String(data.get('phone') ?? '').trim() });
  };
  const status = look.data;
  return (
    <main className="portal">
      <h1>{t('portal.trackTitle')}</h1>
      <p>{t('portal.trackIntro')}</p>
      <form onSubmit={submit} className="portal-form">
        <label htmlFor={`${id}-c`}>{t('portal.code')}</label>
        <input id={`${id}-c`} name="code" required maxLength={40} autoCapitalize="characters" />
        <label htmlFor={`${id}-s`}>{t('portal.secret')}</label>
        <input id={`${id}-s`} name="secret" maxLength={20} autoCapitalize="characters" autoComplete="off" />
        <label htmlFor={`${id}-p`}>{t('portal.orPhone')}</label>
        <input id={`${id}-p`} name="phone" type="tel" maxLength={20} />
        <ErrorMessage error={look.error} />
        <button type="submit" disabled={look.isPending}>
          {t('portal.lookUp')}
        </button>
      </form>
      {status && (
        <section aria-live="polite" className="portal-status">
          <h2>
            {status.code}: {status.subject}
          </h2>
          <dl>
            <dt>{t('portal.status')}</dt>
            <dd>
              <strong>{t(`portal.status.${status.status}`)}</strong>
            </dd>
            <dt>{t('portal.kind')}</dt>
            <dd>
              {t(`portal.kind.${status.kind}`)} · {status.fieldName}
            </dd>
            <dt>{t('portal.receivedOn')}</dt>
            <dd>
              {formatDate(status.receivedOn)} · {status.unitName}
            </dd>
            {status.dueOn && (
              <>
                <dt>{t('portal.dueOn')}</dt>
                <dd>{formatDate(status.dueOn)}</dd>
              </>
            )}
          </dl>
          <h3>{t('portal.history')}</h3>
          <ol>
            {status.history.map((step, i) => (
              <li key={`${step.onDate}-${i}`}>
                {formatDate(step.onDate)}: {t(`portal.status.${step.status}`)}
              </li>
            ))}
          </ol>
          <h3>{t('portal.answer')}</h3>
          {status.answer ? (
            <>
              <p className="portal-answer">{status.answer}</p>
              {status.answeredOn && <p className="hint">{t('portal.answeredOn', { date: formatDate(status.answeredOn) })}</p>}
            </>
          ) : (
            <p>{t('portal.noAnswer')}</p>
          )}
        </section>
      )}
      <p>
        <Link to="/cong-dan">{t('portal.fileLink')}</Link>
      </p>
    </main>
  );
}
