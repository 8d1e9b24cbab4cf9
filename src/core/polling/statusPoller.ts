// Delivery-status polling: one GET per batch (never per recipient), on a schedule that starts soon
// after sending and stretches out, until every recipient is final or validity has passed.
// Zero requests when nothing is pending; 404 means "not yet"; offline it waits.
import type { Clock, Logger } from '../types';
import type { Polls } from '../outbox/polls';
import type { StatusResponse } from '../gateway/types';
import { GatewayError } from '../gateway/errors';
import { VALIDITY_PERIOD_MS } from '../gateway/sendBody';
import { PollLoop } from './pollLoop';

/** Delay before poll step n (the last one repeats). */
export const DEFAULT_POLL_SCHEDULE_MS = [15_000, 60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000];
/** The validity period every message is sent with (validity_period): no report comes after it. */
export const DEFAULT_VALIDITY_MS = VALIDITY_PERIOD_MS;

export interface StatusPollerDeps {
  polls: Polls;
  clock: Clock;
  logger: Logger;
  gateway: () => Promise<{ status(id: number, signal?: AbortSignal): Promise<StatusResponse | null> } | null>;
  changed: (campaignIds: number[]) => void;
  /** A batch just became final for every recipient. */
  batchFinal: (campaignId: number) => void;
  schedule?: number[];
  validityMs?: number;
  /** NO_FINAL_REPORT comes this long after validity (late reports still count). Default: a tenth
   *  of the validity, at most an hour. */
  reportMarginMs?: number;
  /** A write failed; true when the disk is full (reported once by the engine, not per round). */
  storageFailed?: (e: unknown) => boolean;
  /** First wait after a failed poll; doubles while polls keep failing, up to maxRetryMs. */
  offlineRetryMs?: number;
  maxRetryMs?: number;
}

export function nextPollDelay(step: number, schedule: number[]): number {
  return schedule[Math.min(step, schedule.length - 1)];
}

export class StatusPoller {
  private readonly loop = new PollLoop(() => this.turn());
  private readonly schedule: number[];
  /** How long after sending a batch's report can no longer come. */
  private readonly lastReportMs: number;
  /** Polls failing in a row (offline, GatewayAPI down): the retry waits back off on these. */
  private failStreak = 0;
  /** Offline: no poll before this time (woken early by wake()). */
  private holdUntil = 0;
  requests = 0;
  /** When the loop wakes next by itself (null: only when woken); for the UI, the CLI and tests. */
  wakeAt: number | null = null;

  constructor(private readonly d: StatusPollerDeps) {
    this.schedule = d.schedule ?? DEFAULT_POLL_SCHEDULE_MS;
    const validity = d.validityMs ?? DEFAULT_VALIDITY_MS;
    this.lastReportMs = validity + (d.reportMarginMs ?? Math.min(3600_000, validity / 10));
  }

  start(): void {
    this.loop.start();
  }

  wake(): void {
    this.holdUntil = 0;
    this.loop.waker.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One round, then sleep until the next batch is due (or until woken). */
  private async turn(): Promise<void> {
    const { waker } = this.loop;
    let waitMs: number;
    const seen = waker.generation;
    try {
      waitMs = await this.round();
    } catch (e) {
      if (!this.d.storageFailed?.(e)) this.d.logger.error('status poll round failed', { error: String(e) });
      waitMs = this.d.offlineRetryMs ?? 30_000;
    }
    if (this.loop.stopping) return;
    this.wakeAt = Number.isFinite(waitMs) ? this.d.clock.now() + waitMs : null;
    await waker.wait(this.d.clock.sleep, waitMs, seen);
    this.wakeAt = null;
  }

  /** Polls every due batch once; returns how long to sleep before the next round. */
  async round(): Promise<number> {
    const { polls, clock } = this.d;
    if (clock.now() < this.holdUntil) return this.holdUntil - clock.now();
    const due = polls.due(100);
    if (due.length > 0) {
      const gateway = await this.d.gateway();
      if (!gateway) return Infinity; // no token: woken when one is set
      const changed = new Set<number>();
      for (const b of due) {
        if (this.loop.stopping) break;
        const startedAt = Math.max(b.submittedAt, (b.sendAt ?? 0) * 1000);
        // Past the last moment a report can come: say so, whether or not this poll would answer.
        const tooLate = () => clock.now() - startedAt > this.lastReportMs;
        let res: StatusResponse | null;
        try {
          this.requests++;
          res = await gateway.status(b.gatewayId);
          this.failStreak = 0;
        } catch (e) {
          if (tooLate()) {
            if (polls.expire(b.id) > 0) changed.add(b.campaignId);
            this.d.batchFinal(b.campaignId);
            continue;
          }
          if (e instanceof GatewayError && (e.kind === 'transient' || e.kind === 'ambiguous')) {
            // Offline or GatewayAPI busy: retry this batch later without advancing its schedule, and
            // wait longer each time it fails again.
            this.failStreak++;
            const base = this.d.offlineRetryMs ?? 30_000;
            const delay = Math.min(this.d.maxRetryMs ?? 30 * 60_000, base * 2 ** Math.min(20, this.failStreak - 1));
            polls.schedule(b.id, clock.now() + delay, b.pollStep);
            if (e.offline) {
              // No network: asking for the other batches now would fail the same way.
              this.holdUntil = clock.now() + delay;
              break;
            }
            continue;
          }
          this.d.logger.warn('status poll refused', { batch: b.id, error: String(e) });
          polls.schedule(b.id, clock.now() + nextPollDelay(b.pollStep + 1, this.schedule), b.pollStep + 1);
          continue;
        }
        const step = b.pollStep + 1;
        if (res) {
          const { changed: n, pending } = await polls.apply(b.id, res.recipients);
          if (n > 0) changed.add(b.campaignId);
          if (pending === 0) {
            this.d.batchFinal(b.campaignId);
            continue;
          }
        }
        if (tooLate()) {
          if (polls.expire(b.id) > 0) changed.add(b.campaignId);
          this.d.batchFinal(b.campaignId);
          continue;
        }
        polls.schedule(b.id, clock.now() + nextPollDelay(step, this.schedule), step);
      }
      if (changed.size) this.d.changed([...changed]);
    }
    const next = polls.nextAt();
    return next == null ? Infinity : Math.max(0, next - clock.now(), this.holdUntil - clock.now());
  }
}
