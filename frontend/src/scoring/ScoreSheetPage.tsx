import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHttpClient } from '../api/ApiContext';
import { useAuth } from '../auth/AuthContext';
import { apiBase } from '../api/files';
import { fiscalYearsUpToNow, historyExportPath, INDICATOR_CODES, indicatorKey, indicatorName, score, scoringApi, type History, type PublicResult } from './api';
import { ExportButtons } from './ExportButtons';

const INSTRUMENTS: { code: 'IIT' | 'EIT' | 'OIT'; indicators: string[] }[] = [
  { code: 'IIT', indicators: ['1', '2', '3', '4', '5'] },
  { code: 'EIT', indicators: ['6', '7', '8'] },
  { code: 'OIT', indicators: ['9', '10'] },
];

/** A unit's result for a year laid out like the official sheet: indicators by instrument, weighted scores, total, rating. */
export function ScoreSheet({ result }: { result: PublicResult }) {
  const { t, i18n } = useTranslation('scoring');
  const english = i18n.language === 'en';
  const hasIndicators = Object.keys(result.indicators).length > 0;
  return (
    <section aria-label={t('sheet.title', { year: result.fiscalYear })}>
      <h1>{t('sheet.title', { year: result.fiscalYear })}</h1>
      <p>{english && result.unit.nameEn ? result.unit.nameEn : result.unit.nameTh}</p>
      <p>
        {result.official ? t('sheet.official') : t('sheet.computed')}
        {result.frameworkId ? ` · ${t('sheet.framework', { id: result.frameworkId, version: result.frameworkVersion })}` : ''}
      </p>
      {hasIndicators && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('sheet.indicator')}</th>
              <th scope="col">{t('sheet.score')}</th>
            </tr>
          </thead>
          <tbody>
            {INSTRUMENTS.map((instrument) => [
              ...instrument.indicators.map((code) => (
                <tr key={code}>
                  <td>
                    {code}. {indicatorName(code, result.indicatorNames, english, (key) => t(key))}
                  </td>
                  <td>{score(result.indicators[code])}</td>
                </tr>
              )),
              <tr key={instrument.code}>
                <th scope="row">{t(`instruments.${instrument.code}`)}</th>
                <td>
                  <strong>{score(result.instruments[instrument.code])}</strong>
                </td>
              </tr>,
            ])}
          </tbody>
        </table>
      )}
      <p>
        {t('sheet.total')}: <strong>{score(result.total)}</strong> · {t('sheet.rating')}:{' '}
        <strong>{english ? (result.ratingLabel?.en ?? result.rating) : (result.ratingLabel?.th ?? result.rating)}</strong> ·{' '}
        {result.passed ? t('sheet.passed') : t('sheet.notPassed')}
      </p>
      {result.ratingExplained && (
        <p>{english ? (result.ratingExplained.text.en ?? result.ratingExplained.text.th) : result.ratingExplained.text.th}</p>
      )}
      {result.source && <p>{t('sheet.source', { source: result.source })}</p>}
      <p>
        <a href={`${apiBase()}/scoring/public/units/${encodeURIComponent(result.unit.code)}/years/${result.fiscalYear}/report.pdf`}>
          {t('sheet.pdf')}
        </a>
      </p>
    </section>
  );
}

/** A change as signed text: +1.25, −0.50, 0.00. */
function signed(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (value > 0) return `+${value.toFixed(2)}`;
  if (value < 0) return `−${Math.abs(value).toFixed(2)}`;
  return value.toFixed(2);
}

/** A change shown as an arrow and a signed number, and read out in words (never colour alone). */
function Delta({ value, since }: { value: number; since: number }) {
  const { t } = useTranslation('scoring');
  const amount = Math.abs(value).toFixed(2);
  const words =
    value > 0 ? t('history.up', { value: amount, year: since }) : value < 0 ? t('history.down', { value: amount, year: since }) : t('history.same', { year: since });
  return (
    <>
      <span aria-hidden="true" style={{ color: value > 0 ? '#1b5e20' : value < 0 ? '#b71c1c' : undefined }}>
        {value > 0 ? '▲ ' : value < 0 ? '▼ ' : ''}
        {signed(value)}
      </span>
      <span className="visually-hidden">{words}</span>
    </>
  );
}

/** Indicator codes in the history, the ten official ones first, then any other in numeric order. */
function historyIndicatorCodes(history: History): string[] {
  const present = new Set<string>();
  for (const y of history.years) {
    Object.keys(y.indicators).forEach((c) => present.add(c));
    Object.keys(y.change?.indicators ?? {}).forEach((c) => present.add(c));
  }
  return [...present].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
}

/**
 * Indicators × years: each year's indicator score with its change from the previous comparable
 * year; a year whose framework is not comparable with the one before says so instead of a number.
 */
