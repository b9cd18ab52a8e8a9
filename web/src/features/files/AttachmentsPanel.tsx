import { useId, useState } from 'react';
import { ErrorMessage, Success } from '../../components/Status.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { downloadUrl, useAttachFile, useAttachments } from './files.api.ts';
import './files.css';

const kilobytes = (bytes: number) => formatNumber(Math.max(1, Math.round(bytes / 1024)));

/** "Tài liệu": the files of a record, with download links, and an upload form for those who may change it. */
export function AttachmentsPanel({ ownerType, ownerId, mayAttach }: { ownerType: string; ownerId: string; mayAttach: boolean }) {
  const id = useId();
  const files = useAttachments(ownerType, ownerId);
  const attach = useAttachFile(ownerType, ownerId);
  const [file, setFile] = useState<File | null>(null);
  // a new key empties the file input once its file is uploaded
  const [inputKey, setInputKey] = useState(0);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('files.title')}</h3>
      <ErrorMessage error={files.error} />
      {files.data && files.data.length === 0 && <p className="muted">{t('files.none')}</p>}
      {files.data && files.data.length > 0 && (
        <ul className="file-list">
          {files.data.map((f) => (
            <li key={f.id}>
              <a href={downloadUrl(f.id)} download={f.filename}>
                {f.filename}
              </a>{' '}
              <span className="muted">{t('files.meta', { size: kilobytes(f.sizeBytes), at: formatDateTime(f.createdAt), by: f.uploadedBy ?? '' })}</span>
            </li>
          ))}
        </ul>
      )}
      {mayAttach && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (file)
              attach.mutate(file, {
                onSuccess: () => {
                  setFile(null);
                  setInputKey((key) => key + 1);
                },
              });
          }}
        >
          <p className="hint">{t('files.hint')}</p>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('files.choose')}</label>
            <input
              key={inputKey}
              id={`${id}-file`}
              type="file"
              accept=".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.csv,.txt"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                attach.reset();
              }}
            />
          </div>
          <button type="submit" disabled={!file || attach.isPending}>
            {t('files.upload')}
          </button>
          <ErrorMessage error={attach.error} />
          {attach.data && <Success>{t('files.uploaded', { name: attach.data.filename })}</Success>}
        </form>
      )}
    </section>
  );
}
