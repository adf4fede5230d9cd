import { useTranslation } from 'react-i18next';
import { EChart } from '../lib/EChart';
import type { Kpi } from './api';
import { kpiChartOption } from './kpiChartOption';

/** Target against actual for every KPI. */
export function KpiChart({ kpis }: { kpis: Kpi[] }) {
  const { t } = useTranslation('activity');
  const option = kpiChartOption(kpis, { target: t('kpi.legendTarget'), reached: t('kpi.legendReached'), notReached: t('kpi.legendShort') });
  return <EChart option={option} className="kpi-chart" label={t('kpi.chart')} />;
}
