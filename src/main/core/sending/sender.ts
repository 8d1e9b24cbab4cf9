// The sender loop: claim a batch → commit in_flight → write the request → record the outcome.
// Only failures that prove the request was not processed are retried by themselves; anything that
// may have been accepted becomes `uncertain` for the user to decide (GatewayAPI has no idempotency key).
import type { Clock, Logger } from '../types';
import type { Queue, ClaimedBatch } from '../outbox/queue';
import { LeaseLostError } from '../outbox/lease';
import type { SendRequest, SendResponse } from '../gateway/types';
import { GatewayError } from '../gateway/errors';
import type { PauseReason } from '../../../shared/states';
import { backoffDelay, RateLimiter, Waker, type BackoffPolicy } from './backoff';
import { QuietCheck, type QuietHours } from './quietHours';

export interface SenderDeps {
  queue: Queue;
  clock: Clock;
  logger: Logger;
  /** The gateway, or null when no token is available (then the outbox pauses for auth). */
  gateway: () => Promise<{ send(req: SendRequest, signal?: AbortSignal): Promise<SendResponse> } | null>;
  config: () => { batchSize: number; ratePerMinute: number | null; maxConcurrent: number; quietHours?: QuietHours };
  paused: () => PauseReason;
  pause: (reason: Exclude<PauseReason, null>, message: string) => void;
  /** Something changed for these campaigns (the UI refreshes). */
  changed: (campaignIds: number[]) => void;
  /** A batch was accepted: refresh credit, start polling. */
  submitted: (batchId: number) => void;
  uncertain: (count: number) => void;
  leaseLost: () => void;
  /** When to poll a batch's status first. */
  firstPollDelayMs: number;
  retry?: Partial<BackoffPolicy & { maxAgeMs: number; offlineMaxMs: number }>;
  random?: () => number;
  /** Turns a batch into GatewayAPI's userref/label etc. */
  decorate?: (req: SendRequest, batch: ClaimedBatch) => SendRequest;
}

/** The settings allow at most this many concurrent requests (GatewayAPI allows 40 connections). */
const MAX_WORKERS = 10;

export interface SenderState {
  offline: boolean;
  retryAt: number | null;
  running: number;
  /** Everything queued is inside its quiet window; the first window ends at this time. */
  quietUntil: number | null;
}

export class Sender {
  private readonly waker = new Waker();
  private readonly limiter: RateLimiter;
  private workers: Promise<void>[] = [];
  private stopP: Promise<void> | null = null;
  private wanted = false;
  private stopping = false;
  private active = 0;
  /** Consecutive "no network" failures: the offline probe backs off on these, not on the batch's tries. */
  private offlineStreak = 0;
  /** Batches waiting only for the network; wake() (network back) retries them at once. */
  private readonly offlineWaiting = new Set<number>();
  state: SenderState = { offline: false, retryAt: null, running: 0, quietUntil: null };
  private readonly retry: BackoffPolicy & { maxAgeMs: number; offlineMaxMs: number };
  private readonly quiet = new QuietCheck();
  /** The earliest end of a held country's quiet window: an idle loop wakes then to send to it. */
  private quietWakeAt: number | null = null;

  constructor(private readonly d: SenderDeps) {
    this.limiter = new RateLimiter(() => d.config().ratePerMinute, d.clock.now);
    this.retry = { baseMs: 2000, capMs: 5 * 60_000, maxAgeMs: 6 * 3600_000, offlineMaxMs: 30_000, ...d.retry };
  }

  start(): void {
    this.wanted = true;
    // Workers of a previous run still finishing (the lease came back quickly): start after them.
    if (this.stopP) {
      void this.stopP.then(() => {
        if (this.wanted) this.start();
      });
      return;
    }
    if (this.workers.length > 0) return;
    this.stopping = false;
    // One loop per allowed concurrent request; loops above the current setting idle, so a change in
    // Settings takes effect without a restart.
    for (let i = 0; i < MAX_WORKERS; i++) this.workers.push(this.loop(i));
  }

  wake(): void {
    if (this.offlineWaiting.size > 0) {
      try {
        this.d.queue.retryNow([...this.offlineWaiting]);
      } catch (e) {
        // Lease lost: the workers find out on their next claim.
        this.d.logger.warn('could not expedite offline retries', { error: String(e) });
      }
      this.offlineWaiting.clear();
    }
    this.waker.wake();
  }

