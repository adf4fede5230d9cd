import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A link staff paste elsewhere (an OIT item, a LINE message): shown as a link, in a read-only box
 * they can select by hand, and with a copy button. The box stays because the clipboard API is
 * refused outside secure origins and in some in-app browsers.
 */
export function CopyableLink({ label, url }: { label: string; url: string }) {
  const { t } = useTranslation('survey');
  const id = useId();
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  const copy = () => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) {
      setOutcome('failed');
      return;
    }
    clipboard.writeText(url).then(
      () => setOutcome('copied'),
      () => setOutcome('failed'),
    );
  };
  return (
    <div className="own-copy">
      <label htmlFor={id}>{label}</label>{' '}
      <a href={url} target="_blank" rel="noreferrer">
        {url}
      </a>
      <div className="own-inline">
        <input id={id} type="text" readOnly value={url} size={Math.min(url.length, 60)} onFocus={(e) => e.target.select()} />
        <button type="button" className="button secondary" onClick={copy}>
          {t('own.copyLink')}
        </button>
      </div>
      <p role="status">{outcome === 'copied' ? t('own.copied') : outcome === 'failed' ? t('own.copyFailed') : ''}</p>
    </div>
  );
}
