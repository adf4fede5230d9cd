import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { kpi } from './fixtures';
import { KpiList } from './KpiList';

describe('KpiList', () => {
  it('shows target against the latest actual and whether the KPI is reached', () => {
    renderWithProviders(
      <KpiList
        kpis={[
          kpi(),
          kpi({ id: 'k2', name: 'บุคลากรที่เข้าร่วมกิจกรรม', target: 67, unitOfMeasure: 'คน', indicatorCode: null, latestActual: 52, reached: false }),
          kpi({ id: 'k3', name: 'ค่าน้ำค่าไฟลดลง', target: 5, unitOfMeasure: 'ร้อยละ', latestActual: null, reached: false, actuals: [] }),
        ]}
      />,
    );
    const total = screen.getByTestId('kpi-k1');
    expect(total).toHaveTextContent('95 คะแนน');
    expect(total).toHaveTextContent('96.37 คะแนน');
    expect(within(total).getByText('บรรลุเป้าหมาย')).toBeInTheDocument();
    expect(within(total).getByRole('meter')).toHaveAttribute('aria-valuenow', '100');

    const staff = screen.getByTestId('kpi-k2');
    expect(within(staff).getByText('ยังไม่บรรลุ')).toBeInTheDocument();
    expect(within(staff).getByRole('meter')).toHaveAttribute('aria-valuenow', '78');

    expect(screen.getByTestId('kpi-k3')).toHaveTextContent('ยังไม่บันทึกผล');
  });
});

describe('KpiList recording', () => {
  it('lets a writer record an actual and ignores what is not a number', async () => {
    const { default: userEvent } = await import('@testing-library/user-event');
    const { vi } = await import('vitest');
    const onRecord = vi.fn();
    renderWithProviders(<KpiList kpis={[kpi({ id: 'k2', name: 'บุคลากรที่เข้าร่วมกิจกรรม' })]} onRecord={onRecord} />);
    const input = screen.getByLabelText('ผลของ บุคลากรที่เข้าร่วมกิจกรรม');
    await userEvent.type(input, 'abc');
    await userEvent.click(screen.getByRole('button', { name: 'บันทึกผล' }));
    expect(onRecord).not.toHaveBeenCalled();
    await userEvent.clear(input);
    await userEvent.type(input, '67');
    await userEvent.click(screen.getByRole('button', { name: 'บันทึกผล' }));
    expect(onRecord).toHaveBeenCalledWith('k2', 67);
  });

  it('shows no recording form to readers', () => {
    renderWithProviders(<KpiList kpis={[kpi()]} />);
    expect(screen.queryByRole('button', { name: 'บันทึกผล' })).not.toBeInTheDocument();
  });
});
