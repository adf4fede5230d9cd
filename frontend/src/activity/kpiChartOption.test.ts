import { describe, expect, it } from 'vitest';
import { kpi } from './fixtures';
import { kpiChartOption } from './kpiChartOption';

describe('kpiChartOption', () => {
  it('draws each KPI as percent of its own target, coloured by whether it is reached', () => {
    const option = kpiChartOption(
      [kpi(), kpi({ id: 'k2', name: 'บุคลากรที่เข้าร่วม', target: 67, latestActual: 52, reached: false }), kpi({ id: 'k3', name: 'ประหยัดไฟ', latestActual: null, reached: false })],
      { target: 'เป้าหมาย', actual: 'ผลล่าสุด' },
    );
    expect(option.xAxis.data).toEqual(['คะแนน ITA รวม', 'บุคลากรที่เข้าร่วม', 'ประหยัดไฟ']);
    expect(option.series[0]!.data).toEqual([100, 100, 100]);
    const actual = option.series[1]!.data as { value: number; itemStyle: { color: string } }[];
    expect(actual.map((d) => d.value)).toEqual([101.4, 77.6, 0]);
    expect(actual[0]!.itemStyle.color).toBe('#1b7f3b');
    expect(actual[1]!.itemStyle.color).toBe('#b36b00');
    expect(option.legend.data).toEqual(['เป้าหมาย', 'ผลล่าสุด']);
  });
});
