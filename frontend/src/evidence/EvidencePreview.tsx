import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useHttpClient } from '../api/ApiContext';
import { ProblemError } from '../api/http';
import { languageOf } from '../i18n/language';
import { Notice } from '../ui/controls';
import { evidenceApi, type EvidenceVersion } from './api';

/** What a browser shows in a frame or an image on its own; other types open in a new tab. */
export function previewKind(version: Pick<EvidenceVersion, 'kind' | 'contentType'>): 'pdf' | 'image' | 'other' {
  if (version.kind !== 'FILE') return 'other';
  const type = (version.contentType ?? '').toLowerCase();
  if (type === 'application/pdf') return 'pdf';
  // SVG can carry script; it is shown only through a new tab's download, never inline.
  if (type.startsWith('image/') && type !== 'image/svg+xml') return 'image';
  return 'other';
}

/** A blob: URL for the blob while the component lives (revoked after). */
function useObjectUrl(blob: Blob | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return;
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
      setUrl(null);
    };
  }, [blob]);
  return url;
}

export interface EvidencePreviewProps {
  unitCode: string;
  roundId: string;
  itemCode: string;
  version: EvidenceVersion;
  /** Told once the document is in view (preview drawn) or opened in a new tab. */
  onSeen?: (versionId: string) => void;
}

/**
 * The document itself beside the requirement: a PDF in a frame, an image as an image, both from
 * an authenticated fetch turned into a blob: URL (the file needs the staff member's token, which a
 * plain link would not carry); a link or another type opens in a new tab.
 */
export function EvidencePreview({ unitCode, roundId, itemCode, version, onSeen }: EvidencePreviewProps) {
  const { t, i18n } = useTranslation('evidence');
  const http = useHttpClient();
  const kind = previewKind(version);
  const path = evidenceApi.filePath(unitCode, roundId, itemCode, version.id);
  const file = useQuery({
    queryKey: ['evidence', 'file', version.id],
    queryFn: () => http.blob(path, version.contentType ?? '*/*'),
    enabled: kind !== 'other',
    staleTime: Infinity,
  });
  const url = useObjectUrl(file.data);
  useEffect(() => {
    if (url) onSeen?.(version.id);
  }, [url, onSeen, version.id]);
  const name = version.originalName ?? version.label ?? version.url ?? '';

  if (version.kind === 'LINK') {
    return (
      <p className="evidence-open">
        <a href={version.url ?? '#'} target="_blank" rel="noopener noreferrer" onClick={() => onSeen?.(version.id)}>
          {t('preview.openLink', { name })}
        </a>
      </p>
    );
  }
  if (kind === 'other') {
    const open = () => {
      // Opened before the fetch so no pop-up blocker stops it; the file follows when it arrives.
      const tab = window.open('', '_blank');
      void http.blob(path, version.contentType ?? '*/*').then(
        (blob) => {
          const made = URL.createObjectURL(blob);
          if (tab) tab.location.href = made;
          else window.location.assign(made);
          onSeen?.(version.id);
          setTimeout(() => URL.revokeObjectURL(made), 60_000);
        },
        () => tab?.close(),
      );
    };
    return (
      <p className="evidence-open">
        <button type="button" className="button secondary" onClick={open}>
          {t('preview.openFile', { name })}
        </button>
      </p>
    );
  }
  if (file.isError) {
    return (
      <Notice tone="error">
        {file.error instanceof ProblemError ? file.error.detailFor(languageOf(i18n)) : t('preview.failed', { name })}
      </Notice>
    );
  }
  if (!url) return <p className="muted">{t('preview.loading', { name })}</p>;
  return (
    <figure className="evidence-preview">
      {kind === 'pdf' ? (
        <iframe src={url} title={t('preview.frameTitle', { name })} className="evidence-frame" />
      ) : (
        <img src={url} alt={t('preview.imageAlt', { name })} className="evidence-image" />
      )}
      <figcaption>
        <a href={url} target="_blank" rel="noopener noreferrer">
          {t('preview.openInTab', { name })}
        </a>
      </figcaption>
    </figure>
  );
}
