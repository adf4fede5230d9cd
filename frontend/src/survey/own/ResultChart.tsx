import { useEffect, useRef } from 'react';
import { resultChartOption } from './resultChartOption';

/** One question's counts as a bar chart; ECharts loads only when results are shown. */
export function ResultChart(props: { labels: string[]; counts: number[]; name: string; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const optionKey = JSON.stringify(resultChartOption(props.labels, props.counts, props.name));

  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: unknown): void; dispose(): void; resize(): void } | undefined;
    const onResize = () => chart?.resize();
    // The activity feature's tree-shaken build already has the bar chart this needs.
    void import('../../activity/echarts').then((echarts) => {
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

  return <div ref={element} className="own-chart" role="img" aria-label={props.label} style={{ height: `${Math.max(3, props.labels.length) * 2.2}rem` }} />;
}
