import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ProblemError } from '../api/http';
import { renderWithProviders } from '../test/render';
import type { MeetingInput } from './api';
import { MeetingForm } from './MeetingForm';

describe('MeetingForm', () => {
  it('turns the lines of the minutes into agenda items, decisions and action items', async () => {
    const onSubmit = vi.fn(async (_input: MeetingInput) => undefined);
    renderWithProviders(<MeetingForm onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('วันที่ประชุม'), '2023-11-01');
    await userEvent.type(screen.getByLabelText('เรื่อง'), 'ประชุมบอร์ดวันพุธ');
    await userEvent.type(screen.getByLabelText('จำนวนผู้เข้าประชุม (คน)'), '17');
    await userEvent.type(screen.getByLabelText(/^วาระ/), 'ประกาศ No Gift Policy | 3, 10');
    await userEvent.type(screen.getByLabelText(/^มติที่ประชุม/), 'ประกาศเจตนารมณ์{enter}ทำโปสเตอร์');
    await userEvent.type(screen.getByLabelText(/^สิ่งที่ต้องดำเนินการ/), 'ทำโปสเตอร์ | กลุ่มอำนวยการ | 2023-11-15');
    await userEvent.click(screen.getByRole('button', { name: 'บันทึก' }));

    expect(onSubmit).toHaveBeenCalledWith({
      heldOn: '2023-11-01',
      title: 'ประชุมบอร์ดวันพุธ',
      attendeesCount: 17,
      agenda: [{ title: 'ประกาศ No Gift Policy', indicatorCodes: ['3', '10'], activityIds: [] }],
      decisions: ['ประกาศเจตนารมณ์', 'ทำโปสเตอร์'],
      actions: [{ description: 'ทำโปสเตอร์', owner: 'กลุ่มอำนวยการ', dueOn: '2023-11-15' }],
    });
    expect(await screen.findByText('บันทึกแล้ว')).toBeInTheDocument();
  });

  it("lists the service's field errors", async () => {
    const onSubmit = vi.fn(async () => {
      throw new ProblemError(
        { status: 400, detail_th: 'ข้อมูลบางช่องไม่ถูกต้อง', errors: [{ field: 'actions[0].owner', message: 'ต้องไม่ว่าง' }] },
        400,
      );
    });
    renderWithProviders(<MeetingForm onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('วันที่ประชุม'), '2023-11-01');
    await userEvent.type(screen.getByLabelText('เรื่อง'), 'ประชุม');
    await userEvent.type(screen.getByLabelText('จำนวนผู้เข้าประชุม (คน)'), '5');
    await userEvent.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('actions[0].owner: ต้องไม่ว่าง');
    expect(screen.queryByText('บันทึกแล้ว')).not.toBeInTheDocument();
  });
});
