import { describe, expect, it } from 'vitest';

// Each page imported the language helpers from i18n/index.ts, which gathered every feature's
// texts, which imported the pages: one cycle through 57 files. A cycle makes the order modules
// run in depend on which is imported first; this keeps the graph acyclic.

// Every source file's text, keyed './dir/file.ts' (Vite reads them; no Node API needed).
const texts = import.meta.glob(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}', '!./**/*.d.ts', '!./test/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const parts = from.split('/').slice(0, -1);
  for (const piece of spec.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  const base = parts.join('/');
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (candidate in texts) return candidate;
  }
  return null;
}

describe('the frontend module graph', () => {
  it('has no import cycle (type-only imports aside)', () => {
    const files = Object.keys(texts);
    expect(files.length).toBeGreaterThan(50);
    const graph = new Map<string, string[]>();
    for (const file of files) {
      const text = texts[file]!;
      const edges: string[] = [];
      for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        if (match[2]) continue; // erased at compile time
        const target = resolveImport(file, match[3]!);
        if (target) edges.push(target);
      }
      graph.set(file, edges);
    }
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
