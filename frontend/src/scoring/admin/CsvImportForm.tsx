import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../api/http';
import { isWorkbook, XLSX_MEDIA_TYPE, type LineError } from './api';
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
  /** When given, the file input also takes an Excel workbook (.xlsx), sent as it is with this. */
  runWorkbook?: (workbook: File, dryRun: boolean) => Promise<R>;
}

/**
 * A CSV file (or pasted text, or an Excel workbook where the service takes one) checked first with
 * a dry run that lists every wrong line, then imported; the service applies nothing while any line
 * is wrong.
 */
export function CsvImportForm<R extends CsvReport>({ heading, columns, run, summary, runWorkbook }: CsvImportFormProps<R>) {
  const { t } = useTranslation('scoring');
  const [csv, setCsv] = useState('');
  const [workbook, setWorkbook] = useState<File | null>(null);
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
      const result = workbook && runWorkbook ? await runWorkbook(workbook, dryRun) : await run(csv, dryRun);
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
    setReport(null);
    setLineErrors([]);
    setError(null);
    if (file && runWorkbook && isWorkbook(file)) {
      setWorkbook(file);
      setCsv('');
    } else if (file) {
      setWorkbook(null);
      setCsv(await file.text());
    }
  };
  const ready = csv !== '' || workbook !== null;

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
          <input
            type="file"
            accept={runWorkbook ? `.csv,text/csv,text/plain,.xlsx,${XLSX_MEDIA_TYPE}` : '.csv,text/csv,text/plain'}
            aria-describedby={runWorkbook ? `${id}-xlsx` : undefined}
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
        </label>
        {runWorkbook && (
          <p id={`${id}-xlsx`} className="muted">
            {t('admin.import.xlsxHint')}
          </p>
        )}
        {workbook && <p>{t('admin.import.workbookChosen', { name: workbook.name })}</p>}
        <label>
          {t('admin.import.text')}
          <textarea
            rows={6}
            value={csv}
            onChange={(e) => {
              setCsv(e.target.value);
              setWorkbook(null);
            }}
            spellCheck={false}
          />
        </label>
        <button type="button" className="button" disabled={!ready} onClick={() => void send(true)}>
          {t('admin.import.check')}
        </button>
        <button type="submit" className="button primary" disabled={!ready}>
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
