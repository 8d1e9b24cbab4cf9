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

  it('a timed wait nobody cuts short runs out by itself after its time, not before', async () => {
    const clock = new FakeClock();
    const w = new Waker();
    const settle = () => new Promise<void>((r) => setImmediate(r));
    let done = false;
    void w.wait(clock.sleep, 60_000, w.generation).then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    clock.advance(59_999);
    await settle();
    expect(done).toBe(false);
    clock.advance(1);
    await settle();
    expect(done).toBe(true);
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

  it('refills mid-minute at the rate and waits only for the tokens still missing', () => {
    const clock = new FakeClock();
    const r = new RateLimiter(() => 60, clock.now);
    expect(r.take(60)).toBe(0); // the bucket is empty now
    clock.advance(10_000); // 10 s at 60/min: 10 messages' worth back
    expect(r.take(20)).toBe(10_000); // 10 more to come, one a second
    clock.advance(10_000);
    expect(r.take(20)).toBe(0);
  });

  it('a limit set after sending unlimited for over a minute starts with a full minute’s worth', () => {
    const clock = new FakeClock();
    let limit: number | null = null;
    const r = new RateLimiter(() => limit, clock.now);
    expect(r.take(1000)).toBe(0);
    clock.advance(120_000);
    expect(r.take(1000)).toBe(0);
    limit = 60;
    expect(r.take(60)).toBe(0);
    expect(r.take(1)).toBe(1000);
  });
});
