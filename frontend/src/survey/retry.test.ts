import { describe, expect, it, vi } from 'vitest';
import { ProblemError } from '../api/http';
import { withRetry } from './retry';

const policy = { attempts: 3, timeoutMs: 50, pausesMs: [1, 2] };
const noPause = async () => undefined;

describe('sending again over a poor connection', () => {
  it('sends again after a network failure and after a timeout, then gives the answer', async () => {
    let calls = 0;
    const send = vi.fn(async (signal: AbortSignal) => {
      calls++;
      if (calls === 1) throw new TypeError('Failed to fetch');
      if (calls === 2) {
        // Never answers: abandoned by the timeout.
        return new Promise<string>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      }
      return 'received';
    });
    await expect(withRetry(send, policy, noPause)).resolves.toBe('received');
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('does not send again what the service has answered, and gives up after the last try', async () => {
    const refused = vi.fn(async () => {
      throw new ProblemError({ type: 'urn:ita:problem:code-used', status: 409 }, 409);
    });
    await expect(withRetry(refused, policy, noPause)).rejects.toBeInstanceOf(ProblemError);
    expect(refused).toHaveBeenCalledTimes(1);

    const gatewayDown = vi.fn(async () => {
      throw new ProblemError({ status: 503 }, 503);
    });
    await expect(withRetry(gatewayDown, policy, noPause)).rejects.toBeInstanceOf(ProblemError);
    expect(gatewayDown).toHaveBeenCalledTimes(3);
  });
});
