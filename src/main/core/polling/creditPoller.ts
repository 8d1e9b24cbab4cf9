// Account credit: checked at start, after each accepted batch (debounced) and every few minutes.
// The low-credit alarm fires once per crossing below the threshold, not on every poll.
import type { Clock, Logger } from '../types';
import type { Account } from '../gateway/types';
import type { AccountStore } from '../outbox/account';
import { GatewayError } from '../gateway/errors';
import { Waker } from '../sending/backoff';

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
}

export class CreditPoller {
  private readonly waker = new Waker();
  private loopP: Promise<void> | null = null;
  private stopping = false;
  private soon = false;

  constructor(private readonly d: CreditPollerDeps) {}

  start(): void {
    this.stopping = false;
    this.loopP ??= this.loop();
  }

  /** Check again shortly (after a batch was accepted). */
  nudge(): void {
    this.soon = true;
    this.waker.wake();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.waker.wake();
    await this.loopP;
    this.loopP = null;
  }

  async refresh(): Promise<void> {
    const gateway = await this.d.gateway();
    if (!gateway) return;
    try {
      const acc = await gateway.account();
      const { crossedLow } = this.d.store.record(acc.credit, acc.currency, this.d.threshold());
      if (crossedLow) this.d.lowCredit(acc.credit, acc.currency);
    } catch (e) {
      this.d.store.recordError(e instanceof GatewayError ? e.message : 'Could not read the account credit.');
      this.d.logger.warn('credit check failed', { error: String(e) });
    }
    this.d.changed();
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      this.soon = false;
      const seen = this.waker.generation;
      await this.refresh();
      if (this.stopping) break;
      await this.waker.wait(this.d.clock.sleep, this.d.intervalMs ?? 5 * 60_000, seen);
      if (this.soon && !this.stopping) await this.waker.wait(this.d.clock.sleep, this.d.debounceMs ?? 1000);
    }
  }
}