  /** Lets requests already written finish (their outcome is recorded), then resolves. */
  async stop(): Promise<void> {
    this.wanted = false;
    this.stopping = true;
    this.waker.wake();
    this.stopP ??= Promise.all(this.workers).then(() => {
      this.workers = [];
      this.stopP = null;
    });
    await this.stopP;
  }

  /** Resolves when nothing is queued, claimed or in flight and no retry is due soon (CLI, tests). */
  idle(): boolean {
    return this.active === 0 && !this.d.queue.hasQueued() && this.d.queue.nextRetryAt() == null;
  }

  private async loop(worker: number): Promise<void> {
    while (!this.stopping) {
      try {
        const seen = this.waker.generation;
        const worked = worker < Math.max(1, this.d.config().maxConcurrent) && (await this.step());
        if (!worked && !this.stopping) {
          const paused = this.d.paused();
          const retryAt = paused ? null : this.d.queue.nextRetryAt();
          this.state.retryAt = retryAt;
          const next = paused ? null : earliest(retryAt, this.quietWakeAt);
          await this.waker.wait(this.d.clock.sleep, next == null ? Infinity : next - this.d.clock.now(), seen);
        }
      } catch (e) {
        if (e instanceof LeaseLostError) {
          this.d.logger.warn('sender lease lost; stopping', { worker });
          this.stopping = true;
          this.d.leaseLost();
          return;
        }
        this.d.logger.error('sender step failed', { error: String(e) });
        await this.waker.wait(this.d.clock.sleep, 5000);
      }
    }
  }

  /** One claim-send-record cycle; false when there was nothing to do. */
  private async step(): Promise<boolean> {
    if (this.d.paused()) return false;
    const cfg = this.d.config();
    const now = this.d.clock.now();
    // Quiet hours: batches of one country each, none for a country inside its window. A retry is
    // claimed whatever its country: it was formed and scheduled before (rare; see claimNext).
    const q = cfg.quietHours?.enabled ? this.quiet.countries(now, cfg.quietHours, this.d.queue.queuedCountries()) : null;
    this.quietWakeAt = q?.until ?? null;
    const held = q != null && !q.open && q.until != null;
    this.state.quietUntil = held ? q.until : null;
    if (held && !this.retryDue(now)) return false;
    const size = Math.max(1, Math.min(cfg.batchSize, 10000, cfg.ratePerMinute ?? Infinity));
    const wait = this.limiter.take(0);
    if (wait > 0) {
      await this.waker.wait(this.d.clock.sleep, wait);
      return true;
    }
    // Offline: only the waiting batch probes the network; claiming more would fail them all in turn.
    const retryAt = this.state.offline ? this.d.queue.nextRetryAt() : null;
    if (retryAt != null && retryAt > this.d.clock.now()) return false;
    const gateway = await this.d.gateway();
    if (!gateway) {
      if (this.d.queue.hasQueued() || this.d.queue.nextRetryAt() != null) {
        this.d.pause('auth', 'No GatewayAPI token is set. Enter your API token in Settings, then resume.');
      }
      return false;
    }
    const batch = this.d.queue.claimNext(size, q ? { byCountry: true, quietCountries: q.quiet } : undefined);
    if (!batch) return false;
    // Rate limit: hold the claim until the bucket allows this batch (a crash meanwhile puts it back
    // in the queue); give it back only if sending stops, pauses or the campaign is paused/cancelled.
    let delay = this.limiter.take(batch.recipients.length);
    while (delay > 0) {
      await this.waker.wait(this.d.clock.sleep, delay);
      if (this.stopping || this.d.paused() || !this.d.queue.campaignActive(batch.campaignId)) {
        this.d.queue.releaseClaim(batch.id);
        return true;
      }
      delay = this.limiter.take(batch.recipients.length);
    }
    this.active++;
    this.state.running = this.active;
    try {
      await this.send(batch, gateway);
    } finally {
      this.active--;
      this.state.running = this.active;
      this.d.changed([batch.campaignId]);
    }
    return true;
  }

  private request(batch: ClaimedBatch): SendRequest {
    const tagged = batch.tags.length > 0;
    const req: SendRequest = {
      sender: batch.sender,
      message: batch.message,
      encoding: batch.encoding === 'UCS2' ? 'UCS2' : 'UTF8',
      recipients: batch.recipients.map((r) =>
        tagged ? { msisdn: r.msisdn, tagvalues: r.tagvalues ?? batch.tags.map(() => '') } : { msisdn: r.msisdn },
      ),
      ...(tagged ? { tags: batch.tags } : {}),
      ...(batch.sendAt != null && batch.sendAt * 1000 > this.d.clock.now() ? { sendtime: batch.sendAt } : {}),
      userref: `sms-outbox:${batch.campaignId}:${batch.id}`,
    };
    return this.d.decorate ? this.d.decorate(req, batch) : req;
  }

