import { useTranslation } from 'react-i18next';
import './evidence.css';
import type { EvidenceVersion } from './api';

export interface VersionHistoryProps {
  versions: EvidenceVersion[];
  /** Shown while the item can still change; withdrawing keeps the version in the history. */
  onWithdraw?: (version: EvidenceVersion) => void;
}

function size(bytes?: number | null) {
  if (bytes == null) return '';
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

/** A file's type as people name it ("PDF", "รูปภาพ PNG", "Word"), not its media type. */
export function fileKind(contentType: string | null | undefined, image: string): string {
  if (!contentType) return '';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/pdf') return 'PDF';
  if (type.startsWith('image/')) return `${image} ${type.slice(6).replace(/^x-|\+xml$/g, '').toUpperCase()}`;
  if (/wordprocessing|msword|opendocument\.text/.test(type)) return 'Word';
  if (/spreadsheet|ms-excel/.test(type)) return 'Excel';
  if (/presentation|powerpoint/.test(type)) return 'PowerPoint';
  return type.split('/')[1]?.toUpperCase() ?? type;
}

export function VersionHistory({ versions, onWithdraw }: VersionHistoryProps) {
  const { t, i18n } = useTranslation('evidence');
  return (
    <ol aria-label={t('item.history')} reversed>
      {versions.map((v) => (
        <li key={v.id} style={v.withdrawnAt ? { textDecoration: 'line-through', color: '#666' } : undefined}>
          <strong>{t('item.version', { version: v.version })}</strong>{' '}
          {v.kind === 'LINK' ? (
            <a href={v.url ?? '#'} target="_blank" rel="noopener noreferrer">
              {v.label ?? v.url}
            </a>
          ) : (
            <span>
              {v.originalName} ({[fileKind(v.contentType, t('item.image')), size(v.sizeBytes)].filter(Boolean).join(', ')})
            </span>
          )}{' '}
          · {v.createdBy} · {new Date(v.createdAt).toLocaleString(i18n.language === 'th' ? 'th-TH' : 'en-GB')}
          {v.demo && <em> ({t('item.demo')})</em>}
          {v.withdrawnAt && <span> — {t('item.withdrawn')}</span>}
          {!v.withdrawnAt && onWithdraw && (
            <button type="button" className="button secondary" onClick={() => onWithdraw(v)}>
              {t('item.withdraw')}
            </button>
          )}
          {/* The fingerprint proves which bytes were judged; few need to read it. */}
          {v.sha256 && (
            <details className="version-details">
              <summary>{t('item.details')}</summary>
              <span>
                SHA-256 <code>{v.sha256}</code>
              </span>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
