import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/http';
import type { Language } from '../i18n';
import { Button, Notice } from '../ui/controls';
import { MAX_UPLOAD_BYTES, sha256Hex, uploadAdvice } from './uploadAdvice';

export interface UploadDropZoneProps {
  /** Uploads one file, reporting progress 0–1. */
  onUpload: (file: File, onProgress: (fraction: number) => void) => Promise<unknown>;
  disabled?: boolean;
  /** Files already attached (not withdrawn): the same bytes chosen again are warned about before sending. */
  attached?: { sha256: string; name: string }[];
}

/** Drag-and-drop (or click to choose) upload of one file at a time, with a progress bar. */
export function UploadDropZone({ onUpload, disabled, attached = [] }: UploadDropZoneProps) {
  const { t, i18n } = useTranslation('evidence');
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<{ what: string; todo: string } | null>(null);
  const [duplicate, setDuplicate] = useState<{ file: File; of: string } | null>(null);
  const [over, setOver] = useState(false);

  async function send(file: File) {
    setError(null);
    setMessage(null);
    setDuplicate(null);
    if (file.size > MAX_UPLOAD_BYTES) {
      setError({ what: t('upload.error.tooLargeWhat', { name: file.name }), todo: t('upload.error.tooLarge') });
      return;
    }
    setProgress({ name: file.name, fraction: 0 });
    try {
      await onUpload(file, (fraction) => setProgress({ name: file.name, fraction }));
      setMessage(t('upload.done', { name: file.name }));
    } catch (e) {
      const what = e instanceof ProblemError ? e.detailFor(i18n.language as Language) : t('upload.error.networkWhat');
      setError({ what: t('upload.error.what', { name: file.name, detail: what }), todo: t(`upload.error.${uploadAdvice(e)}`) });
    } finally {
      setProgress(null);
    }
  }

  /** Sends the file, unless the same bytes are attached already: then she decides. */
  async function choose(file: File) {
    if (attached.length > 0 && file.size <= MAX_UPLOAD_BYTES) {
      const hash = await sha256Hex(file).catch(() => null);
      const same = hash && attached.find((a) => a.sha256.toLowerCase() === hash);
      if (same) {
        setError(null);
        setMessage(null);
        setDuplicate({ file, of: same.name });
        return;
      }
    }
    await send(file);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) void choose(file);
  }

  return (
    <div
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{ border: `2px dashed ${over ? '#1f5fa8' : '#999'}`, padding: '1rem', borderRadius: 8 }}
    >
      <label htmlFor={inputId}>{t('upload.drop')}</label>{' '}
      <input
        id={inputId}
        ref={input}
        type="file"
        disabled={disabled || progress !== null}
        accept=".pdf,.jpg,.jpeg,.png,.gif,.webp,.tif,.tiff,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void choose(file);
          e.target.value = '';
        }}
      />
      {progress && (
        <p>
          <label>
            {t('upload.progress', { name: progress.name })}{' '}
            <progress max={100} value={Math.round(progress.fraction * 100)} />
          </label>
        </p>
      )}
      {message && <Notice tone="success">{message}</Notice>}
      {duplicate && (
        <Notice tone="warning">
          <p>{t('upload.duplicate', { name: duplicate.file.name, existing: duplicate.of })}</p>
          <Button variant="primary" onClick={() => void send(duplicate.file)}>
            {t('upload.duplicateSend')}
          </Button>{' '}
          <Button onClick={() => setDuplicate(null)}>{t('upload.duplicateCancel')}</Button>
        </Notice>
      )}
      {error && (
        <Notice tone="error">
          <strong>{error.what}</strong>
          <br />
          {error.todo}
        </Notice>
      )}
    </div>
  );
}
