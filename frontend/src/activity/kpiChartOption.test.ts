import { describe, expect, it } from 'vitest';
import { kpi } from './fixtures';
import { kpiChartOption, REACHED_COLOUR, SHORT_COLOUR } from './kpiChartOption';

describe('kpiChartOption', () => {
  const labels = { target: 'เป้าหมาย (100%)', reached: 'ผลล่าสุด: ถึงเป้าแล้ว', notReached: 'ผลล่าสุด: ยังไม่ถึงเป้า' };

  it('draws each KPI as percent of its own target, reached and not reached as their own coloured series', () => {
    const option = kpiChartOption(
      [kpi(), kpi({ id: 'k2', name: 'บุคลากรที่เข้าร่วม', target: 67, latestActual: 52, reached: false }), kpi({ id: 'k3', name: 'ประหยัดไฟ', latestActual: null, reached: false })],
      labels,
    );
    expect(option.yAxis.data).toEqual(['คะแนน ITA รวม', 'บุคลากรที่เข้าร่วม', 'ประหยัดไฟ']);
    expect(option.series[0]!.data).toEqual([100, 100, 100]);
    const [, reached, short] = option.series;
    expect(reached!.data).toEqual([101.4, null, null]);
    expect(short!.data).toEqual([null, 77.6, 0]);
    expect(reached!.itemStyle.color).toBe(REACHED_COLOUR);
    expect(short!.itemStyle.color).toBe(SHORT_COLOUR);
    // One bar slot for the result, whichever series holds it.
    expect(reached!.stack).toBe(short!.stack);
  });

  it('names every series in the legend, below the plot so it never covers the axis labels', () => {
    const option = kpiChartOption([kpi()], labels);
    expect(option.legend.data).toEqual(['เป้าหมาย (100%)', 'ผลล่าสุด: ถึงเป้าแล้ว', 'ผลล่าสุด: ยังไม่ถึงเป้า']);
    expect(option.series.map((s) => s.name)).toEqual(option.legend.data);
    expect(option.legend.bottom).toBe(0);
    expect(option.legend.orient).toBe('vertical');
    expect(option.grid.bottom).toBeGreaterThanOrEqual(3 * 24);
  });
});
