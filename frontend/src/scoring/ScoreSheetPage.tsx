import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHttpClient } from '../api/ApiContext';
import { useAuth } from '../auth/AuthContext';
import { readEnv } from '../lib/env';
import { indicatorKey, score, scoringApi, type PublicResult } from './api';

const INSTRUMENTS: { code: 'IIT' | 'EIT' | 'OIT'; indicators: string[] }[] = [
  { code: 'IIT', indicators: ['1', '2', '3', '4', '5'] },
  { code: 'EIT', indicators: ['6', '7', '8'] },
  { code: 'OIT', indicators: ['9', '10'] },
];
const YEARS = [2564, 2565, 2566, 2567];

/** The API base of the deployment (public PDF reports are plain links, no token needed). */
function apiBase(): string {
  try {
    return readEnv().apiBase.replace(/\/+$/, '');
  } catch {
    return '/api';
  }
}

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
                    {code}. {t(indicatorKey(code))}
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
      {result.source && <p>{t('sheet.source', { source: result.source })}</p>}
      <p>
        <a href={`${apiBase()}/scoring/public/units/${encodeURIComponent(result.unit.code)}/years/${result.fiscalYear}/report.pdf`}>
          {t('sheet.pdf')}
        </a>
      </p>
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
  return (
    <div>
      <nav aria-label={t('sheet.years')}>
        {YEARS.map((year) => (
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
    </div>
  );
}
