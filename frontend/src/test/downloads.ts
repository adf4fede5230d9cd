import { vi } from 'vitest';

/**
 * Catches what `downloadTable` would save: the files' requests go to `answer` (through the global
 * fetch it uses) and each saved file's name lands in `saved`. Undone by vi.unstubAllGlobals() and
 * vi.restoreAllMocks() after each test.
 */
export function captureDownloads(answer: () => Response = () => new Response('x', { status: 200 })) {
  const files = vi.fn(async (_url: string, _init?: RequestInit) => answer());
  vi.stubGlobal('fetch', files);
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:download');
  vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
  const saved: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  return { files, saved };
}
