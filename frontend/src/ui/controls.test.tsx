import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Badge, Button, DataTable, Notice, SelectField, TextField } from './controls';

describe('staff form controls', () => {
  it('ties each label, hint and error to its control', () => {
    render(
      <>
        <TextField label="จำนวนรหัส" hint="ไม่เกิน 2000" error="ต้องเป็นตัวเลข" defaultValue="x" />
        <SelectField label="รอบการประเมิน" choices={[{ value: 'r1', label: 'ITA 2570 (เปิดรับคำตอบ)' }]} value="r1" onChange={() => undefined} />
      </>,
    );
    const count = screen.getByLabelText('จำนวนรหัส');
    expect(count).toHaveAttribute('aria-invalid', 'true');
    expect(count).toHaveAccessibleDescription('ไม่เกิน 2000 ต้องเป็นตัวเลข');
    expect(count).toHaveClass('ui-control');
    expect(screen.getByLabelText('รอบการประเมิน')).toHaveDisplayValue('ITA 2570 (เปิดรับคำตอบ)');
  });

  it('marks buttons by weight and errors as errors', () => {
    render(
      <>
        <Button variant="primary">บันทึก</Button>
        <Button>ยกเลิก</Button>
        <Notice tone="error">อัปโหลดไม่สำเร็จ</Notice>
        <Notice tone="success">อัปโหลดแล้ว</Notice>
      </>,
    );
    expect(screen.getByRole('button', { name: 'บันทึก' })).toHaveClass('button', 'primary');
    expect(screen.getByRole('button', { name: 'ยกเลิก' })).toHaveClass('button', 'secondary');
    expect(screen.getByRole('alert')).toHaveTextContent('อัปโหลดไม่สำเร็จ');
    expect(screen.getByRole('alert')).toHaveClass('tone-error');
    expect(screen.getByRole('status')).toHaveClass('tone-success');
  });

  it('scrolls a wide table inside its own named, focusable box', () => {
    render(
      <DataTable label="ชุดรหัส">
        <tbody>
          <tr>
            <td>1</td>
          </tr>
        </tbody>
      </DataTable>,
    );
    const region = screen.getByRole('region', { name: 'ชุดรหัส' });
    expect(region).toHaveClass('ui-table-wrap');
    expect(region).toHaveAttribute('tabindex', '0');
  });

  it('shows a state in words with its code kept for tests', () => {
    render(<Badge tone="success" code="DONE">เสร็จสิ้น</Badge>);
    expect(screen.getByText('เสร็จสิ้น')).toHaveAttribute('data-status', 'DONE');
    expect(screen.getByText('เสร็จสิ้น')).toHaveClass('ui-badge', 'tone-success');
  });
});
