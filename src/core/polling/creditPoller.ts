// Account credit: checked at start, after each accepted batch (debounced) and every few minutes.
// The low-credit alarm fires once per crossing below the threshold, not on every poll.
import type { Clock, Logger } from '../types';
import type { Account } from '../gateway/types';
import type { AccountStore } from '../outbox/account';
import { GatewayError } from '../gateway/errors';
import type { Message } from '../../shared/i18n/messages';
import { PollLoop } from './pollLoop';

export interface CreditPollerDeps {
  store: AccountStore;
  clock: Clock;
  logger: Logger;
  gateway: () => Promise<{ account(signal?: AbortSignal): Promise<Account> } | null>;
  threshold: () => number;
  changed: () => void;
  lowCredit: (credit: number, currency: string) => void;
  intervalMs?: number;
  debounceMs?: number;
  /** At most one check per this long because of accepted batches (default 10 s). */
  minGapMs?: number;
  /** A write failed; true when the disk is full (reported once by the engine, not per check). */
  storageFailed?: (e: unknown) => boolean;
}

export class CreditPoller {
  private readonly loop = new PollLoop(() => this.turn());
  private soon = false;
  private lastAt = -Infinity;

  constructor(private readonly d: CreditPollerDeps) {}

  start(): void {
    this.loop.start();
  }

  /** Check again shortly (after a batch was accepted). */
  nudge(): void {
    // One check pending is enough: waking the loop on every batch would turn the debounce into one
    // GET /rest/me per accepted batch.
    if (this.soon) return;
    this.soon = true;
    this.loop.waker.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Never rejects: a check that cannot be read or recorded (a full disk) is logged and tried later. */
  async refresh(): Promise<void> {
    try {
      const gateway = await this.d.gateway();
      if (!gateway) return;
      let acc: Account;
      try {
        acc = await gateway.account();
      } catch (e) {
        this.d.logger.warn('credit check failed', { error: String(e) });
        // Stored as a message code (JSON), like a recipient's reason: whoever shows it says it in the user's language.
        const text: Message = { code: 'credit_unreadable', cause: e instanceof GatewayError ? e.text : null };
        this.d.store.recordError(JSON.stringify(text));
        this.d.changed();
        return;
      }
      const { crossedLow } = this.d.store.record(acc.credit, acc.currency, this.d.threshold());
      if (crossedLow) this.d.lowCredit(acc.credit, acc.currency);
      this.d.changed();
    } catch (e) {
      // Recording failed (the disk is full, the database busy): the next check writes it again.
      if (!this.d.storageFailed?.(e)) this.d.logger.error('could not record the account credit', { error: String(e) });
    }
  }

  /** Check, then wait for the interval; a nudge during the wait checks sooner, but not too often. */
  private async turn(): Promise<void> {
    const { waker } = this.loop;
    this.soon = false;
    const seen = waker.generation;
    this.lastAt = this.d.clock.now();
    await this.refresh();
    if (this.loop.stopping) return;
    await waker.wait(this.d.clock.sleep, this.d.intervalMs ?? 5 * 60_000, seen);
    if (this.soon && !this.loop.stopping) {
      const gap = this.lastAt + (this.d.minGapMs ?? 10_000) - this.d.clock.now();
      await waker.wait(this.d.clock.sleep, Math.max(this.d.debounceMs ?? 1000, gap));
    }
  }
}
