import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadTable, type TableFormat } from '../api/files';
import { ProblemAlert } from './admin/problems';
import './admin/admin.css';

const FORMATS: readonly TableFormat[] = ['csv', 'xlsx'];

/**
 * CSV and XLSX downloads of one table, fetched with the staff member's token; a refusal shows the
 * service's problem below the buttons.
 */
export function ExportButtons({ label, path, name }: { label: string; path: (format: TableFormat) => string; name: string }) {
  const { t } = useTranslation('scoring');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<TableFormat | null>(null);
  const download = (format: TableFormat) => {
    setError(null);
    setPending(format);
    downloadTable(path(format), name, format)
      .catch(setError)
      .finally(() => setPending(null));
  };
  return (
    <div role="group" aria-label={label} className="export-buttons">
      <p>
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button secondary"
            aria-disabled={pending !== null}
            onClick={() => pending === null && download(format)}
          >
            {t(`export.${format}`)}
          </button>
        ))}
      </p>
      <ProblemAlert error={error} />
    </div>
  );
}
