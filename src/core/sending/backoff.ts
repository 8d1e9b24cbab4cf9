// Capped exponential backoff with jitter ("equal jitter": half fixed, half random) so that many
// clients coming back after an outage do not retry in lock-step.
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export function backoffDelay(attempt: number, p: BackoffPolicy, random: () => number = Math.random): number {
  const exp = Math.min(p.capMs, p.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** A wait that `wake()` can cut short: network back, new work, resume. */
export class Waker {
  private controller = new AbortController();
  private gen = 0;

  /**
   * Take this before looking for work and pass it to wait(): a wake() that lands after the look but
   * before the wait then still cuts the wait short instead of being lost (the loop would otherwise
   * sleep with work queued until the next wake).
   */
  get generation(): number {
    return this.gen;
  }

  wake(): void {
    this.gen++;
    this.controller.abort();
    this.controller = new AbortController();
  }

  /** Resolves after ms (Infinity = until woken) or when woken (also since `seen`); never rejects. */
  async wait(sleep: (ms: number, signal: AbortSignal) => Promise<void>, ms: number, seen?: number): Promise<void> {
    if (seen !== undefined && seen !== this.gen) return;
    const signal = this.controller.signal;
    if (signal.aborted) return;
    const capped = Number.isFinite(ms) ? Math.max(0, ms) : 2 ** 31 - 1;
    await sleep(Math.min(capped, 2 ** 31 - 1), signal).catch(() => undefined);
  }
}

/** Messages-per-minute limit as a token bucket; the bucket holds at most one minute's worth. */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perMinute: () => number | null,
    private readonly now: () => number,
  ) {
    this.tokens = perMinute() ?? 0;
    this.last = now();
  }

  /** Ms to wait before `n` messages may go; 0 = go now (and the tokens are taken). */
  take(n: number): number {
    const rate = this.perMinute();
    if (rate == null) return 0;
    const t = this.now();
    this.tokens = Math.min(rate, this.tokens + ((t - this.last) * rate) / 60000);
    this.last = t;
    const need = Math.min(n, rate);
    if (this.tokens >= need) {
      this.tokens -= need;
      return 0;
    }
    return Math.ceil(((need - this.tokens) * 60000) / rate);
  }
}
