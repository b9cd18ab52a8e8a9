import { ApiError, errorMessage } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import './status.css';

/** A quiet "loading" line, announced to screen readers. */
export function Loading() {
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

/** "Đang tìm…" while a search is typed or its request runs: visible, and announced to screen readers. */
export function Searching() {
  return (
    <p className="muted searching" role="status">
      {t('common.searching')}
    </p>
  );
}

/** The server's Vietnamese message for a failed call, with the fields at fault. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <div className="alert" role="alert">
      <p>{errorMessage(error)}</p>
      {fields.length > 1 && (
        <ul>
          {fields.map((field) => (
            <li key={field.field + field.message}>
              <code>{field.field}</code>: {field.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A confirmation after a successful change. */
export function Success({ children }: { children: string }) {
  return (
    <p className="success" role="status">
      {children}
    </p>
  );
}

/** Said when a list is empty. */
export function Empty({ children }: { children: string }) {
  return <p className="muted">{children}</p>;
}
