import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../api/http';
import { LANGUAGE_STORAGE_KEY } from '../i18n';
import { Layout } from '../layout/Layout';
import { renderWithProviders } from '../test/render';
import { HomePage } from './HomePage';
import { Route, Routes } from 'react-router';

const page = (
  <Routes>
    <Route element={<Layout />}>
      <Route index element={<HomePage />} />
    </Route>
  </Routes>
);

describe('home page, logged out', () => {
  it('welcomes in Thai and offers the login button', async () => {
    const { auth } = renderWithProviders(page);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('ยินดีต้อนรับสู่ ITA Online');
    expect(screen.getByRole('banner')).toHaveTextContent('ITA Online');
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ข้ามไปยังเนื้อหาหลัก' })).toHaveAttribute('href', '#main');
    expect(screen.queryByRole('button', { name: 'ออกจากระบบ' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
    expect(auth.login).toHaveBeenCalledTimes(1);
  });

  it('switches to English, updates <html lang> and remembers the choice', async () => {
    renderWithProviders(page, { language: 'th' });
    expect(document.documentElement.lang).toBe('th');
    expect(screen.getByRole('button', { name: 'ไทย' })).toHaveAttribute('aria-pressed', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'English' }));

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Welcome to ITA Online');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'เข้าสู่ระบบ' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    await userEvent.click(screen.getByRole('button', { name: 'ไทย' }));
    expect(screen.getByRole('button', { name: 'เข้าสู่ระบบ' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('th');
  });

  it('tells the user when Keycloak cannot be reached', async () => {
    const login = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderWithProviders(page, { auth: { login } });
    await userEvent.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('ติดต่อระบบยืนยันตัวตนไม่ได้');
    expect(screen.getByRole('button', { name: 'เข้าสู่ระบบ' })).toBeEnabled();
  });

  it('says it is checking while the stored session loads', () => {
    renderWithProviders(page, { auth: { status: 'loading' } });
    expect(screen.getByRole('status')).toHaveTextContent('กำลังตรวจสอบการเข้าสู่ระบบ');
    expect(screen.queryByRole('button', { name: 'เข้าสู่ระบบ' })).not.toBeInTheDocument();
  });
});

describe('home page, logged in', () => {
  it('greets the user and shows unit, roles, services and a logout button', async () => {
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      const name = String(input).split('/')[2]!;
      return Response.json({ service: `${name}-service`, version: '0.1.0-SNAPSHOT', title: { th: `บริการ ${name}`, en: name } });
    });
    const { auth } = renderWithProviders(page, {
      auth: {
        status: 'authenticated',
        session: { name: 'สมศรี ใจดี', roles: ['unit-admin', 'evidence-editor'], unitCode: 'KALASIN2' },
      },
      http: createHttpClient({ baseUrl: '/api', fetch }),
    });

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('สวัสดี สมศรี ใจดี');
    expect(screen.getByTestId('unit-code')).toHaveTextContent('KALASIN2');
    expect(screen.getByText('ผู้ดูแลหน่วยงาน')).toBeInTheDocument();
    expect(screen.getByText('ผู้จัดการหลักฐาน OIT')).toBeInTheDocument();
    expect(await screen.findAllByText('พร้อมใช้งาน')).toHaveLength(4);

    await userEvent.click(screen.getByRole('button', { name: 'ออกจากระบบ' }));
    expect(auth.logout).toHaveBeenCalledTimes(1);
  });
});
