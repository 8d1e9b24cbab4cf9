// How many recipients of a campaign are where: the one reading of a CampaignSummary that the CLI's
// progress and summary, the window's results view and the engine's "finished" notice all use.
import type { CampaignSummary } from './contract';
import { FINAL_STATUSES, NO_FINAL_REPORT } from './states';

export interface CampaignCounts {
  total: number;
  /** Not yet accepted by GatewayAPI: queued, claimed, in flight or waiting to retry. */
  unsent: number;
  /** Accepted by GatewayAPI (submitted, or scheduled for later). */
  submitted: number;
  /** Uncertain recipients the user said did get the message: they never get a report. */
  markedSent: number;
  /** Refused by GatewayAPI when sent (our state `failed`). */
  sendFailed: number;
  uncertain: number;
  cancelled: number;
  /** Accepted, and no final delivery report yet. */
  awaitingReport: number;
  delivered: number;
  /** Final reports saying the message did not arrive (UNDELIVERABLE, EXPIRED, REJECTED, DELETED, SKIPPED). */
  undelivered: number;
  /** Final reports other than DELIVERED: the undelivered plus ACCEPTED and NO_FINAL_REPORT. */
  notDelivered: number;
  batchesSubmitted: number;
}

const FINAL = new Set<string>([...FINAL_STATUSES, NO_FINAL_REPORT]);
const UNDELIVERED = new Set<string>(['UNDELIVERABLE', 'EXPIRED', 'REJECTED', 'DELETED', 'SKIPPED']);

/**
 * `summary.statuses` counts only submitted and scheduled recipients (a recipient without a report
 * is PENDING there), so marked-as-sent ones are never in it: nothing is subtracted for them.
 */
export function countCampaign(summary: CampaignSummary): CampaignCounts {
  const states = summary.states;
  let delivered = 0;
  let final = 0;
  let undelivered = 0;
  let awaitingReport = 0;
  for (const [status, n] of Object.entries(summary.statuses)) {
    if (!n) continue;
    if (!FINAL.has(status)) awaitingReport += n;
    else {
      final += n;
      if (status === 'DELIVERED') delivered += n;
      if (UNDELIVERED.has(status)) undelivered += n;
    }
  }
  return {
    total: summary.total,
    unsent: (states.queued ?? 0) + (states.claimed ?? 0) + (states.in_flight ?? 0) + (states.retry_wait ?? 0),
    submitted: (states.submitted ?? 0) + (states.scheduled ?? 0),
    markedSent: states.marked_sent ?? 0,
    sendFailed: states.failed ?? 0,
    uncertain: states.uncertain ?? 0,
    cancelled: states.cancelled ?? 0,
    awaitingReport,
    delivered,
    undelivered,
    notDelivered: final - delivered,
    batchesSubmitted: summary.batches.submitted,
  };
}

const NONE: CampaignCounts = {
  total: 0,
  unsent: 0,
  submitted: 0,
  markedSent: 0,
  sendFailed: 0,
  uncertain: 0,
  cancelled: 0,
  awaitingReport: 0,
  delivered: 0,
  undelivered: 0,
  notDelivered: 0,
  batchesSubmitted: 0,
};

/** Field-by-field sum, for a run over several campaigns. */
export function sumCounts(all: CampaignCounts[]): CampaignCounts {
  const sum = { ...NONE };
  for (const counts of all) for (const key of Object.keys(sum) as (keyof CampaignCounts)[]) sum[key] += counts[key];
  return sum;
}
