import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/http';
import type { Language } from '../i18n';

export interface UploadDropZoneProps {
  /** Uploads one file, reporting progress 0–1. */
  onUpload: (file: File, onProgress: (fraction: number) => void) => Promise<unknown>;
  disabled?: boolean;
}

/** Drag-and-drop (or click to choose) upload of one file at a time, with a progress bar. */
export function UploadDropZone({ onUpload, disabled }: UploadDropZoneProps) {
  const { t, i18n } = useTranslation('evidence');
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  async function send(file: File) {
    setError(null);
    setMessage(null);
    setProgress({ name: file.name, fraction: 0 });
    try {
      await onUpload(file, (fraction) => setProgress({ name: file.name, fraction }));
      setMessage(t('upload.done', { name: file.name }));
    } catch (e) {
      setError(e instanceof ProblemError ? e.detailFor(i18n.language as Language) : String(e));
    } finally {
      setProgress(null);
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) void send(file);
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
          if (file) void send(file);
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
      {message && <p role="status">{message}</p>}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
