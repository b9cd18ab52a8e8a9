import { t } from '../../i18n/i18n.ts';
import type { OutboxEntry } from './outbox.ts';
import { useOutbox } from './useOutbox.ts';
import './outbox.css';

interface OutboxStatusProps {
  /** What a failed entry was (e.g. the cell's label), shown before the server's reason. */
  describe?: (entry: OutboxEntry) => string;
}

/** The outbox of this page load, as a status line: put it under every data-entry form. */
export function OutboxStatus({ describe }: OutboxStatusProps) {
  const { queued, sending, sent, failedEntries, retry, discard } = useOutbox();
  return (
    <OutboxStatusView
      queued={queued}
      sending={sending}
      sent={sent}
      failedEntries={failedEntries}
      describe={describe}
      onRetry={(id) => void retry(id)}
      onDiscard={(id) => void discard(id)}
    />
  );
}

interface OutboxStatusViewProps extends OutboxStatusProps {
  queued: number;
  sending: boolean;
  sent: number;
  failedEntries: readonly OutboxEntry[];
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
}

/**
 * Where the user's typed-in data stands: kept on this machine and waiting, being sent, or on the server; and each
 * write the server refused, with its reason and a retry or discard. Announced politely (role="status"), which is
 * why the line is always rendered, empty when there is nothing to say.
 */
export function OutboxStatusView({ queued, sending, sent, failedEntries, describe, onRetry, onDiscard }: OutboxStatusViewProps) {
  const progress = sending
    ? t('outbox.sending')
    : queued > 0
      ? t('outbox.queued', { count: queued })
      : sent > 0
        ? t('outbox.sent')
        : null;
  return (
    <div className="outbox-status">
      <p role="status">
        {progress && <span className={queued > 0 ? 'muted' : 'outbox-sent'}>{progress}</span>}
        {failedEntries.length > 0 && <span className="outbox-failed">{t('outbox.failed', { count: failedEntries.length })}</span>}
      </p>
      {failedEntries.length > 0 && (
        <ul className="outbox-failed-list" aria-label={t('outbox.failedList')}>
          {failedEntries.map((entry) => (
            <li key={entry.id}>
              <span>
                {describe && <strong>{describe(entry)}: </strong>}
                {entry.error}
              </span>
              <button type="button" className="button-secondary button-small" onClick={() => onRetry(entry.id)}>
                {t('outbox.retry')}
              </button>
              <button type="button" className="button-danger button-small" onClick={() => onDiscard(entry.id)}>
                {t('outbox.discard')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