export function IndicatorChanges({ history }: { history: History }) {
  const { t } = useTranslation('scoring');
  const years = history.years.filter((y) => y.change);
  const codes = historyIndicatorCodes(history);
  if (years.length === 0 || codes.length === 0) return null;
  const name = (code: string) => ((INDICATOR_CODES as readonly string[]).includes(code) ? `${code}. ${t(indicatorKey(code))}` : code);
  return (
    <>
      <h3>{t('history.indicatorChanges')}</h3>
      <p className="muted">{t('history.indicatorChangesNote')}</p>
      <table>
        <caption className="visually-hidden">{t('history.indicatorChanges')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sheet.indicator')}</th>
            {years.map((y) => (
              <th scope="col" key={y.fiscalYear}>
                {t('sheet.year', { year: y.fiscalYear })}{' '}
                <small>
                  {y.change!.comparable
                    ? `(${t('history.versus', { year: y.change!.previousFiscalYear })})`
                    : y.change!.reason === 'different-framework'
                      ? t('history.notComparableFramework')
                      : t('history.notComparableUnknown')}
                </small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {codes.map((code) => (
            <tr key={code}>
              <th scope="row">{name(code)}</th>
              {years.map((y) => {
                const change = y.change!;
                const delta = change.indicators?.[code];
                return (
                  <td key={y.fiscalYear}>
                    {score(y.indicators[code])}{' '}
                    {!change.comparable ? (
                      <em>({t('history.notComparable')})</em>
                    ) : delta !== undefined ? (
                      <Delta value={delta} since={change.previousFiscalYear} />
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The unit's years with the change from the year before (only between comparable frameworks) and what cost the latest year most. */
export function ScoreHistory({ history }: { history: History }) {
  const { t, i18n } = useTranslation('scoring');
  const english = i18n.language === 'en';
  if (history.years.length === 0) return null;
  return (
    <section aria-label={t('history.title')}>
      <h2>{t('history.title')}</h2>
      <table aria-label={t('history.title')}>
        <thead>
          <tr>
            <th scope="col">{t('sheet.years')}</th>
            <th scope="col">{t('history.framework')}</th>
            <th scope="col">{t('sheet.total')}</th>
            <th scope="col">{t('sheet.rating')}</th>
            <th scope="col">{t('history.change')}</th>
          </tr>
        </thead>
        <tbody>
          {history.years.map((y) => (
            <tr key={y.fiscalYear}>
              <th scope="row">{t('sheet.year', { year: y.fiscalYear })}</th>
              <td>{y.frameworkId ? `${y.frameworkId} (${y.frameworkVersion ?? 1})` : t('history.frameworkUnknown')}</td>
              <td>{score(y.total)}</td>
              <td>
                {english ? (y.ratingLabel?.en ?? y.rating) : (y.ratingLabel?.th ?? y.rating)} ·{' '}
                {y.passed ? t('sheet.passed') : t('sheet.notPassed')}
              </td>
              <td>
                {!y.change
                  ? '–'
                  : y.change.comparable
                    ? signed(y.change.total)
                    : y.change.reason === 'different-framework'
                      ? t('history.notComparableFramework')
                      : t('history.notComparableUnknown')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ExportButtons
        label={t('history.export')}
        path={(format) => historyExportPath(history.unitCode, format)}
        name={`ita-history-${history.unitCode}`}
      />
      <IndicatorChanges history={history} />
      {history.latestFiscalYear && history.pullingDown.length > 0 && (
        <>
          <h3>{t('history.pullingDown', { year: history.latestFiscalYear })}</h3>
          <ol>
            {history.pullingDown.map((loss) => (
              <li key={loss.code}>
                {t('history.loss', {
                  code: loss.code,
                  name: (english ? loss.name?.en : loss.name?.th) ?? loss.name?.th ?? t(indicatorKey(loss.code)),
                  score: score(loss.score),
                  points: score(loss.pointsLost),
                })}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

export function ScoreSheetPage() {
  const { t } = useTranslation('scoring');
  const { session } = useAuth();
  const params = useParams();
  const http = useHttpClient();
  const unitCode = params.unitCode ?? session?.unitCode ?? 'KALASIN2';
  const fiscalYear = Number(params.fiscalYear ?? 2566);
  const result = useQuery({
    queryKey: ['scoring', 'public', unitCode, fiscalYear],
    queryFn: () => scoringApi.publicResult(http, unitCode, fiscalYear),
  });
  // The history needs a login within the unit's scope; without it the years fall back to 2564 … the current fiscal year.
  const history = useQuery({
    queryKey: ['scoring', 'history', unitCode],
    queryFn: () => scoringApi.history(http, unitCode),
    retry: false,
  });
  const years = history.data && history.data.years.length > 0 ? history.data.years.map((y) => y.fiscalYear) : fiscalYearsUpToNow();
  return (
    <div>
      <nav aria-label={t('sheet.years')}>
        {years.map((year) => (
          <span key={year} style={{ marginInlineEnd: '1em' }}>
            <Link to={`/scoring/units/${encodeURIComponent(unitCode)}/years/${year}`} aria-current={year === fiscalYear ? 'page' : undefined}>
              {t('sheet.year', { year })}
            </Link>
          </span>
        ))}
      </nav>
      {result.data ? (
        <ScoreSheet result={result.data} />
      ) : (
        <p>{result.error ? t('sheet.none', { year: fiscalYear }) : t('loading')}</p>
      )}
      {history.data && <ScoreHistory history={history.data} />}
    </div>
  );
}
