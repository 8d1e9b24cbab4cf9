// The sender loop: claim a batch → commit in_flight → write the request → record the outcome.
// Only failures that prove the request was not processed are retried by themselves; anything that
// may have been accepted becomes `uncertain` for the user to decide (GatewayAPI has no idempotency key).
// After such an outcome, or while the network is down, nothing more is claimed: one worker probes
// GatewayAPI with the cheap GET /rest/me until it answers, so one lost answer cannot become a hundred.
import type { GatewayMessage, RecipientReason } from '../../shared/i18n/messages';
import { getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js';
import type { Clock, Logger } from '../types';
import type { Queue, ClaimedBatch, AttemptOutcome } from '../outbox/queue';
import { LeaseLostError } from '../outbox/lease';
import type { SendRequest, SendResponse } from '../gateway/types';
import { GatewayError, withoutAnswer } from '../gateway/errors';
import { isDiskFull, isRetryableDbError } from '../db/errors';
import type { PauseReason } from '../../shared/states';
import { backoffDelay, RateLimiter, Waker, type BackoffPolicy } from './backoff';
import { QuietCheck, type QuietHours } from './quietHours';

/** What the sender needs of the GatewayAPI client. */
export interface SenderGateway {
  /** Reads the token and builds the body; the function it returns writes the request. */
  prepareSend(req: SendRequest): Promise<(signal?: AbortSignal) => Promise<SendResponse>>;
  /** GET /rest/me: the probe that tells whether GatewayAPI answers at all. */
  account(signal?: AbortSignal): Promise<unknown>;
}

export interface RetryPolicy extends BackoffPolicy {
  /** Transient errors for longer than this fail the batch ("Resend to failed" tries again). */
  maxAgeMs: number;
  /** Cap of the wait between probes while offline. */
  offlineMaxMs: number;
  /** Cap of the wait between probes while GatewayAPI does not answer. */
  probeMaxMs: number;
  /** First wait for a temporarily blacklisted recipient (0x0214); doubles per try. */
  recipientRetryMs: number;
}

const DEFAULT_RETRY: RetryPolicy = {
  baseMs: 2000,
  capMs: 5 * 60_000,
  maxAgeMs: 6 * 3600_000,
  offlineMaxMs: 30_000,
  probeMaxMs: 60_000,
  recipientRetryMs: 10 * 60_000,
};

/** Writes to SQLite that failed for a passing reason (lock, I/O) are retried this often, real time. */
const DB_RETRY: BackoffPolicy = { baseMs: 50, capMs: 2000 };

/** After stop(), a write that still fails (a full disk) is retried this long, then given up. */
const STOP_GRACE_MS = 3000;

/**
 * A write still failing when sending had to stop (Ctrl-C, SIGTERM, quitting while the disk is
 * full): given up so the process can exit. Nothing is half-written: a batch whose in_flight commit
 * is the last thing stored becomes uncertain on the next start.
 */
export class WriteAbandoned extends Error {
  constructor(
    readonly what: string,
    readonly reason: unknown,
  ) {
    super(`Could not record ${what} before stopping: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = 'WriteAbandoned';
  }
}

export const UNREACHABLE_MESSAGE = 'GatewayAPI is not answering. Nothing more is sent until it does; this computer checks again by itself.';

export interface SenderDeps {
  queue: Queue;
  clock: Clock;
  logger: Logger;
  /** The gateway, or null when no token is available (then the outbox pauses for auth). */
  gateway: () => Promise<SenderGateway | null>;
  config: () => { batchSize: number; ratePerMinute: number | null; maxConcurrent: number; quietHours?: QuietHours };
  paused: () => PauseReason;
  pause: (reason: Exclude<PauseReason, null>, message: string, cause?: GatewayMessage | null) => void;
  /** Lifts the pause if it is still for this reason (the sender's own 'unreachable'). */
  unpause: (reason: 'unreachable') => void;
  /** Something changed for these campaigns (the UI refreshes). */
  changed: (campaignIds: number[]) => void;
  /** A batch was accepted: refresh credit, start polling. */
  submitted: (batchId: number) => void;
  uncertain: (count: number) => void;
  leaseLost: () => void;
  /** A write failed; returns true when the disk is full (the engine then pauses sending). */
  storageFailed?: (e: unknown) => boolean;
  /** How long writes are still retried after stop() (default 3 s). */
  stopGraceMs?: number;
  /** When to poll a batch's status first. */
  firstPollDelayMs: number;
  retry?: Partial<RetryPolicy>;
  random?: () => number;
  /** Turns a batch into GatewayAPI's userref/label etc. */
  decorate?: (req: SendRequest, batch: ClaimedBatch) => SendRequest;
}

/** The settings allow at most this many concurrent requests (GatewayAPI allows 40 connections). */
const MAX_WORKERS = 10;

export interface SenderState {
  offline: boolean;
  /** GatewayAPI left a request unanswered and does not answer the probe yet. */
  unreachable: boolean;
  /** Probes that went unanswered since this sender started (the CLI waits for one before exiting). */
  failedProbes: number;
  retryAt: number | null;
  running: number;
  /** Everything queued is inside its quiet window; the first window ends at this time. */
  quietUntil: number | null;
  /** While waiting for the network or GatewayAPI: when the next probe goes out (the real next attempt). */
  probeAt: number | null;
  /** Why sending waits (the last network failure or busy answer), for the window's and CLI's words. */
  cause: GatewayMessage | null;
}

/** Why nothing new is claimed: the network is down, or GatewayAPI left a request unanswered. */
type Doubt = 'offline' | 'unreachable' | null;

export class Sender {
  private readonly waker = new Waker();
  private readonly limiter: RateLimiter;
  private workers: Promise<void>[] = [];
  private stopP: Promise<void> | null = null;
  private wanted = false;
  private stopping = false;
  /** Set by stop(): writes still failing after this time are given up (see WriteAbandoned). */
  private abandonAt: number | null = null;
  private active = 0;
  private doubt: Doubt = null;
  private probing = false;
  /** Consecutive unanswered probes: the wait between probes backs off on these, not on batch tries. */
  private probeStreak = 0;
  /** Batches waiting only for the network; retried at once when a probe answers. */
  private readonly offlineWaiting = new Set<number>();
  state: SenderState = {
    offline: false,
    unreachable: false,
    failedProbes: 0,
    retryAt: null,
    running: 0,
    quietUntil: null,
    probeAt: null,
    cause: null,
  };
  private readonly retry: RetryPolicy;
  private readonly quiet = new QuietCheck();
  /** The earliest end of a held country's quiet window: an idle loop wakes then to send to it. */
  private quietWakeAt: number | null = null;

  constructor(private readonly deps: SenderDeps) {
    this.limiter = new RateLimiter(() => deps.config().ratePerMinute, deps.clock.now);
    this.retry = { ...DEFAULT_RETRY, ...deps.retry };
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
    this.abandonAt = null;
    this.state.failedProbes = 0;
    // One loop per allowed concurrent request; loops above the current setting idle, so a change in
    // Settings takes effect without a restart.
    for (let i = 0; i < MAX_WORKERS; i++) this.workers.push(this.loop(i));
  }

  /** Network back, resumed from sleep, new work: a waiting probe goes now. */
  wake(): void {
    this.waker.wake();
  }

  /** Lets requests already written finish (their outcome is recorded), then resolves. */
  async stop(): Promise<void> {
    this.wanted = false;
    this.stopping = true;
    this.abandonAt ??= Date.now() + (this.deps.stopGraceMs ?? STOP_GRACE_MS);
    this.waker.wake();
    this.stopP ??= Promise.all(this.workers).then(() => {
      this.workers = [];
      this.stopP = null;
    });
    await this.stopP;
  }

  /** Resolves when nothing is queued, claimed or in flight and no retry is due soon (CLI, tests). */
  idle(): boolean {
    return this.active === 0 && !this.deps.queue.hasQueued() && this.deps.queue.nextRetryAt() == null;
  }

  private async loop(worker: number): Promise<void> {
    while (!this.stopping) {
      try {
        const seen = this.waker.generation;
        // Loops above the setting wait to be woken (a settings change wakes them): never on a timer,
        // or a due retry would have them spin while the others are busy.
        const enabled = worker < Math.max(1, this.deps.config().maxConcurrent);
        const worked = enabled && (await this.step());
        if (!worked && !this.stopping) {
          const paused = this.deps.paused();
          const retryAt = paused || !enabled ? null : this.deps.queue.nextRetryAt();
          this.state.retryAt = retryAt;
          const now = this.deps.clock.now();
          // A retry due yet not taken is held by quiet hours: wait for the window's end, not in a
          // busy loop. (Without quiet hours it came due just after the claim: take it now.)
          const retryWake = retryAt != null && retryAt <= now && this.quietWakeAt != null ? this.quietWakeAt : retryAt;
          const next = paused || this.doubt || !enabled ? null : earliest(retryWake, this.quietWakeAt);
          await this.waker.wait(this.deps.clock.sleep, next == null ? Infinity : next - this.deps.clock.now(), seen);
        }
      } catch (e) {
        if (e instanceof LeaseLostError) {
          this.deps.logger.warn('sender lease lost; stopping', { worker });
          this.stopping = true;
          this.deps.leaseLost();
          return;
        }
        // A full disk pauses sending (the engine's probe wakes us when there is room); not an error per step.
        if (!this.deps.storageFailed?.(e) && !(e instanceof WriteAbandoned)) {
          this.deps.logger.error('sender step failed', { error: String(e) });
        }
        if (!this.stopping) await this.waker.wait(this.deps.clock.sleep, 5000);
      }
    }
  }

  /** One claim-send-record cycle (or one probe); false when there was nothing to do. */
  private async step(): Promise<boolean> {
    const paused = this.deps.paused();
    if (paused === 'unreachable' && this.doubt == null) this.doubt = 'unreachable'; // left by an earlier run
    if (paused && paused !== 'unreachable') return false;
    if (this.doubt) {
      if (this.probing) return false;
      await this.probe();
      return true;
    }
    const cfg = this.deps.config();
    const now = this.deps.clock.now();
    // Quiet hours: batches of one country each, none for a country inside its window, retries included.
    const q = cfg.quietHours?.enabled ? this.quiet.countries(now, cfg.quietHours, this.waitingCountries()) : null;
    this.quietWakeAt = q?.until ?? null;
    const held = q != null && !q.open && q.until != null;
    this.state.quietUntil = held ? q.until : null;
    if (held && !this.retryDue(now)) return false;
    const size = Math.max(1, Math.min(cfg.batchSize, 10000, cfg.ratePerMinute ?? Infinity));
    const wait = this.limiter.take(0);
    if (wait > 0) {
      await this.waker.wait(this.deps.clock.sleep, wait);
      return true;
    }
    const gateway = await this.deps.gateway();
    if (!gateway) {
      if (this.deps.queue.hasQueued() || this.deps.queue.nextRetryAt() != null) {
        this.deps.pause('auth', 'No GatewayAPI token is set. Enter your API token in Settings, then resume.');
      }
      return false;
    }
    if (this.doubt || this.deps.paused()) return true; // decided while we waited for the client
    const batch = this.deps.queue.claimNext(size, q ? { byCountry: true, quietCountries: q.quiet } : undefined);
    if (!batch) return false;
    this.active++;
    this.state.running = this.active;
    try {
      // Rate limit: hold the claim until the bucket allows this batch (a crash meanwhile puts it back
      // in the queue); give it back only if sending stops, pauses or the campaign is paused/cancelled.
      let delay = this.limiter.take(batch.recipients.length);
      while (delay > 0) {
        await this.waker.wait(this.deps.clock.sleep, delay);
        if (this.stopping || this.deps.paused() || this.doubt || !this.deps.queue.campaignActive(batch.campaignId)) {
          await this.persist('the returned claim', () => this.deps.queue.releaseClaim(batch.id));
          return true;
        }
        delay = this.limiter.take(batch.recipients.length);
      }
      await this.send(batch, gateway);
    } finally {
      this.active--;
      this.state.running = this.active;
      this.deps.changed([batch.campaignId]);
    }
    return true;
  }

  /**
   * GET /rest/me until GatewayAPI answers (any HTTP answer counts: it is reachable). Only this
   * request goes out meanwhile: no batch is claimed, rewritten or given an attempt row per probe.
   */
  private async probe(): Promise<void> {
    this.probing = true;
    try {
      const doubt = this.doubt;
      // Offline, the batch just failed: wait before asking again. Unanswered, ask at once (a lone
      // 500 must not hold sending up), then back off.
      const first = doubt === 'unreachable' && this.probeStreak === 0;
      if (!first) {
        const cap = doubt === 'offline' ? this.retry.offlineMaxMs : this.retry.probeMaxMs;
        const delay = backoffDelay(Math.max(1, this.probeStreak), { baseMs: this.retry.baseMs, capMs: cap }, this.deps.random);
        this.state.probeAt = this.deps.clock.now() + delay;
        await this.waker.wait(this.deps.clock.sleep, delay);
        if (this.stopping) return;
      }
      const gateway = await this.deps.gateway();
      if (!gateway) {
        this.clearDoubt(); // no token: the next step pauses for that
        return;
      }
      let answered: boolean;
      try {
        await gateway.account();
        answered = true;
      } catch (e) {
        answered = e instanceof GatewayError && e.httpStatus != null;
        if (!answered) this.deps.logger.info('GatewayAPI probe unanswered', { error: String(e) });
        if (!answered && e instanceof GatewayError) this.state.cause = e.text;
      }
      if (this.stopping && !answered) return;
      if (answered) {
        this.clearDoubt();
        return;
      }
      this.probeStreak++;
      this.state.failedProbes++;
      if (this.doubt === 'unreachable') {
        this.state.unreachable = true;
        if (this.deps.paused() !== 'unreachable') this.deps.pause('unreachable', UNREACHABLE_MESSAGE, this.state.cause);
      }
    } finally {
      this.probing = false;
    }
  }

  private clearDoubt(): void {
    const was = this.doubt;
    this.doubt = null;
    this.probeStreak = 0;
    this.state.offline = false;
    this.state.unreachable = false;
    this.state.probeAt = null;
    this.state.cause = null;
    if (was === 'unreachable' || this.deps.paused() === 'unreachable') this.deps.unpause('unreachable');
    if (this.offlineWaiting.size > 0) {
      try {
        this.deps.queue.retryNow([...this.offlineWaiting]);
      } catch (e) {
        // Lease lost or the database busy: the retries still come due by their own time.
        this.deps.logger.warn('could not expedite offline retries', { error: String(e) });
      }
      this.offlineWaiting.clear();
    }
    this.waker.wake();
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
      ...(batch.sendAt != null && batch.sendAt * 1000 > this.deps.clock.now() ? { sendtime: batch.sendAt } : {}),
      userref: `sms-outbox:${batch.campaignId}:${batch.id}`,
    };
    return this.deps.decorate ? this.deps.decorate(req, batch) : req;
  }

  /**
   * Runs a write until it commits. SQLite may be locked by another process past busy_timeout, or
   * hit an I/O error: an answer GatewayAPI gave must not be lost for that (a lost 200 would make
   * the batch uncertain, and "Resend" would send it twice). Stops only when the lease is provably
   * lost (LeaseLostError) or the failure is not a passing one.
   */
  private async persist<T>(what: string, write: () => T): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return write();
      } catch (e) {
        if (!isRetryableDbError(e)) throw e;
        // A full disk pauses sending: nothing new is claimed while this write waits for room.
        this.deps.storageFailed?.(e);
        // Stopping (Ctrl-C, SIGTERM, quit): the process must exit promptly even on a full disk.
        if (this.abandonAt != null && Date.now() >= this.abandonAt) throw new WriteAbandoned(what, e);
        if (attempt === 1 || attempt % 50 === 0) {
          this.deps.logger.warn(`could not record ${what}; retrying`, { error: String(e), attempt });
        }
        const delay = backoffDelay(attempt, DB_RETRY, this.deps.random);
        await new Promise((r) => setTimeout(r, this.abandonAt == null ? delay : Math.min(delay, Math.max(0, this.abandonAt - Date.now()))));
      }
    }
  }

  private async send(batch: ClaimedBatch, gateway: SenderGateway): Promise<void> {
    const { queue, clock } = this.deps;
    const req = this.request(batch);
    // The token and the body before in_flight: failing here sends nothing and needs no decision.
    let write: (signal?: AbortSignal) => Promise<SendResponse>;
    try {
      write = await gateway.prepareSend(req);
    } catch (e) {
      await this.notWritten(batch, e);
      return;
    }
    if (this.stopping || this.deps.paused() || this.doubt) {
      await this.persist('the returned claim', () => queue.releaseClaim(batch.id));
      return;
    }
    let attemptId: number | null;
    try {
      // Committed before the first byte: a crash from here on leaves these recipients `uncertain`.
      attemptId = await this.persist('the batch in flight', () => queue.markInFlight(batch.id, batch.recipients.length));
    } catch (e) {
      if (!(e instanceof LeaseLostError)) await this.persist('the returned claim', () => queue.releaseClaim(batch.id));
      throw e;
    }
    if (attemptId == null) {
      // The campaign was paused or cancelled while the batch waited: nothing goes out.
      await this.persist('the returned claim', () => queue.releaseClaim(batch.id));
      return;
    }
    let res: SendResponse;
    try {
      res = await write();
    } catch (e) {
      await this.failed(batch, attemptId, e);
      return;
    }
    if (this.doubt === 'offline') this.clearDoubt(); // an answer proves the network is back
    if (!this.doubt) this.state.cause = null;
    const scheduled = req.sendtime != null;
    const firstPoll = (scheduled ? req.sendtime! * 1000 : clock.now()) + this.deps.firstPollDelayMs;
    try {
      await this.persist('an accepted batch', () => queue.markSubmitted(batch.id, attemptId, res, firstPoll, scheduled));
    } catch (e) {
      if (e instanceof WriteAbandoned) {
        // The one case where an accepted answer is lost: say exactly what GatewayAPI accepted.
        this.deps.logger.error(
          `GatewayAPI accepted batch ${batch.id} of campaign ${batch.campaignId} (${batch.recipients.length} recipients, message id ${res.ids.join(', ')}), ` +
            `but it could not be recorded before stopping (${isDiskFull(e.reason) ? 'the disk is full' : String(e.reason)}). ` +
            'These recipients will show as uncertain: GatewayAPI did accept them, so choose "Mark as sent".',
        );
        throw e;
      }
      if (!(e instanceof LeaseLostError)) throw e;
      // Fenced out: another process recovered this batch as uncertain. GatewayAPI's ids settle it.
      const n = await this.persist('an accepted batch', () => queue.markSubmittedFencedOut(batch.id, attemptId, res, firstPoll, scheduled));
      this.deps.logger.warn('accepted batch recorded after the lease was lost', { batch: batch.id, recipients: n });
      throw e;
    }
    this.deps.submitted(batch.id);
  }

  /** Reading the token or building the body failed: nothing was written, the claim is undone. */
  private async notWritten(batch: ClaimedBatch, e: unknown): Promise<void> {
    const { queue } = this.deps;
    if (e instanceof GatewayError && e.kind === 'rejected') {
      await this.persist('a refused batch', () => queue.markFailed(batch.id, null, outcomeOf(e), 'claimed'));
      return;
    }
    await this.persist('the returned claim', () => queue.releaseClaim(batch.id));
    if (e instanceof GatewayError && e.kind === 'auth') {
      this.deps.pause('auth', e.message, e.text);
      return;
    }
    throw e;
  }

  private async failed(batch: ClaimedBatch, attemptId: number, e: unknown): Promise<void> {
    const { queue, clock } = this.deps;
    const err =
      e instanceof GatewayError
        ? e
        : // Not from the gateway client (a bug, a thrown string): whether GatewayAPI accepted is unknown.
          withoutAnswer('ambiguous', `Unexpected error while sending: ${e instanceof Error ? e.message : String(e)}`, null, {
            text: { code: 'gw_unexpected', detail: e instanceof Error ? e.message : String(e) },
          });
    const outcome = outcomeOf(err);
    const write = (fn: () => unknown) => this.persist(`the outcome of batch ${batch.id}`, fn);
    switch (err.kind) {
      case 'transient': {
        const tries = queue.tries(batch.id);
        const first = queue.firstAttemptAt(batch.id) ?? clock.now();
        if (!err.offline && clock.now() - first > this.retry.maxAgeMs) {
          await write(() =>
            queue.markFailed(batch.id, attemptId, {
              ...outcomeOf(err, { code: 'reason_gave_up', minutes: this.retry.maxAgeMs / 60_000, cause: err.text }),
              outcome: 'gave_up',
            }),
          );
          return;
        }
        this.state.cause = err.text;
        if (err.offline) {
          // Nothing was written: the batch waits for the network, which one probe watches.
          this.doubt ??= 'offline';
          this.state.offline = true;
          this.probeStreak = Math.max(1, this.probeStreak);
          this.offlineWaiting.add(batch.id);
        }
        const delay = err.offline
          ? backoffDelay(this.probeStreak, { baseMs: this.retry.baseMs, capMs: this.retry.offlineMaxMs }, this.deps.random)
          : Math.max(err.retryAfterMs ?? 0, backoffDelay(tries, this.retry, this.deps.random));
        await write(() => queue.markRetry(batch.id, attemptId, clock.now() + delay, outcome, !err.offline));
        return;
      }
      case 'ambiguous':
        // Stop claiming before anything else: the next batches wait for the probe.
        this.doubt = 'unreachable';
        this.state.cause = err.text;
        await write(() => queue.markUncertain(batch.id, attemptId, outcomeOf(err, { code: 'reason_uncertain', cause: err.text })));
        this.deps.uncertain(batch.recipients.length);
        return;
      case 'auth':
      case 'credit':
      case 'frozen':
      case 'account':
        // About the account, not these recipients: everything waits for the user to fix it.
        await write(() => queue.markRefused(batch.id, attemptId, outcome));
        this.deps.pause(err.kind, err.message, err.text);
        return;
      case 'recipients':
        await write(() => queue.markRecipientsRefused(batch.id, attemptId, err.variables, outcome));
        return;
      case 'country': {
        if (err.country == null) {
          await write(() => queue.markFailed(batch.id, attemptId, outcome));
          return;
        }
        const country = err.country;
        await write(() => queue.markCountryRefused(batch.id, attemptId, country, callingCodeOf(country), outcome));
        return;
      }
      case 'retry_recipient':
        await this.recipientRetry(batch, attemptId, err, outcome);
        return;
      case 'rejected':
        await write(() => queue.markFailed(batch.id, attemptId, outcome));
        return;
    }
  }

  /** 0x0214, a temporary blacklist: that recipient waits and is tried again, the rest go on. */
  private async recipientRetry(batch: ClaimedBatch, attemptId: number, err: GatewayError, outcome: AttemptOutcome): Promise<void> {
    const { queue, clock } = this.deps;
    const write = (fn: () => unknown) => this.persist(`the outcome of batch ${batch.id}`, fn);
    const msisdn = err.variables[0] ?? '';
    const first = queue.firstAttemptAt(batch.id) ?? clock.now();
    if (clock.now() - first > this.retry.maxAgeMs) {
      await write(() => queue.markRecipientsRefused(batch.id, attemptId, [msisdn], { ...outcome, outcome: 'gave_up' }));
      return;
    }
    const delay = backoffDelay(
      queue.tries(batch.id),
      { baseMs: this.retry.recipientRetryMs, capMs: this.retry.maxAgeMs / 2 },
      this.deps.random,
    );
    const kept = await write(() => queue.markRecipientRetry(batch.id, attemptId, msisdn, clock.now() + delay, outcome));
    if (!kept) await write(() => queue.markRetry(batch.id, attemptId, clock.now() + delay, outcome, true));
  }

  private waitingCountries(): (string | null)[] {
    const queued = this.deps.queue.queuedCountries();
    const retries = this.deps.queue.retryCountries().filter((c) => !queued.includes(c));
    return retries.length > 0 ? [...queued, ...retries] : queued;
  }

  private retryDue(now: number): boolean {
    const at = this.deps.queue.nextRetryAt();
    return at != null && at <= now;
  }
}

/**
 * What is stored with the attempt and its recipients. The reason is stored as a message code (JSON),
 * so the table, the exports and the CLI say it in the reader's language, with GatewayAPI's own text
 * kept in it; parseStoredReason() reads old plain-text rows too.
 */
function outcomeOf(err: GatewayError, reason: RecipientReason = err.text): AttemptOutcome {
  return { outcome: err.kind, httpStatus: err.httpStatus, code: err.code, message: JSON.stringify(reason), body: err.body };
}

/** "46" for "SE": a number without a stored country is placed by its prefix. */
function callingCodeOf(country: string): string | null {
  return isSupportedCountry(country) ? getCountryCallingCode(country) : null;
}

function earliest(a: number | null, b: number | null): number | null {
  return a == null ? b : b == null ? a : Math.min(a, b);
}
