import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { isRespondentPath, Layout } from './Layout';

function pageAt(route: string) {
  return renderWithProviders(
    <Routes>
      <Route element={<Layout />}>
        <Route path="*" element={<p>page</p>} />
      </Route>
    </Routes>,
    { route },
  );
}

describe('header', () => {
  it('on a respondent page has the name and the language only: nothing that invites leaving the questionnaire', () => {
    for (const route of ['/s/R1/KALASIN2/iit', '/e/Zq3xYtW8pK', '/o/Zq3xYtW8pK']) {
      const page = pageAt(route);
      const banner = screen.getByRole('banner');
      expect(banner).toHaveTextContent('ITA Online');
      expect(screen.getByRole('button', { name: 'English' })).toBeInTheDocument();
      expect(screen.queryAllByRole('link').filter((link) => banner.contains(link))).toEqual([]);
      expect(screen.queryByRole('navigation')).toBeNull();
      page.unmount();
    }
  });

  it('elsewhere keeps the home link and the menu', () => {
    pageAt('/scoring/results');
    expect(screen.getByRole('navigation', { name: 'เมนูหลัก' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'หน้าแรก' })).toBeInTheDocument();
    expect(isRespondentPath('/survey/manage')).toBe(false);
    expect(isRespondentPath('/s/R1/U/eit')).toBe(true);
  });
});

describe('menu', () => {
  it('groups an area administrator\'s links by what they are about', () => {
    renderWithProviders(
      <Routes>
        <Route element={<Layout />}>
          <Route path="*" element={<p>page</p>} />
        </Route>
      </Routes>,
      { route: '/', auth: { status: 'authenticated', session: { name: 'ผู้ดูแลเขต', roles: ['area-admin'], unitCode: 'KALASIN2' } } },
    );
    const nav = screen.getByRole('navigation', { name: 'เมนูหลัก' });
    const results = within(nav).getByRole('list', { name: 'ผลการประเมิน' });
    expect(within(results).getByRole('link', { name: 'ภาพรวมเขตพื้นที่' })).toBeInTheDocument();
    const oit = within(nav).getByRole('list', { name: 'หลักฐาน OIT' });
    expect(within(oit).getByRole('link', { name: 'มอบหมายผู้ตรวจ' })).toHaveAttribute('href', '/evidence/auditors');
    expect(within(nav).getAllByRole('list').length).toBeGreaterThanOrEqual(4);
  });
});
