import { describe, expect, it } from 'vitest';
import { quietUntil } from './quietHours';

const at = (h: number, m = 0) => new Date(2026, 10, 25, h, m).getTime();
const q = { enabled: true, start: '21:00', end: '08:00' };

describe('quiet hours', () => {
  it('holds sending inside a window that wraps midnight, until its end', () => {
    expect(quietUntil(at(22, 30), q)).toBe(new Date(2026, 10, 26, 8, 0).getTime());
    expect(quietUntil(at(3), q)).toBe(at(8));
  });

  it('lets sending go outside the window and when disabled', () => {
    expect(quietUntil(at(12), q)).toBeNull();
    expect(quietUntil(at(8), q)).toBeNull();
    expect(quietUntil(at(22), { ...q, enabled: false })).toBeNull();
  });

  it('handles a same-day window', () => {
    const lunch = { enabled: true, start: '12:00', end: '13:00' };
    expect(quietUntil(at(12, 15), lunch)).toBe(at(13));
    expect(quietUntil(at(13), lunch)).toBeNull();
  });
});
