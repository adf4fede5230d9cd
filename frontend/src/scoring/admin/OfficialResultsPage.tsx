import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHttpClient } from '../../api/ApiContext';
import { ProblemError } from '../../api/http';
import { useAuth } from '../../auth/AuthContext';
import { INDICATOR_CODES, score } from '../api';
import { adminApi, type FrameworkSummary, type OfficialEntry, type OfficialImportReport } from './api';
import { CsvImportForm } from './CsvImportForm';
import { ProblemAlert } from './problems';
import './admin.css';

const OFFICIAL_COLUMNS = [
  'unit_code', 'fiscal_year', 'framework_id', 'framework_version', 'indicators', 'total', 'rating', 'passed', 'source',
];

/** Official figures of a unit, year by year: shown, entered one at a time, or imported from CSV or an Excel workbook. */
export function OfficialResultsPage() {
  const { t } = useTranslation('scoring');
  const http = useHttpClient();
  const { session } = useAuth();
  const [draftCode, setDraftCode] = useState(session?.unitCode ?? '');
  const [unitCode, setUnitCode] = useState(session?.unitCode ?? '');
  const results = useQuery({
    queryKey: ['scoring', 'official', unitCode],
    queryFn: () => adminApi.officialResults(http, unitCode),
    enabled: unitCode !== '',
  });
  const frameworks = useQuery({ queryKey: ['scoring', 'frameworks'], queryFn: () => adminApi.frameworks(http) });
  const queryClient = useQueryClient();

  return (
    <section className="scoring-admin">
      <h1>{t('admin.official.title')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setUnitCode(draftCode.trim().toUpperCase());
        }}
        aria-label={t('admin.official.show')}
      >
        <label>
          {t('admin.official.unit')}
          <input required value={draftCode} onChange={(e) => setDraftCode(e.target.value)} />
        </label>
        <button type="submit" className="button">
          {t('admin.official.show')}
        </button>
      </form>
      <ProblemAlert error={results.error} />
      {results.data && results.data.length === 0 && <p>{t('admin.official.none')}</p>}
      {results.data && results.data.length > 0 && (
        <table aria-label={t('admin.official.title')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.official.fiscalYear')}</th>
              <th scope="col">{t('admin.official.framework')}</th>
              <th scope="col">{t('admin.official.total')}</th>
              <th scope="col">{t('admin.official.rating')}</th>
              <th scope="col">{t('admin.official.passed')}</th>
              <th scope="col">{t('admin.official.source')}</th>
            </tr>
          </thead>
          <tbody>
            {results.data.map((r) => (
              <tr key={r.fiscalYear}>
                <th scope="row">{r.fiscalYear}</th>
                <td>{r.frameworkId ? `${r.frameworkId} v${r.frameworkVersion}` : '–'}</td>
                <td>{score(r.total)}</td>
                <td>{r.rating}</td>
                <td>{r.passed ? t('admin.official.yes') : t('admin.official.no')}</td>
                <td>{r.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unitCode && (
        <OfficialEntryForm
          key={unitCode}
          unitCode={unitCode}
          frameworks={frameworks.data ?? []}
          onSave={async (year, entry) => {
            await adminApi.putOfficialResult(http, unitCode, year, entry);
            await queryClient.invalidateQueries({ queryKey: ['scoring', 'official', unitCode] });
          }}
        />
      )}
      <CsvImportForm<OfficialImportReport>
        heading={t('admin.import.officialTitle')}
        columns={OFFICIAL_COLUMNS}
        run={async (csv, dryRun) => {
          const report = await adminApi.importOfficialResults(http, csv, dryRun);
          if (!dryRun) await queryClient.invalidateQueries({ queryKey: ['scoring', 'official'] });
          return report;
        }}
        runWorkbook={async (workbook, dryRun) => {
          const report = await adminApi.importOfficialWorkbook(http, workbook, dryRun);
          if (!dryRun) await queryClient.invalidateQueries({ queryKey: ['scoring', 'official'] });
          return report;
        }}
        summary={(r) =>
          r.dryRun ? t('admin.import.officialChecked', { lines: r.lines }) : t('admin.import.officialApplied', { written: r.written })
        }
      />
    </section>
  );
}

interface EntryFormProps {
  unitCode: string;
  frameworks: FrameworkSummary[];
  onSave: (fiscalYear: number, entry: OfficialEntry) => Promise<unknown>;
}

/**
 * With a framework, the ten indicator scores (the service derives total and rating and checks any
 * given); without one, the total, rating and pass/fail as printed on the official sheet.
 */
function OfficialEntryForm({ unitCode, frameworks, onSave }: EntryFormProps) {
  const { t } = useTranslation('scoring');
  const [fiscalYear, setFiscalYear] = useState('');
  const [framework, setFramework] = useState('');
  const [indicators, setIndicators] = useState<Record<string, string>>({});
  const [total, setTotal] = useState('');
  const [rating, setRating] = useState('');
  const [passed, setPassed] = useState(false);
  const [source, setSource] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const number = (text: string) => (text.trim() === '' ? null : Number(text));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(null);
    const [frameworkId, version] = framework ? framework.split('@') : [];
    const entry: OfficialEntry = frameworkId
      ? {
          frameworkId,
          frameworkVersion: Number(version),
          indicators: Object.fromEntries(
            Object.entries(indicators)
              .filter(([, v]) => v.trim() !== '')
              .map(([k, v]) => [k, Number(v)]),
          ),
          total: number(total),
          rating: rating || null,
          source,
        }
      : { total: number(total), rating: rating || null, passed, source };
    try {
      await onSave(Number(fiscalYear), entry);
      setSaved(t('admin.official.saved', { year: fiscalYear, code: unitCode }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('admin.official.entry', { code: unitCode })}>
      <fieldset>
        <legend>{t('admin.official.entry', { code: unitCode })}</legend>
        <label>
          {t('admin.official.fiscalYear')}
          <input required inputMode="numeric" value={fiscalYear} onChange={(e) => setFiscalYear(e.target.value)} />
        </label>
        <label>
          {t('admin.official.framework')}
          <select value={framework} onChange={(e) => setFramework(e.target.value)}>
            <option value="">{t('admin.official.noFramework')}</option>
            {frameworks.map((f) => (
              <option key={`${f.id}@${f.version}`} value={`${f.id}@${f.version}`}>
                {t('admin.rounds.frameworkOption', { id: f.id, version: f.version, year: f.fiscalYear })}
              </option>
            ))}
          </select>
        </label>
        {framework &&
          INDICATOR_CODES.map((code) => (
            <label key={code}>
              {t('admin.official.indicator', { code })} ({t(`indicators.${code}`)})
              <input
                inputMode="decimal"
                value={indicators[code] ?? ''}
                onChange={(e) => setIndicators((c) => ({ ...c, [code]: e.target.value }))}
              />
            </label>
          ))}
        <label>
          {t('admin.official.total')}
          <input inputMode="decimal" value={total} onChange={(e) => setTotal(e.target.value)} />
        </label>
        <label>
          {t('admin.official.rating')}
          <input value={rating} onChange={(e) => setRating(e.target.value.toUpperCase())} />
        </label>
        {!framework && (
          <label>
            <input type="checkbox" checked={passed} onChange={(e) => setPassed(e.target.checked)} />
            {t('admin.official.passed')}
          </label>
        )}
        <label>
          {t('admin.official.source')}
          <input required value={source} onChange={(e) => setSource(e.target.value)} />
        </label>
        <ProblemAlert error={error} />
        {error instanceof ProblemError && error.errors.length > 0 && (
          <ul>
            {error.errors.map((fe, i) => (
              <li key={i}>
                {fe.field}: {fe.message}
              </li>
            ))}
          </ul>
        )}
        <p role="status">{saved}</p>
        <button type="submit" className="button primary">
          {t('admin.official.save')}
        </button>
      </fieldset>
    </form>
  );
}
