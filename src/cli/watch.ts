// Follows the engine while it sends (and, with --wait, while reports arrive), printing progress,
// until nothing is left to do for the campaigns in scope, sending pauses, or the user stops it.
import type { Message } from '../shared/i18n/messages';
import type { CampaignSummary } from '../shared/contract';
import type { Engine } from '../core/engine';
import type { RunOutcome } from './exitCodes';
import { countCampaign, sumCounts, type CampaignCounts } from '../shared/campaignCounts';
import { formatProgress } from './format';

export interface WatchOptions {
  scope: Set<number>;
  wait: boolean;
  timeoutMs: number;
  tickMs: number;
  signal: AbortSignal;
  progress: ProgressPrinter;
  /** Resolves early when the engine reports a change. */
  changed: () => Promise<void>;
  /** How long a full disk is waited out (space may come back) before the run ends with exit 6. */
  diskFullWaitMs: number;
}

export interface WatchResult extends RunOutcome {
  campaigns: CampaignSummary[];
  counts: CampaignCounts;
  pauseMessage: string | null;
  /** What paused sending, as a code (the CLI says it in its language). */
  pauseText: Message | null;
  interrupted: boolean;
  timedOut: boolean;
}

export async function watch(engine: Engine, o: WatchOptions): Promise<WatchResult> {
  let phase: 'sending' | 'waiting' = 'sending';
  let deadline = Infinity;
  let timedOut = false;
  let tickMs: number;
  let diskFullSince: number | null = null;
  for (;;) {
    const started = Date.now();
    const campaigns = engine.campaigns.list(false).filter((c) => o.scope.has(c.id));
    // Counting 100k rows takes a while: tick slower on big campaigns so progress stays cheap.
    tickMs = Math.max(o.tickMs, (Date.now() - started) * 20);
    const perCampaign = campaigns.map(countCampaign);
    const t = sumCounts(perCampaign);
    const pause = engine.pauseInfo();
    const campaignPaused = campaigns.some((c, i) => c.status === 'paused' && perCampaign[i].unsent > 0);
    const sending = engine.sendingState();
    const leaseLost = !engine.holdsLease;
    if (phase === 'sending' && t.unsent === 0 && o.wait && t.awaitingReport > 0) {
      phase = 'waiting';
      deadline = Date.now() + o.timeoutMs;
    }
    o.progress.update(
      formatProgress(t, {
        phase,
        offline: sending.offline,
        retryInSec: sending.retryInSec,
        cause: sending.cause,
        quietUntil: sending.quietUntil,
      }),
    );

    // A full disk is waited out for a while: answers held in memory get written, and sending goes on
    // by itself when there is room again. Requests still running are always waited for.
    diskFullSince = pause.reason === 'disk_full' ? (diskFullSince ?? Date.now()) : null;
    const givenUp = diskFullSince === null || Date.now() - diskFullSince >= o.diskFullWaitMs;
    const stopped = (pause.reason !== null || campaignPaused) && sending.requestsRunning === 0 && givenUp;
    let done = leaseLost || o.signal.aborted || (phase === 'sending' && (t.unsent === 0 || stopped));
    if (phase === 'waiting') {
      if (t.awaitingReport === 0) done = true;
      else if (Date.now() >= deadline) {
        timedOut = true;
        done = true;
      }
    }
    if (done) {
      o.progress.done();
      return {
        campaigns,
        counts: t,
        leaseLost,
        paused: pause.reason,
        pauseMessage: pause.message,
        pauseText: pause.reason ? { code: 'paused', reason: pause.reason, cause: pause.cause ?? null } : null,
        campaignPaused,
        failed: t.sendFailed,
        uncertain: t.uncertain,
        unsent: t.unsent,
        unreported: t.awaitingReport,
        wait: o.wait,
        interrupted: o.signal.aborted,
        timedOut,
      };
    }
    await Promise.race([o.changed(), sleep(tickMs, o.signal)]);
    // Changes come in bursts (one per batch): refresh at most every tick.
    const spent = Date.now() - started;
    if (spent < o.tickMs) await sleep(o.tickMs - spent, o.signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** On a terminal the line is rewritten in place; elsewhere (pipes, CI logs) a line per change, at
 * most one every few seconds, plus the last one. */
export interface ProgressPrinter {
  update(line: string): void;
  done(): void;
}

export function progressPrinter(write: (s: string) => void, interactive: boolean, minGapMs = 2000): ProgressPrinter {
  let last = '';
  let lastAt = 0;
  let pending: string | null = null;
  let width = 0;
  return {
    update(line) {
      if (interactive) {
        if (line === last) return;
        write(`\r${line.padEnd(width)}`);
        width = line.length;
        last = line;
        return;
      }
      if (line === last) return;
      const now = Date.now();
      if (now - lastAt >= minGapMs) {
        write(line + '\n');
        last = line;
        lastAt = now;
        pending = null;
      } else pending = line;
    },
    done() {
      if (interactive) {
        if (last) write('\n');
      } else if (pending !== null && pending !== last) write(pending + '\n');
      last = '';
      pending = null;
      width = 0;
    },
  };
}
