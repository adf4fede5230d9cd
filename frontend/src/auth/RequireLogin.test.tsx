import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { safeReturnPath } from './AuthContext';
import { LoginCallbackPage } from './LoginCallbackPage';
import { RequireLogin } from './RequireLogin';

describe('a staff screen opened while logged out', () => {
  it('asks her to log in and sends the page she opened through the login', async () => {
    const { auth } = renderWithProviders(
      <RequireLogin>
        <p>แบบฟอร์ม</p>
      </RequireLogin>,
      { route: '/survey/manage?round=R1&unit=KALASIN2' },
    );
    expect(screen.getByRole('heading', { name: 'กรุณาเข้าสู่ระบบ' })).toBeInTheDocument();
    expect(screen.queryByText('แบบฟอร์ม')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
    expect(auth.login).toHaveBeenCalledWith('/survey/manage?round=R1&unit=KALASIN2');
  });

  it('shows the page itself once logged in', () => {
    renderWithProviders(
      <RequireLogin>
        <p>แบบฟอร์ม</p>
      </RequireLogin>,
      { auth: { status: 'authenticated', session: { name: 'x', roles: ['unit-admin'], unitCode: 'KALASIN2' } as never } },
    );
    expect(screen.getByText('แบบฟอร์ม')).toBeInTheDocument();
  });

  it('returns to that page after the login callback, and only to a path of this app', async () => {
    renderWithProviders(
      <Routes>
        <Route path="login-callback" element={<LoginCallbackPage />} />
        <Route path="survey/manage" element={<p>หน้าแบบวัด</p>} />
      </Routes>,
      { route: '/login-callback?code=c&state=s', auth: { completeLogin: vi.fn(async () => '/survey/manage?round=R1') } },
    );
    await waitFor(() => expect(screen.getByText('หน้าแบบวัด')).toBeInTheDocument());
    expect(safeReturnPath('//evil.example/x')).toBeUndefined();
    expect(safeReturnPath('https://evil.example/')).toBeUndefined();
    expect(safeReturnPath('/evidence/reviews')).toBe('/evidence/reviews');
  });
});
