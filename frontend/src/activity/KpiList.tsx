import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n';
import type { Kpi } from './api';
import { KpiChart } from './KpiChart';

function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

export interface KpiListProps {
  kpis: Kpi[];
  /** Records today's actual of a KPI; omitted for readers. */
  onRecord?: (kpiId: string, value: number) => void;
}

function RecordActual({ kpi, onRecord }: { kpi: Kpi; onRecord: (kpiId: string, value: number) => void }) {
  const { t } = useTranslation('activity');
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const number = Number(value);
    if (value.trim() === '' || Number.isNaN(number) || number < 0) return;
    onRecord(kpi.id, number);
    setValue('');
  };
  return (
    <form onSubmit={submit} className="inline">
      <label className="inline">
        <span className="visually-hidden">{t('kpi.recordValue', { name: kpi.name })}</span>
        <input inputMode="decimal" size={6} value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" className="button secondary">
        {t('kpi.record')}
      </button>
    </form>
  );
}

/** KPIs with target against latest actual; the bar shows how far the actual is towards the target. */
export function KpiList({ kpis, onRecord }: KpiListProps) {
  const { t, i18n } = useTranslation('activity');
  const language = languageOf(i18n);
  return (
    <section className="card" aria-labelledby="kpi-heading">
      <h2 id="kpi-heading">{t('kpi.heading')}</h2>
      <table className="kpi-table">
        <thead>
          <tr>
            <th scope="col">{t('kpi.name')}</th>
            <th scope="col">{t('kpi.target')}</th>
            <th scope="col">{t('kpi.actual')}</th>
            <th scope="col">{t('kpi.chart')}</th>
          </tr>
        </thead>
        <tbody>
          {kpis.map((kpi) => {
            const actual = kpi.latestActual ?? null;
            const percent = actual === null || kpi.target <= 0 ? 0 : Math.min(100, (actual / kpi.target) * 100);
            return (
              <tr key={kpi.id} data-testid={`kpi-${kpi.id}`}>
                <th scope="row">{kpi.name}</th>
                <td>
                  {formatNumber(kpi.target, language)} {kpi.unitOfMeasure}
                </td>
                <td>
                  {actual === null ? (
                    <span className="muted">{t('kpi.noActual')}</span>
                  ) : (
                    <>
                      {formatNumber(actual, language)} {kpi.unitOfMeasure}{' '}
                      <span className={kpi.reached ? 'badge ok' : 'badge warn'}>
                        {kpi.reached ? t('kpi.reached') : t('kpi.notReached')}
                      </span>
                    </>
                  )}
                </td>
                <td>
                  <div
                    className="kpi-bar"
                    role="meter"
                    aria-label={`${kpi.name}: ${t('kpi.chart')}`}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={Math.round(percent)}
                  >
                    <div className={kpi.reached ? 'kpi-bar-fill ok' : 'kpi-bar-fill'} style={{ width: `${percent}%` }} />
                  </div>
                  {onRecord && <RecordActual kpi={kpi} onRecord={onRecord} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {kpis.length > 0 && <KpiChart kpis={kpis} />}
    </section>
  );
}
