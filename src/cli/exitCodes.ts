// The documented exit codes, and the one function that picks the code for a finished run.
import type { PauseReason } from '../shared/states';

export const EXIT = {
  /** Every recipient submitted (and, with --wait, every report final). */
  ok: 0,
  /** Anything else: an unexpected error, interrupted, or gave up waiting. */
  other: 1,
  /** Unusable input or arguments: nothing was stored. */
  usage: 2,
  /** Sending is paused (token refused or missing, credit exhausted, account frozen, or by the user). */
  paused: 3,
  /** Some recipients failed or are uncertain (delivery outcomes such as UNDELIVERABLE do not count). */
  incomplete: 4,
  /** Another process holds the sender lease on this data folder. */
  busy: 5,
  /** The disk holding the data folder is full: sending paused, nothing stored is lost. */
  diskFull: 6,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface RunOutcome {
  /** Another process took the lease from us during the run. */
  leaseLost: boolean;
  paused: PauseReason;
  /** A campaign in scope is paused (by the user, in the app) with recipients still queued. */
  campaignPaused: boolean;
  failed: number;
  uncertain: number;
  /** Recipients not yet submitted (queued, claimed, in flight, waiting to retry). */
  unsent: number;
  /** Submitted recipients whose delivery report is not final; counts only with --wait. */
  unreported: number;
  wait: boolean;
}

/**
 * The most actionable reason wins: someone else sending (5), a full disk (6), then a pause the user must lift (3),
 * then recipients that need a decision (4); unfinished work for any other reason (Ctrl-C, timeout)
 * is 1, and 0 means nothing is left to do.
 */
export function exitCodeFor(o: RunOutcome): ExitCode {
  if (o.leaseLost) return EXIT.busy;
  if (o.paused === 'disk_full' && o.unsent > 0) return EXIT.diskFull;
  if ((o.paused !== null || o.campaignPaused) && o.unsent > 0) return EXIT.paused;
  if (o.failed > 0 || o.uncertain > 0) return EXIT.incomplete;
  if (o.unsent > 0) return EXIT.other;
  if (o.wait && o.unreported > 0) return EXIT.other;
  return EXIT.ok;
}
