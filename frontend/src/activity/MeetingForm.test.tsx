import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ProblemError } from '../api/http';
import { renderWithProviders } from '../test/render';
import type { MeetingInput } from './api';
import { MeetingForm } from './MeetingForm';

/** Picks a date the way she does: day, Thai month name, Buddhist-era year. */
async function pickDate(field: HTMLElement, day: string, month: string, year: string) {
  await userEvent.selectOptions(within(field).getByRole('combobox', { name: 'วัน' }), day);
  await userEvent.selectOptions(within(field).getByRole('combobox', { name: 'เดือน' }), month);
  await userEvent.selectOptions(within(field).getByRole('combobox', { name: 'ปี พ.ศ.' }), year);
}

// The picker offers years around today's: the test's year moves with the clock.
const ce = new Date().getFullYear();
const be = `พ.ศ. ${ce + 543}`;

describe('MeetingForm', () => {
  it('turns the lines of the minutes into agenda items, decisions and action items', async () => {
    const onSubmit = vi.fn(async (_input: MeetingInput) => undefined);
    renderWithProviders(<MeetingForm onSubmit={onSubmit} />);
    await pickDate(screen.getByRole('group', { name: 'วันที่ประชุม' }), '1', 'พฤศจิกายน', be);
    await userEvent.type(screen.getByLabelText('เรื่อง'), 'ประชุมบอร์ดวันพุธ');
    await userEvent.type(screen.getByLabelText('จำนวนผู้เข้าประชุม (คน)'), '17');
    await userEvent.type(screen.getByLabelText(/^วาระ/), 'ประกาศ No Gift Policy | 3, 10');
    await userEvent.type(screen.getByLabelText(/^มติที่ประชุม/), 'ประกาศเจตนารมณ์{enter}ทำโปสเตอร์');
    const first = screen.getByRole('group', { name: 'งานที่ 1' });
    await userEvent.type(within(first).getByLabelText('งาน'), 'ทำโปสเตอร์');
    await userEvent.type(within(first).getByLabelText('ผู้รับผิดชอบ'), 'กลุ่มอำนวยการ');
    await pickDate(within(first).getByRole('group', { name: 'กำหนดเสร็จ' }), '15', 'พฤศจิกายน', be);
    // A second row, then removed: it sends nothing.
    await userEvent.click(screen.getByRole('button', { name: '+ เพิ่มงาน' }));
    await userEvent.type(within(screen.getByRole('group', { name: 'งานที่ 2' })).getByLabelText('งาน'), 'ยกเลิก');
    await userEvent.click(screen.getByRole('button', { name: 'ลบงานที่ 2' }));
    expect(screen.queryByRole('group', { name: 'งานที่ 2' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'บันทึก' }));

    expect(onSubmit).toHaveBeenCalledWith({
      heldOn: `${ce}-11-01`,
      title: 'ประชุมบอร์ดวันพุธ',
      attendeesCount: 17,
      agenda: [{ title: 'ประกาศ No Gift Policy', indicatorCodes: ['3', '10'], activityIds: [] }],
      decisions: ['ประกาศเจตนารมณ์', 'ทำโปสเตอร์'],
      actions: [{ description: 'ทำโปสเตอร์', owner: 'กลุ่มอำนวยการ', dueOn: `${ce}-11-15` }],
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
    await pickDate(screen.getByRole('group', { name: 'วันที่ประชุม' }), '1', 'พฤศจิกายน', be);
    await userEvent.type(screen.getByLabelText('เรื่อง'), 'ประชุม');
    await userEvent.type(screen.getByLabelText('จำนวนผู้เข้าประชุม (คน)'), '5');
    await userEvent.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('actions[0].owner: ต้องไม่ว่าง');
    expect(screen.queryByText('บันทึกแล้ว')).not.toBeInTheDocument();
  });
});
