import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Kpi } from './api';
import { kpiChartOption } from './kpiChartOption';

/** Target against actual for every KPI, drawn with ECharts (loaded only when a plan is shown). */
export function KpiChart({ kpis }: { kpis: Kpi[] }) {
  const { t } = useTranslation('activity');
  const element = useRef<HTMLDivElement>(null);
  const option = kpiChartOption(kpis, { target: t('kpi.target'), actual: t('kpi.actual') });
  const optionKey = JSON.stringify(option);

  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: unknown): void; dispose(): void; resize(): void } | undefined;
    const onResize = () => chart?.resize();
    void import('./echarts').then((echarts) => {
      if (disposed || !element.current) return;
      chart = echarts.init(element.current);
      chart.setOption(JSON.parse(optionKey));
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [optionKey]);

  return <div ref={element} className="kpi-chart" role="img" aria-label={t('kpi.chart')} />;
}
