import { EChart } from '../../lib/EChart';
import { resultChartOption } from './resultChartOption';

/** One question's counts as a bar chart. */
export function ResultChart(props: { labels: string[]; counts: number[]; name: string; label: string }) {
  return (
    <EChart
      option={resultChartOption(props.labels, props.counts, props.name)}
      className="own-chart"
      label={props.label}
      style={{ height: `${Math.max(3, props.labels.length) * 2.2}rem` }}
    />
  );
}
