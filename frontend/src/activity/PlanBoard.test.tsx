import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { activity } from './fixtures';
import { PlanBoard } from './PlanBoard';

describe('PlanBoard', () => {
  it('places each activity under its PDCA phase in every row of its METTA elements, in Thai', () => {
    renderWithProviders(
      <PlanBoard
        activities={[
          activity(),
          activity({ id: 'a2', name: 'สำรวจความพึงพอใจ 4 ด้าน', pdcaPhase: 'CHECK', mettaElements: ['EXPLORE'], status: 'DONE' }),
        ]}
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'ปฏิบัติ (Do)' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'M: การบริหารจัดการที่ดี' })).toBeInTheDocument();

    const management = screen.getByTestId('cell-MANAGEMENT-DO');
    const attitude = screen.getByTestId('cell-ATTITUDE-DO');
    expect(within(management).getByRole('link', { name: 'No Gift Policy ไม่รับของขวัญ' })).toHaveAttribute(
      'href',
      '/activity/activities/a1',
    );
    expect(within(attitude).getByText('No Gift Policy ไม่รับของขวัญ')).toBeInTheDocument();
    expect(within(management).getByText('กำลังดำเนินการ')).toBeInTheDocument();
    expect(within(screen.getByTestId('cell-EXPLORE-CHECK')).getByText('เสร็จสิ้น')).toBeInTheDocument();
    expect(screen.getByTestId('cell-TEAMWORK-DO')).not.toHaveTextContent('No Gift');
  });

  it('labels phases and elements in English when chosen', () => {
    renderWithProviders(<PlanBoard activities={[activity()]} />, { language: 'en' });
    expect(screen.getByRole('columnheader', { name: 'Check' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'A: Attitude' })).toBeInTheDocument();
    expect(screen.getAllByText('In progress')).toHaveLength(2);
  });
});
