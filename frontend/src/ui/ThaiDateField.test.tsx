import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { isoToParts, partsToIso, ThaiDateField } from './ThaiDateField';

describe('Buddhist-era date field', () => {
  it('converts between the ISO date the services take and day / month / year พ.ศ.', () => {
    expect(isoToParts('2023-11-05')).toEqual({ day: '5', month: '11', year: '2566' });
    expect(partsToIso({ day: '5', month: '11', year: '2566' })).toBe('2023-11-05');
    expect(partsToIso({ day: '31', month: '2', year: '2567' })).toBe('2024-02-29'); // leap year, clamped
    expect(partsToIso({ day: '5', month: '', year: '2566' })).toBe('');
  });

  it('shows the year in พ.ศ. and Thai month names, and sends ISO', async () => {
    const changes = vi.fn();
    function Form() {
      const [value, setValue] = useState('2023-11-05');
      return (
        <ThaiDateField
          label="กำหนดเสร็จ"
          value={value}
          years={[2566, 2567]}
          onChange={(iso) => {
            changes(iso);
            setValue(iso);
          }}
        />
      );
    }
    renderWithProviders(<Form />);
    const field = screen.getByRole('group', { name: 'กำหนดเสร็จ' });
    const year = within(field).getByRole('combobox', { name: 'ปี พ.ศ.' });
    expect(year).toHaveDisplayValue('พ.ศ. 2566');
    expect(within(field).getByRole('combobox', { name: 'เดือน' })).toHaveDisplayValue('พฤศจิกายน');
    expect(within(year).queryByText(/2023|2024/)).not.toBeInTheDocument();
    await userEvent.selectOptions(year, 'พ.ศ. 2567');
    expect(changes).toHaveBeenLastCalledWith('2024-11-05');
    await userEvent.selectOptions(within(field).getByRole('combobox', { name: 'เดือน' }), 'เดือน');
    expect(changes).toHaveBeenLastCalledWith('');
  });
});
