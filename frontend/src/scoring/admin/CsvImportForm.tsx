import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../api/http';
import type { LineError } from './api';
import { ProblemAlert } from './problems';

export interface CsvReport {
  dryRun: boolean;
  lines: number;
  errors: LineError[];
}

export interface CsvImportFormProps<R extends CsvReport> {
  heading: string;
  columns: readonly string[];
  run: (csv: string, dryRun: boolean) => Promise<R>;
  /** The sentence that sums up a report without errors. */
  summary: (report: R) => string;
}

/**
 * A CSV file (or pasted text) checked first with a dry run that lists every wrong line, then
 * imported; the service applies nothing while any line is wrong.
 */
export function CsvImportForm<R extends CsvReport>({ heading, columns, run, summary }: CsvImportFormProps<R>) {
  const { t } = useTranslation('scoring');
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<R | null>(null);
  const [lineErrors, setLineErrors] = useState<LineError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = heading.replace(/\W+/g, '-');

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    setReport(null);
    setLineErrors([]);
    try {
      const result = await run(csv, dryRun);
      setReport(result);
      setLineErrors(result.errors);
    } catch (e) {
      setError(e);
      if (e instanceof ProblemError) setLineErrors([...e.errors]);
    } finally {
      setBusy(false);
    }
  };

  const readFile = async (file: File | undefined) => {
    if (file) setCsv(await file.text());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p className="muted">{t('admin.import.columns', { columns: columns.join(',') })}</p>
      <fieldset disabled={busy}>
        <label>
          {t('admin.import.file')}
          <input type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void readFile(e.target.files?.[0])} />
        </label>
        <label>
          {t('admin.import.text')}
          <textarea rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} spellCheck={false} />
        </label>
        <button type="button" className="button" disabled={!csv} onClick={() => void send(true)}>
          {t('admin.import.check')}
        </button>
        <button type="submit" className="button primary" disabled={!csv}>
          {t('admin.import.apply')}
        </button>
      </fieldset>
      <div role="status">
        {report && lineErrors.length === 0 && <p>{summary(report)}</p>}
      </div>
      {lineErrors.length > 0 && (
        <div role="alert">
          <p className="error-text">{t('admin.import.errors', { count: lineErrors.length })}</p>
          <ul>
            {lineErrors.map((e, i) => (
              <li key={i}>
                {e.field}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {lineErrors.length === 0 && <ProblemAlert error={error} />}
    </form>
  );
}
