import { describe, expect, it } from 'vitest';
import { KEEP_FOR_MS, clearProgress, loadProgress, progressKey, saveProgress, startingPoint, type KeptProgress } from './keptProgress';

const T0 = Date.UTC(2026, 11, 6, 9, 0);
const progress: KeptProgress = {
  code: '7KQ2M-XH4PA',
  answers: { i1: '4', i3: 'N' },
  step: 2,
  submissionId: '0b7c5a4e-1f2d-4c3b-9a8e-7d6c5b4a3f21',
  category: null,
};

describe('progress kept on the phone', () => {
  it('resumes the code, the answers, the step and the submission id after a reload', () => {
    saveProgress(localStorage, 'R1', 'KALASIN2', 'IIT', progress, T0);
    expect(loadProgress(localStorage, 'R1', 'KALASIN2', 'IIT', T0 + 60_000)).toEqual(progress);
    // Another questionnaire (instrument, unit) has its own.
    expect(loadProgress(localStorage, 'R1', 'KALASIN2', 'EIT', T0)).toBeNull();
    expect(loadProgress(localStorage, 'R1', 'OTHER', 'IIT', T0)).toBeNull();
  });

  it('expires one day after the last change, and an expired one is removed from the phone', () => {
    saveProgress(localStorage, 'R1', 'KALASIN2', 'IIT', progress, T0);
    saveProgress(localStorage, 'R1', 'KALASIN2', 'IIT', { ...progress, step: 3 }, T0 + KEEP_FOR_MS / 2);
    expect(loadProgress(localStorage, 'R1', 'KALASIN2', 'IIT', T0 + KEEP_FOR_MS)?.step).toBe(3);
    expect(loadProgress(localStorage, 'R1', 'KALASIN2', 'IIT', T0 + KEEP_FOR_MS * 1.5 + 1)).toBeNull();
    expect(localStorage.getItem(progressKey('R1', 'KALASIN2', 'IIT'))).toBeNull();
  });

  it('forgets the expired progress of every questionnaire, not only the one opened', () => {
    saveProgress(localStorage, 'R0', 'SCHOOL9', 'EIT', { ...progress, code: null }, T0);
    loadProgress(localStorage, 'R1', 'KALASIN2', 'IIT', T0 + KEEP_FOR_MS + 1);
    expect(localStorage.getItem(progressKey('R0', 'SCHOOL9', 'EIT'))).toBeNull();
  });

  it('is cleared once the answers are acknowledged: no code, answer or submission id stays', () => {
    saveProgress(localStorage, 'R1', 'KALASIN2', 'IIT', progress, T0);
    clearProgress(localStorage, 'R1', 'KALASIN2', 'IIT');
    expect(loadProgress(localStorage, 'R1', 'KALASIN2', 'IIT', T0)).toBeNull();
    expect(JSON.stringify({ ...localStorage })).not.toContain(progress.submissionId);
  });

  it('drops what it cannot read instead of failing the page', () => {
    localStorage.setItem(progressKey('R1', 'KALASIN2', 'IIT'), '{"step": "two"');
    expect(loadProgress(localStorage, 'R1', 'KALASIN2', 'IIT', T0)).toBeNull();
    expect(localStorage.getItem(progressKey('R1', 'KALASIN2', 'IIT'))).toBeNull();
    expect(loadProgress(undefined, 'R1', 'KALASIN2', 'IIT', T0)).toBeNull();
  });

  it('starts afresh, dropping the kept answers, when a QR brings another code (a colleague on a shared phone)', () => {
    const resumed = startingPoint(progress, null, 3, () => 'new-id');
    expect(resumed).toEqual({ progress, checkCode: null, dropped: false });
    expect(startingPoint(progress, progress.code, 3, () => 'new-id').progress).toEqual(progress);
    expect(startingPoint(progress, null, 1, () => 'new-id').progress.step).toBe(1);

    const other = startingPoint(progress, '22222-33333', 3, () => 'new-id');
    expect(other).toEqual({
      progress: { code: null, answers: {}, step: 0, submissionId: 'new-id', category: null },
      checkCode: '22222-33333',
      dropped: true,
    });
    expect(startingPoint(null, null, 3, () => 'new-id').dropped).toBe(false);
  });
});