  private async send(batch: ClaimedBatch, gateway: { send(req: SendRequest): Promise<SendResponse> }): Promise<void> {
    const { queue, clock } = this.d;
    const req = this.request(batch);
    // Committed before the first byte: a crash from here on leaves these recipients `uncertain`.
    const attemptId = queue.markInFlight(batch.id, batch.recipients.length);
    let res: SendResponse;
    try {
      res = await gateway.send(req);
    } catch (e) {
      this.failed(batch, attemptId, e);
      return;
    }
    this.state.offline = false;
    this.offlineStreak = 0;
    const scheduled = req.sendtime != null;
    const firstPoll = (scheduled ? req.sendtime! * 1000 : clock.now()) + this.d.firstPollDelayMs;
    queue.markSubmitted(batch.id, attemptId, res, firstPoll, scheduled);
    this.d.submitted(batch.id);
  }

  private failed(batch: ClaimedBatch, attemptId: number, e: unknown): void {
    const { queue, clock } = this.d;
    const err =
      e instanceof GatewayError
        ? e
        : new GatewayError({
            kind: 'ambiguous',
            message: `Unexpected error while sending: ${e instanceof Error ? e.message : String(e)}`,
            httpStatus: null,
            code: null,
            variables: [],
            body: null,
            retryAfterMs: null,
          });
    const outcome = {
      outcome: err.kind,
      httpStatus: err.httpStatus,
      code: err.code,
      message: err.message,
      body: err.body,
    };
    switch (err.kind) {
      case 'transient': {
        const tries = this.triesOf(batch.id);
        const first = queue.firstAttemptAt(batch.id) ?? clock.now();
        if (!err.offline && clock.now() - first > this.retry.maxAgeMs) {
          queue.markFailed(batch.id, attemptId, {
            ...outcome,
            outcome: 'gave_up',
            message: `GatewayAPI stayed unavailable for more than ${duration(this.retry.maxAgeMs)} (${err.message}); gave up. Use "Resend to failed" to try again.`,
          });
          return;
        }
        this.state.offline = err.offline;
        this.offlineStreak = err.offline ? this.offlineStreak + 1 : 0;
        const delay = err.offline
          ? backoffDelay(this.offlineStreak, { baseMs: this.retry.baseMs, capMs: this.retry.offlineMaxMs }, this.d.random)
          : Math.max(err.retryAfterMs ?? 0, backoffDelay(tries, this.retry, this.d.random));
        queue.markRetry(batch.id, attemptId, clock.now() + delay, outcome, !err.offline);
        if (err.offline) this.offlineWaiting.add(batch.id);
        return;
      }
      case 'ambiguous':
        queue.markUncertain(batch.id, attemptId, {
          ...outcome,
          message: `${err.message} It is unknown whether GatewayAPI accepted this batch: choose "Resend" or "Mark as sent".`,
        });
        this.d.uncertain(batch.recipients.length);
        return;
      case 'auth':
      case 'credit':
      case 'frozen':
        queue.markRefused(batch.id, attemptId, outcome);
        this.d.pause(err.kind, err.message);
        return;
      case 'recipients':
        queue.markRecipientsRefused(batch.id, attemptId, err.variables, outcome);
        return;
      case 'rejected':
        queue.markFailed(batch.id, attemptId, outcome);
        return;
    }
  }

  private retryDue(now: number): boolean {
    const at = this.d.queue.nextRetryAt();
    return at != null && at <= now;
  }

  private triesOf(batchId: number): number {
    return this.d.queue.tries(batchId);
  }
}

function earliest(a: number | null, b: number | null): number | null {
  return a == null ? b : b == null ? a : Math.min(a, b);
}

/** "6 h", "90 min", "20 s": for messages. */
function duration(ms: number): string {
  if (ms >= 3600_000) return `${Math.round(ms / 360_000) / 10} h`;
  if (ms >= 60_000) return `${Math.round(ms / 6000) / 10} min`;
  return `${Math.round(ms / 100) / 10} s`;
}
