import type { Kpi } from './api';

export interface KpiChartLabels {
  target: string;
  reached: string;
  notReached: string;
}

export const REACHED_COLOUR = '#1b7f3b';
export const SHORT_COLOUR = '#b36b00';

/**
 * ECharts option for KPIs as percent of their own target (units differ: points, people, percent),
 * target = 100; the tooltip shows the real values with their units.
 *
 * Reached and not-yet-reached results are two series stacked in one bar slot, so the legend's
 * colours are the bars' colours (one series coloured per bar showed a legend swatch no bar had).
 * The legend sits under the chart, clear of the axis labels.
 */
export function kpiChartOption(kpis: Kpi[], labels: KpiChartLabels) {
  const percent = (kpi: Kpi) =>
    kpi.latestActual == null || kpi.target <= 0 ? 0 : Math.round((kpi.latestActual / kpi.target) * 1000) / 10;
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' as const },
    // One entry a line: the same height at 390 px as at 1366 px, so the plot's room below is known.
    legend: { data: [labels.target, labels.reached, labels.notReached], bottom: 0, left: 8, orient: 'vertical' as const },
    grid: { left: 8, right: 16, top: 8, bottom: 84, containLabel: true },
    // Bars lie down: a KPI's Thai name (no spaces to wrap at) reads whole at the left, on a phone too;
    // a name longer than the column ends in "…" and is whole in the tooltip.
    xAxis: { type: 'value' as const, axisLabel: { formatter: '{value}%', hideOverlap: true } },
    yAxis: { type: 'category' as const, inverse: true, data: kpis.map((k) => k.name), axisLabel: { interval: 0, width: 110, overflow: 'truncate' as const } },
    series: [
      { name: labels.target, type: 'bar' as const, data: kpis.map(() => 100), itemStyle: { color: '#c7ccd6' } },
      {
        name: labels.reached,
        type: 'bar' as const,
        stack: 'actual',
        itemStyle: { color: REACHED_COLOUR },
        data: kpis.map((k) => (k.reached ? percent(k) : null)),
      },
      {
        name: labels.notReached,
        type: 'bar' as const,
        stack: 'actual',
        itemStyle: { color: SHORT_COLOUR },
        data: kpis.map((k) => (k.reached ? null : percent(k))),
      },
    ],
  };
}
