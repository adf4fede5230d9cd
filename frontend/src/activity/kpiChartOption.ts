import type { Kpi } from './api';

export interface KpiChartLabels {
  target: string;
  actual: string;
}

/**
 * ECharts option for KPIs as percent of their own target (units differ: points, people, percent),
 * target = 100; the tooltip shows the real values with their units.
 */
export function kpiChartOption(kpis: Kpi[], labels: KpiChartLabels) {
  const percent = (kpi: Kpi) =>
    kpi.latestActual == null || kpi.target <= 0 ? 0 : Math.round((kpi.latestActual / kpi.target) * 1000) / 10;
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' as const },
    legend: { data: [labels.target, labels.actual] },
    grid: { left: 8, right: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category' as const, data: kpis.map((k) => k.name), axisLabel: { interval: 0, width: 120, overflow: 'break' as const } },
    yAxis: { type: 'value' as const, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: labels.target, type: 'bar' as const, data: kpis.map(() => 100), itemStyle: { color: '#c7ccd6' } },
      {
        name: labels.actual,
        type: 'bar' as const,
        data: kpis.map((k) => ({ value: percent(k), itemStyle: { color: k.reached ? '#1b7f3b' : '#b36b00' } })),
      },
    ],
  };
}
