// A Clock whose time moves only when a test says so. sleep() resolves when advance() passes its due
// time, so backoff and polling schedules of hours run in milliseconds and exactly.
import type { Clock } from '../types';

interface Sleeper {
  at: number;
  resolve: () => void;
}

export class FakeClock implements Clock {
  private t: number;
  private sleepers: Sleeper[] = [];

  constructor(start = Date.UTC(2026, 0, 5, 12, 0, 0)) {
    this.t = start;
  }

  now = (): number => this.t;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const abortError = () => signal?.reason ?? new DOMException('Aborted', 'AbortError');
      if (signal?.aborted) return reject(abortError());
      if (!(ms > 0)) {
        // Zero-length sleeps still yield to I/O, as setTimeout(0) would.
        setImmediate(resolve);
        return;
      }
      const s: Sleeper = {
        at: this.t + ms,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.sleepers = this.sleepers.filter((x) => x !== s);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sleepers.push(s);
    });

  /** Moves time forward by ms and wakes every sleep that is due by then. */
  advance(ms: number): void {
    this.t += ms;
    const due = this.sleepers.filter((s) => s.at <= this.t).sort((a, b) => a.at - b.at);
    this.sleepers = this.sleepers.filter((s) => s.at > this.t);
    for (const s of due) s.resolve();
  }

  /** Sleeps currently waiting (a test can wait for a worker to settle into one). */
  get sleeping(): number {
    return this.sleepers.length;
  }
}
