import { useEffect, useRef, type CSSProperties } from 'react';

const CHART_FONT = "Sarabun, 'Noto Sans Thai', 'Leelawadee UI', Tahoma, sans-serif";

/**
 * An ECharts chart for an option object. ECharts is loaded on first use, so pages without charts
 * (and every respondent's phone) never download it. The option is compared by value: a re-render
 * with an equal option does not redraw.
 */
export function EChart(props: { option: unknown; label: string; className?: string; style?: CSSProperties }) {
  const element = useRef<HTMLDivElement>(null);
  const optionKey = JSON.stringify(props.option);

  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: unknown): void; dispose(): void; resize(): void } | undefined;
    const onResize = () => chart?.resize();
    // The canvas draws text itself: with the page's font named and loaded, Thai labels and legends
    // are Sarabun as on the page, not a system font that may have no Thai glyphs at all.
    void Promise.all([import('./echarts'), document.fonts?.ready]).then(([echarts]) => {
      if (disposed || !element.current) return;
      chart = echarts.init(element.current);
      chart.setOption({ textStyle: { fontFamily: CHART_FONT }, ...JSON.parse(optionKey) });
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [optionKey]);

  return <div ref={element} className={props.className} role="img" aria-label={props.label} style={props.style} />;
}
