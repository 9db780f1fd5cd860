/**
 * The documents of the claim: each file chosen is uploaded at once with a progress bar; one the
 * API refuses shows its reason in the reader's language, and one cut off may be sent again (the
 * whole file: the server takes no ranges). Uploaded files join the draft; those still on their
 * way or refused live on this page only.
 */
import { useState } from 'preact/hooks';
import { errorFor } from '../../../components/Field';
import { useLang, useT } from '../../../i18n/i18n';
import type { FormError } from '../../../lib/errors';
import { formatBytes, formatPercent } from '../../../lib/format';
import { uploadFile } from '../../../lib/uploads';
import { newKey } from '../draft';
import { type StepProps, StepPage } from '../FilingWizard';
import { fileMessages } from '../messages';

interface Sending {
  key: string;
  file: File;
  sent: number;
  total: number;
  /** Why it was not uploaded; absent while it is on its way. */
  failure?: string;
}

export function AttachmentsStep({ draft, update, apiErrors, notice, done }: StepProps) {
  const t = useT(fileMessages);
  const lang = useLang();
  const [sending, setSending] = useState<Sending[]>([]);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const shown = errors.length ? errors : apiErrors;
  const patch = (key: string, change: Partial<Sending>) => setSending((all) => all.map((s) => (s.key === key ? { ...s, ...change } : s)));

  const send = (item: Sending) => {
    const fresh = { ...item, sent: 0, failure: undefined };
    setSending((all) => (all.some((s) => s.key === item.key) ? all.map((s) => (s.key === item.key ? fresh : s)) : [...all, fresh]));
    void uploadFile(item.file, (sent, total) => patch(item.key, { sent, total })).then((result) => {
      if (result.ok) {
        const { id, fileName, sizeBytes } = result.file;
        update((d) => ({ files: [...d.files, { attachmentId: id, fileName, sizeBytes }] }));
        setSending((all) => all.filter((s) => s.key !== item.key));
        setAnnouncement(`${fileName}: ${t('uploaded')}`);
      } else {
        const failure = result.message ?? t('uploadInterrupted');
        patch(item.key, { failure });
        setAnnouncement(`${item.file.name}: ${failure}`);
      }
    });
  };
  const chosen = (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) send({ key: newKey(), file, sent: 0, total: file.size });
  };

  const next = () => {
    if (sending.some((s) => !s.failure)) return setErrors([{ target: 'files', message: t('uploadsPending') }]);
    if (sending.length) return setErrors([{ target: 'files', message: t('uploadsFailed') }]);
    done();
  };

  return (
    <StepPage title={t('attachmentsTitle')} errors={shown} notice={notice} onContinue={next}>
      <div className={`field${errorFor(shown, 'files') ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor="files">
          {t('chooseFiles')}
        </label>
        <div className="field__hint" id="files-hint">
          {t('attachmentsHint')}
        </div>
        {errorFor(shown, 'files') && (
          <p className="field__error" id="files-error">
            {errorFor(shown, 'files')}
          </p>
        )}
        <input
          id="files"
          name="files"
          type="file"
          multiple
          className="file-input"
          aria-describedby={errorFor(shown, 'files') ? 'files-hint files-error' : 'files-hint'}
          onChange={(e) => {
            chosen(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </div>
      <h2 className="heading-m">{t('filesTitle')}</h2>
      {!draft.files.length && !sending.length && <p className="hint">{t('noFiles')}</p>}
      <ul className="upload-list">
        {draft.files.map((f) => (
          <li key={f.attachmentId} className="upload-list__item">
            <span className="upload-list__name">{f.fileName}</span>
            <span className="hint">{formatBytes(f.sizeBytes, lang)}</span>
            <strong className="tag tag--green">{t('uploaded')}</strong>
            <button
              type="button"
              className="link-button"
              onClick={() => update((d) => ({ files: d.files.filter((x) => x.attachmentId !== f.attachmentId) }))}
            >
              {t('remove')}
              <span className="visually-hidden"> {f.fileName}</span>
            </button>
          </li>
        ))}
        {sending.map((s) => (
          <li key={s.key} className={`upload-list__item${s.failure ? ' upload-list__item--failed' : ''}`}>
            <span className="upload-list__name" id={`upload-${s.key}`}>
              {s.file.name}
            </span>
            {s.failure ? (
              <>
                <strong className="tag tag--red">{t('uploadFailed')}</strong>
                <p className="field__error upload-list__reason">{s.failure}</p>
                <button type="button" className="link-button" onClick={() => send(s)} aria-describedby={`upload-${s.key} retry-note`}>
                  {t('retry')}
                </button>
                <button type="button" className="link-button" onClick={() => setSending((all) => all.filter((x) => x.key !== s.key))}>
                  {t('remove')}
                  <span className="visually-hidden"> {s.file.name}</span>
                </button>
              </>
            ) : (
              <>
                <progress className="progress" value={s.sent} max={s.total || 1} aria-label={t('uploadingFile', { name: s.file.name })} />
                <span className="hint">{formatPercent(s.total ? s.sent / s.total : 0, lang)}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {sending.some((s) => s.failure) && (
        <p className="hint" id="retry-note">
          {t('retryNote')}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </StepPage>
  );
}
