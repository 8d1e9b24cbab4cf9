// The one campaign count, read from summaries the real store produces: a campaign with recipients
// in every state is stored in SQLite, read back through Campaigns.get and counted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../core/db/open';
import { Campaigns } from '../core/outbox/campaigns';
import { newCampaign, people } from '../core/testing';
import { countCampaign, sumCounts } from './campaignCounts';
import type { RecipientState } from './states';

let dir = '';
let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
  rmSync(dir, { recursive: true, force: true });
});

function storedCampaign(mix: [RecipientState, string | null, number][]) {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-counts-'));
  db = openDatabase(dir);
  const campaigns = new Campaigns(db, () => Date.now());
  const total = mix.reduce((n, [, , count]) => n + count, 0);
  const { campaignId } = campaigns.create(newCampaign({ people: people(total) }));
  const move = db.prepare(
    "UPDATE recipients SET state = ?, status = ? WHERE id IN (SELECT id FROM recipients WHERE campaign_id = ? AND state = 'queued' AND status IS NULL ORDER BY id DESC LIMIT ?)",
  );
  for (const [state, status, count] of mix) if (state !== 'queued' || status) move.run(state, status, campaignId, count);
  return campaigns.get(campaignId, false);
}

describe('countCampaign', () => {
  it('reads every state and status of a stored campaign once', () => {
    const summary = storedCampaign([
      ['queued', null, 2],
      ['retry_wait', null, 1],
      ['in_flight', null, 1],
      ['submitted', null, 3],
      ['submitted', 'ENROUTE', 1],
      ['submitted', 'DELIVERED', 4],
      ['submitted', 'UNDELIVERABLE', 1],
      ['submitted', 'EXPIRED', 1],
      ['submitted', 'ACCEPTED', 1],
      ['submitted', 'NO_FINAL_REPORT', 1],
      ['scheduled', null, 2],
      ['failed', null, 1],
      ['uncertain', null, 1],
      ['marked_sent', null, 3],
      ['cancelled', null, 2],
    ]);
    const counts = countCampaign(summary);
    expect(counts).toEqual({
      total: 25,
      unsent: 4,
      submitted: 14,
      markedSent: 3,
      sendFailed: 1,
      uncertain: 1,
      cancelled: 2,
      // 3 submitted + 2 scheduled without a report, 1 ENROUTE: the marked-as-sent are not among them.
      awaitingReport: 6,
      delivered: 4,
      undelivered: 2,
      notDelivered: 4,
      batchesSubmitted: 0,
    });
    // Every recipient is in exactly one of our states, every accepted one in one delivery bucket.
    expect(counts.unsent + counts.submitted + counts.markedSent + counts.sendFailed + counts.uncertain + counts.cancelled).toBe(
      counts.total,
    );
    expect(counts.delivered + counts.notDelivered + counts.awaitingReport).toBe(counts.submitted);
  });

  it('still awaits reports when more recipients were marked as sent than are awaited', () => {
    const counts = countCampaign(
      storedCampaign([
        ['submitted', null, 2],
        ['marked_sent', null, 5],
      ]),
    );
    expect(counts).toMatchObject({ awaitingReport: 2, markedSent: 5 });
  });

  it('adds up campaigns field by field', () => {
    const one = countCampaign(storedCampaign([['submitted', 'DELIVERED', 2]]));
    const sum = sumCounts([one, one]);
    expect(sum).toMatchObject({ total: 4, submitted: 4, delivered: 4, awaitingReport: 0 });
  });
});
