import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useHttpClient } from '../api/ApiContext';
import { ProblemError } from '../api/http';
import { useAuth } from '../auth/AuthContext';
import { languageOf } from '../i18n';
import { fiscalYear } from '../lib/thaiDate';
import './activity.css';
import { loopApi } from './api';

function signed(value: number | null | undefined): string {
  if (value == null) return '—';
  return value > 0 ? `+${value}` : String(value);
}

/** For an area: which units have a plan, how far their activities are, and overdue actions. */
export function AreaOverviewPage() {
  const { t, i18n } = useTranslation('activity');
  const { session } = useAuth();
  const http = useHttpClient();
  const [year, setYear] = useState(() => fiscalYear(new Date()));
  const unitCode = session?.unitCode;
  const english = languageOf(i18n) === 'en';
  const overview = useQuery({
    queryKey: ['activity', 'overview', unitCode, year],
    queryFn: () => loopApi.overview(http, unitCode!, year),
    enabled: !!unitCode,
  });
  if (!unitCode) return <p>{t('noUnit')}</p>;
  return (
    <>
      <h1>{t('overview.heading')}</h1>
      <label className="inline">
        {t('fiscalYear')}{' '}
        <input type="number" min={2500} max={2700} value={year} onChange={(e) => e.target.value && setYear(Number(e.target.value))} />
      </label>
      {overview.isPending && <p role="status">{t('loading')}</p>}
      {overview.error instanceof ProblemError && (
        <p role="alert" className="error-text alert">
          {overview.error.detailFor(languageOf(i18n))}
        </p>
      )}
      {overview.data && (
        <section className="card">
          <p>{t('overview.summary', { withPlan: overview.data.unitsWithPlan, units: overview.data.units })}</p>
          <p data-testid="change-comparison">
            {t('overview.changeWith', {
              count: overview.data.change.unitsWithActivities,
              mean: signed(overview.data.change.meanChangeWithActivities),
            })}
            {' · '}
            {t('overview.changeWithout', {
              count: overview.data.change.unitsWithoutActivities,
              mean: signed(overview.data.change.meanChangeWithoutActivities),
            })}
          </p>
          <table className="kpi-table">
            <thead>
              <tr>
                <th scope="col">{t('overview.unit')}</th>
                <th scope="col">{t('overview.hasPlan')}</th>
                <th scope="col">{t('overview.completion')}</th>
                <th scope="col">{t('overview.overdue')}</th>
                <th scope="col">{t('overview.total')}</th>
                <th scope="col">{t('overview.change')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.data.rows.map((row) => (
                <tr key={row.unitCode} data-testid={`unit-${row.unitCode}`}>
                  <th scope="row">{(english ? row.nameEn : row.nameTh) ?? row.unitCode}</th>
                  <td>{row.hasPlan ? t('overview.yes') : t('overview.no')}</td>
                  <td>{row.hasPlan ? t('overview.rate', { done: row.done, total: row.activities, rate: row.completionRate }) : '—'}</td>
                  <td>{row.overdueActions}</td>
                  <td>{row.total ?? '—'}</td>
                  <td>{row.totalChange == null ? t('overview.notComparable') : signed(row.totalChange)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
