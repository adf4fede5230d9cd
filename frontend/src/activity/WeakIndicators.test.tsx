import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import type { Loop } from './api';
import { WeakIndicators } from './WeakIndicators';

const loop: Loop = {
  unitCode: 'KALASIN2',
  fiscalYear: 2567,
  scoresFiscalYear: 2566,
  roundId: 'r2566',
  total: 96.37,
  rating: 'AA',
  official: true,
  provisional: false,
  indicatorTarget: 95,
  indicators: [
    { code: '3', score: 97.89, target: 95, weak: false, activities: [], suggestions: [] },
    {
      code: '8',
      score: 90.48,
      target: 95,
      weak: true,
      activities: [{ id: 'a9', name: 'ถอดบทเรียนและปรับปรุงการดำเนินงาน', status: 'PLANNED' }],
      suggestions: [{ templateCode: 'METTA-SEED', activityCode: 'SMILING-SERVICE', nameTh: 'ยิ้มแย้มแจ่มใส ใส่ใจบริการ', nameEn: 'Smiling, attentive service' }],
    },
  ],
};

describe('WeakIndicators', () => {
  it('marks indicators below the target and lists linked activities and template suggestions', () => {
    renderWithProviders(<WeakIndicators loop={loop} />);
    expect(screen.getByText('ผลคะแนนปีงบประมาณ 2566: รวม 96.37 (AA) เป้าหมายรายตัวชี้วัด 95')).toBeInTheDocument();
    expect(screen.getByText('ผลอย่างเป็นทางการ')).toBeInTheDocument();
    const weak = screen.getByTestId('indicator-8');
    expect(within(weak).getByText('ต่ำกว่าเป้าหมาย')).toBeInTheDocument();
    expect(within(weak).getByRole('link', { name: 'ถอดบทเรียนและปรับปรุงการดำเนินงาน' })).toHaveAttribute('href', '/activity/activities/a9');
    expect(within(weak).getByText('ยิ้มแย้มแจ่มใส ใส่ใจบริการ')).toBeInTheDocument();
    expect(within(screen.getByTestId('indicator-3')).queryByText('ต่ำกว่าเป้าหมาย')).not.toBeInTheDocument();
  });

  it('marks a computed sheet that is not final as provisional, never as the official result', () => {
    renderWithProviders(<WeakIndicators loop={{ ...loop, official: false, provisional: true, total: 40, rating: 'F' }} />, { language: 'en' });
    expect(screen.getByText('provisional, not a result yet')).toBeInTheDocument();
    expect(screen.queryByText('official result')).not.toBeInTheDocument();
  });

  it('says so when there are no scores yet', () => {
    renderWithProviders(<WeakIndicators loop={{ ...loop, scoresFiscalYear: null, indicators: [] }} />, { language: 'en' });
    expect(screen.getByText('No scores for this year or the year before yet')).toBeInTheDocument();
  });
});
