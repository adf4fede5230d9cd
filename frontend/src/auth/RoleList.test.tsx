import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { ITA_ROLES } from './claims';
import { RoleList } from './RoleList';

describe('RoleList', () => {
  it('shows every role with its Thai label', () => {
    renderWithProviders(<RoleList roles={ITA_ROLES} />, { language: 'th' });
    const items = within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'ผู้ดูแลระบบ',
      'ผู้ดูแลเขตพื้นที่',
      'ผู้ดูแลหน่วยงาน',
      'ผู้จัดการหลักฐาน OIT',
      'ผู้จัดการกิจกรรม',
      'ผู้ตรวจประเมิน',
    ]);
  });

  it('shows English labels in English', () => {
    renderWithProviders(<RoleList roles={['unit-admin', 'auditor']} />, { language: 'en' });
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Unit administrator', 'Auditor']);
  });

  it('relabels when the language changes', async () => {
    const { i18n } = renderWithProviders(<RoleList roles={['area-admin']} />, { language: 'th' });
    expect(screen.getByRole('listitem')).toHaveTextContent('ผู้ดูแลเขตพื้นที่');
    await act(() => i18n.changeLanguage('en'));
    expect(await screen.findByText('Area administrator')).toBeInTheDocument();
  });

  it('says so when the user has no ITA role', () => {
    renderWithProviders(<RoleList roles={[]} />, { language: 'th' });
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.getByText('ยังไม่มีบทบาทในระบบ ITA')).toBeInTheDocument();
  });
});
