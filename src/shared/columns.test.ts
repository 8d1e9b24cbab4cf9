import { describe, expect, it } from 'vitest';
import { columnNames } from './columns';

describe('columnNames', () => {
  it('numbers repeats, skipping names already taken', () => {
    expect(columnNames(['A', 'a', 'A (2)', 'A', ''], 5)).toEqual(['A', 'a (2)', 'A (2) (2)', 'A (3)', 'Column 5']);
  });
  it('20,000 equal header cells take linear time (a crafted header once froze the app for seconds)', () => {
    const headers = Array.from({ length: 20_000 }, () => 'x');
    const t0 = performance.now();
    const names = columnNames(headers, headers.length);
    const ms = performance.now() - t0;
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(20_000);
    expect(names.at(-1)).toBe('x (20000)');
    expect(ms).toBeLessThan(2000); // ~10 ms on an idle machine; the quadratic version took over 10 s
  });
});
