import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { meeting } from './fixtures';
import { MeetingMinutes } from './MeetingMinutes';

describe('MeetingMinutes', () => {
  it('shows the Wednesday minutes in Buddhist-era dates with decisions and overdue actions', async () => {
    const onActionDone = vi.fn();
    renderWithProviders(<MeetingMinutes meetings={[meeting()]} onActionDone={onActionDone} />);
    expect(screen.getByRole('heading', { name: '30 พฤศจิกายน 2565: ประชุมบอร์ดบริหาร: นโยบายไม่รับของขวัญ' })).toBeInTheDocument();
    expect(screen.getByText('ผู้เข้าประชุม 16 คน')).toBeInTheDocument();
    expect(screen.getByText('ผู้อำนวยการประกาศเจตนารมณ์ไม่รับของขวัญ')).toBeInTheDocument();

    const late = screen.getByTestId('action-x1');
    expect(within(late).getByText('เลยกำหนด')).toBeInTheDocument();
    const done = screen.getByTestId('action-x2');
    expect(within(done).getByText('เสร็จแล้ว')).toBeInTheDocument();
    expect(within(done).queryByRole('button')).not.toBeInTheDocument();

    await userEvent.click(within(late).getByRole('button', { name: 'ทำเสร็จแล้ว' }));
    expect(onActionDone).toHaveBeenCalledWith('x1');
  });

  it('offers no buttons to readers who may not change the minutes', () => {
    renderWithProviders(<MeetingMinutes meetings={[meeting()]} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
