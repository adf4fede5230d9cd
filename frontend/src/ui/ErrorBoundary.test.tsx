import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

function Broken(): never {
  throw new RangeError('Invalid time value');
}

describe('ErrorBoundary', () => {
  it('shows its fallback for a part that fails to render, and the rest of the page stays', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <main>
        <h1>สวัสดี</h1>
        <ErrorBoundary fallback={<p role="alert">แสดงส่วนนี้ไม่ได้</p>}>
          <Broken />
        </ErrorBoundary>
      </main>,
    );
    expect(screen.getByRole('heading', { name: 'สวัสดี' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('แสดงส่วนนี้ไม่ได้');
  });
});
