/** The ECharts option of one question's counts: horizontal bars, options top to bottom as asked. */
export function resultChartOption(labels: string[], counts: number[], seriesName: string) {
  return {
    aria: { enabled: true },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels, inverse: true },
    series: [{ name: seriesName, type: 'bar', data: counts, label: { show: true, position: 'right' } }],
  };
}
