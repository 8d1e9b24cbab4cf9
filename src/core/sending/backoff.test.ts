import { describe, expect, it } from 'vitest';
import { backoffDelay, RateLimiter, Waker } from './backoff';
import { FakeClock } from '../testing';

describe('backoffDelay', () => {
  const p = { baseMs: 1000, capMs: 8000 };
  it('doubles per attempt up to the cap, with half of it jittered', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, p, () => 1))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, p, () => 0))).toEqual([500, 1000, 2000, 4000, 4000]);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(3, p);
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });
});

describe('Waker', () => {
  it('wake() cuts a wait short', async () => {
    const clock = new FakeClock();
    const w = new Waker();
    let done = false;
    const p = w.wait(clock.sleep, 60_000).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    w.wake();
    await p;
    expect(clock.sleeping).toBe(0);
  });

  it('a wake between "looked for work" and "wait" is not lost', async () => {
    const clock = new FakeClock();
    const w = new Waker();
    const seen = w.generation; // looked, found nothing...
    w.wake(); // ...new work arrives before we sleep
    await w.wait(clock.sleep, Infinity, seen); // must return at once
    expect(clock.sleeping).toBe(0);
  });
});

describe('RateLimiter', () => {
  it('lets a minute’s worth go at once, then paces to the rate', () => {
    let t = 0;
    const r = new RateLimiter(
      () => 60,
      () => t,
    );
    expect(r.take(30)).toBe(0);
    expect(r.take(30)).toBe(0);
    expect(r.take(10)).toBe(10_000);
    t += 10_000;
    expect(r.take(10)).toBe(0);
  });
  it('no limit set: never waits', () => {
    const r = new RateLimiter(
      () => null,
      () => 0,
    );
    expect(r.take(1e6)).toBe(0);
  });
});
