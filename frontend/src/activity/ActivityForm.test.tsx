import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ProblemError } from '../api/http';
import { renderWithProviders } from '../test/render';
import { toInput, type ActivityInput } from './api';
import { ActivityForm } from './ActivityForm';
import { activity } from './fixtures';

describe('ActivityForm', () => {
  it('sends the edited activity with codes and links split into lists', async () => {
    const onSubmit = vi.fn(async (_input: ActivityInput) => undefined);
    renderWithProviders(<ActivityForm initial={toInput(activity())} onSubmit={onSubmit} />);

    await userEvent.selectOptions(screen.getByLabelText('สถานะ'), 'DONE');
    await userEvent.click(screen.getByLabelText('T: ใช้เทคโนโลยี'));
    const oit = screen.getByLabelText('ข้อ OIT ที่เกี่ยวข้อง (เช่น O33, O35)');
    await userEvent.clear(oit);
    await userEvent.type(oit, 'o33, O35');
    await userEvent.type(screen.getByLabelText('ลิงก์หลักฐาน (บรรทัดละหนึ่งลิงก์)'), 'https://example.go.th/o33.pdf');
    await userEvent.click(screen.getByRole('button', { name: 'บันทึก' }));

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({
      status: 'DONE',
      mettaElements: ['MANAGEMENT', 'ATTITUDE', 'TECHNOLOGY'],
      oitItemCodes: ['O33', 'O35'],
      indicatorCodes: ['3', '10'],
      evidenceLinks: ['https://example.go.th/o33.pdf'],
    });
    expect(await screen.findByText('บันทึกแล้ว')).toBeInTheDocument();
  });

  it('shows the service problem and the field error next to the field', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ProblemError(
        {
          type: 'urn:ita:problem:invalid-input',
          status: 400,
          detail_th: 'ข้อมูลบางช่องไม่ถูกต้อง กรุณาแก้ไขตามรายการข้อผิดพลาด',
          detail_en: 'Some fields are not valid.',
          errors: [{ field: 'budget', message: 'must be greater than or equal to 0' }],
        },
        400,
      );
    });
    renderWithProviders(<ActivityForm initial={toInput(activity())} onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('งบประมาณ (บาท)'), '-5');
    await userEvent.click(screen.getByRole('button', { name: 'บันทึก' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('ข้อมูลบางช่องไม่ถูกต้อง');
    expect(screen.getByLabelText('งบประมาณ (บาท)')).toHaveAccessibleDescription('must be greater than or equal to 0');
    expect(screen.queryByText('บันทึกแล้ว')).not.toBeInTheDocument();
  });

  it('is read-only for a reader', () => {
    renderWithProviders(<ActivityForm initial={toInput(activity())} onSubmit={vi.fn()} readOnly />);
    expect(screen.queryByRole('button', { name: 'บันทึก' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('ชื่อกิจกรรม')).toBeDisabled();
  });
});
