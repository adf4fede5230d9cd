import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHttpClient } from '../api/ApiContext';
import { useAuth } from '../auth/AuthContext';
import { dashboardExportPath, fiscalYearsUpToNow, INDICATOR_CODES, indicatorKey, score, scoringApi, type Dashboard } from './api';
import { ExportButtons } from './ExportButtons';

const INDICATORS = INDICATOR_CODES;

/** Heatmap colour of a score: red below 75, amber below the pass line, green above. */
export function heat(value: number | null | undefined, passMark = 85): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value >= passMark) return '#d9f2dd';
  if (value >= 75) return '#fff1c2';
  return '#f9d6d5';
}

/** A rating code ("URGENT_IMPROVEMENT") as the framework names it, from the distribution's labels. */
export function ratingName(data: Dashboard, code: string | null | undefined, english: boolean): string {
  if (!code) return '–';
  const label = data.distribution.find((b) => b.code === code)?.label;
  return (english ? label?.en : undefined) ?? label?.th ?? code;
}

export function AreaDashboardView({ data }: { data: Dashboard }) {
  const { t, i18n } = useTranslation('scoring');
  const english = i18n.language === 'en';
  const max = Math.max(1, ...data.distribution.map((b) => b.count));
  const passMark = data.passMark ?? 85;
  return (
    <section>
      <h1>{t('dashboard.title', { name: data.unitNameTh, year: data.fiscalYear })}</h1>
      <p>
        {t('dashboard.summary', {
          total: data.unitsTotal,
          scored: data.unitsWithScore,
          passed: data.passed,
          rate: data.passRate === null || data.passRate === undefined ? '–' : data.passRate.toFixed(2),
        })}
        {data.unitsProvisional > 0 ? ` ${t('dashboard.summaryProvisional', { count: data.unitsProvisional })}` : ''}
      </p>
      <h2>{t('dashboard.distribution')}</h2>
      <table aria-label={t('dashboard.distribution')}>
        <tbody>
          {data.distribution.map((band) => (
            <tr key={band.code}>
              <th scope="row">{english ? (band.label?.en ?? band.code) : (band.label?.th ?? band.code)}</th>
              <td>
                <span
                  aria-hidden="true"
                  style={{
                    display: 'inline-block',
                    height: '0.8em',
                    width: `${(band.count / max) * 12}em`,
                    background: band.min !== null && band.min !== undefined && band.min >= passMark ? '#2e7d32' : '#c62828',
                  }}
                />{' '}
                {band.count}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('dashboard.passLine', { mark: passMark })}</p>
      <h2>{t('dashboard.weakest')}</h2>
      <ol>
        {data.weakestIndicators.map((i) => (
          <li key={i.code}>
            {i.code}. {i.name ? ((english ? i.name.en : null) ?? i.name.th) : t(indicatorKey(i.code))}: {score(i.mean)}
          </li>
        ))}
      </ol>
      <h2>{t('dashboard.ranking')}</h2>
      <table aria-label={t('dashboard.ranking')}>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.rank')}</th>
            <th scope="col">{t('dashboard.unit')}</th>
            {INDICATORS.map((code) => (
              <th scope="col" key={code} title={t(indicatorKey(code))}>
                {code}
              </th>
            ))}
            <th scope="col">{t('sheet.total')}</th>
            <th scope="col">{t('sheet.rating')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" colSpan={2}>
              {t('dashboard.mean')}
            </th>
            {INDICATORS.map((code) => {
              const mean = data.indicators.find((i) => i.code === code)?.mean;
              return (
                <td key={code} style={{ background: heat(mean, passMark) }}>
                  {score(mean)}
                </td>
              );
            })}
            <td colSpan={2} />
          </tr>
          {data.units.map((unit) => (
            <tr key={unit.code}>
              <td>{unit.rank > 0 ? unit.rank : '–'}</td>
              <td>
                <Link to={`/scoring/units/${encodeURIComponent(unit.code)}/years/${data.fiscalYear}`}>{unit.nameTh}</Link>
                {unit.provisional ? ` (${t('dashboard.provisional')})` : ''}
              </td>
              {INDICATORS.map((code) => (
                <td key={code} style={{ background: heat(unit.indicators[code], passMark) }}>
                  {score(unit.indicators[code])}
                </td>
              ))}
              <td style={{ background: heat(unit.total, passMark) }}>{score(unit.total)}</td>
              <td>{ratingName(data, unit.rating, english)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function AreaDashboardPage() {
  const { t } = useTranslation('scoring');
  const { session } = useAuth();
  const params = useParams();
  const http = useHttpClient();
  const unitCode = params.unitCode ?? session?.unitCode ?? null;
  const [year, setYear] = useState(2566);
  const dashboard = useQuery({
    queryKey: ['scoring', 'dashboard', unitCode, year],
    queryFn: () => scoringApi.dashboard(http, unitCode!, year),
    enabled: Boolean(unitCode),
  });
  if (!unitCode) return <p>{t('dashboard.noUnit')}</p>;
  return (
    <div>
      <label>
        {t('dashboard.year')}{' '}
        <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {fiscalYearsUpToNow().map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <ExportButtons
        label={t('dashboard.export')}
        path={(format) => dashboardExportPath(unitCode, year, format)}
        name={`ita-${unitCode}-${year}`}
      />
      {dashboard.data ? (
        <AreaDashboardView data={dashboard.data} />
      ) : (
        <p>{dashboard.error ? String(dashboard.error.message) : t('loading')}</p>
      )}
    </div>
  );
}
