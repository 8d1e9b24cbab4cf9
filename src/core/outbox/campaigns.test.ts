import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { CREATE_CHUNK_ROWS, Campaigns, type NewCampaign } from './campaigns';

let dir: string;
let db: Db;
const now = 1_700_000_000_000;
let campaigns: Campaigns;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-campaigns-'));
  db = openDatabase(dir);
  campaigns = new Campaigns(db, () => now);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function campaign(n: number): NewCampaign {
  return {
    name: 'Big',
    sender: 'Shop',
    message: 'Hi',
    tags: [],
    sendAt: null,
    fileName: 'big.csv',
    fileHash: 'abc',
    estimateCost: null,
    currency: null,
    recipients: Array.from({ length: n }, (_, i) => ({
      rowNo: i + 2,
      msisdn: String(4520000000 + i),
      country: 'DK',
      name: null,
      tagvalues: null,
      encoding: 'GSM7' as const,
      parts: 1,
    })),
  };
}

// What a sender would claim: queued recipients of active campaigns (the queue's own condition).
const claimable = () =>
  db
    .prepare("SELECT COUNT(*) FROM recipients r JOIN campaigns c ON c.id = r.campaign_id WHERE r.state = 'queued' AND c.status = 'active'")
    .pluck()
    .get();

describe('Campaigns.createInChunks', () => {
  it('stores in chunks between turns of the event loop; until done the campaign is invisible and unsendable', async () => {
    const n = CREATE_CHUNK_ROWS * 5 + 3;
    const seen: { listed: number; counted: number; claimable: unknown; exists: boolean }[] = [];
    let stop = false;
    const watch = () => {
      if (stop) return;
      seen.push({
        listed: campaigns.list(false).length,
        counted: campaigns.counts().queued ?? 0,
        claimable: claimable(),
        exists: campaigns.exists(1),
      });
      setImmediate(watch);
    };
    setImmediate(watch);
    const res = await campaigns.createInChunks(campaign(n));
    stop = true;
    expect(res.queued).toBe(n);
    // The window looked in between chunks several times and never saw a part of the campaign.
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.every((s) => s.listed === 0 && s.counted === 0 && s.claimable === 0 && !s.exists)).toBe(true);
    expect(campaigns.list(false)).toMatchObject([{ id: res.campaignId, total: n, status: 'active' }]);
    expect(campaigns.counts()).toEqual({ queued: n });
    expect(claimable()).toBe(n);
    expect(campaigns.findByFileHash('abc')).toMatchObject({ campaignId: res.campaignId });
  });

  it('a failure part-way removes what was stored', async () => {
    const c = campaign(CREATE_CHUNK_ROWS * 2 + 1);
    (c.recipients[CREATE_CHUNK_ROWS + 5] as { parts: unknown }).parts = null; // NOT NULL: the second chunk fails
    await expect(campaigns.createInChunks(c)).rejects.toThrow(/NOT NULL/);
    expect(db.prepare('SELECT COUNT(*) FROM recipients').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM campaigns').pluck().get()).toBe(0);
  });

  it('a campaign left half-stored by a crash is reported (not one being stored now) and discarded when the user says so', async () => {
    // A crash after the first chunk: the campaign row says stored = 0, and no live process stores it.
    db.prepare(
      "INSERT INTO campaigns (id, name, sender, message, created_at, status, stored) VALUES (7, 'crashed', 'S', 'm', ?, 'paused', 0)",
    ).run(now - 60_000);
    db.prepare("INSERT INTO bulk_actions (campaign_id, action, holder, pid, host, created_at) VALUES (7, 'store', 'dead', ?, ?, ?)").run(
      2 ** 31 - 2,
      hostname(),
      now - 60_000,
    );
    db.prepare(
      "INSERT INTO recipients (campaign_id, row_no, msisdn, encoding, parts, state, updated_at) VALUES (7, 2, '4520000000', 'GSM7', 1, 'queued', 0)",
    ).run();
    // Being stored by this live process right now: not reported.
    const storing = campaigns.createInChunks(campaign(CREATE_CHUNK_ROWS + 1));
    expect(campaigns.counts()).toEqual({});
    expect(campaigns.halfStored()).toEqual([{ id: 7, name: 'crashed', createdAt: now - 60_000, stored: 1 }]);
    await storing;
    expect(campaigns.halfStored().map((h) => h.id)).toEqual([7]);
    expect(await campaigns.discardHalfStored(8)).toBe(0); // a whole campaign is never discarded this way
    expect(await campaigns.discardHalfStored(7)).toBe(1);
    expect(campaigns.halfStored()).toEqual([]);
    expect(db.prepare('SELECT id FROM campaigns ORDER BY id').pluck().all()).toEqual([8]);
    expect(campaigns.counts()).toEqual({ queued: CREATE_CHUNK_ROWS + 1 });
  });
});

describe('the results view', () => {
  it('filters recipients as the tabs say (delivered, failed, pending, uncertain, all), with totals that match, and counts scheduled ones as pending reports', () => {
    const { campaignId } = campaigns.create(campaign(7));
    const ids = db.prepare('SELECT id FROM recipients WHERE campaign_id = ? ORDER BY id').pluck().all(campaignId) as number[];
    const set = db.prepare('UPDATE recipients SET state = ?, status = ? WHERE id = ?');
    set.run('submitted', 'DELIVERED', ids[0]);
    set.run('submitted', 'REJECTED', ids[1]);
    set.run('failed', null, ids[2]);
    set.run('uncertain', null, ids[3]);
    set.run('submitted', null, ids[4]);
    // ids[5] stays queued.
    set.run('scheduled', null, ids[6]);
    const tab = (filter: 'delivered' | 'failed' | 'pending' | 'uncertain' | 'all', search = '') => {
      const r = campaigns.recipients({ campaignId, filter, search, offset: 0, limit: 50 });
      expect(r.total, filter).toBe(r.rows.length);
      return r.rows.map((x) => ids.indexOf(x.id));
    };
    expect(tab('delivered')).toEqual([0]);
    expect(tab('failed')).toEqual([1, 2]);
    expect(tab('pending')).toEqual([4, 5, 6]);
    expect(tab('uncertain')).toEqual([3]);
    expect(tab('all')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(tab('pending', ' 4520000005 ')).toEqual([5]);

    const summary = campaigns.get(campaignId, false);
    expect(summary.states).toEqual({ submitted: 3, failed: 1, uncertain: 1, queued: 1, scheduled: 1 });
    // Submitted and scheduled recipients without a report yet are both "pending" reports.
    expect(summary.statuses).toEqual({ DELIVERED: 1, REJECTED: 1, PENDING: 2 });
    expect(summary.status).toBe('active');
  });
});

describe('what main states before a resend (stateTotals)', () => {
  it('counts the recipients in that state and their SMS parts, only the chosen ones when ids are given', () => {
    const c = campaign(10);
    c.recipients.forEach((r, i) => (r.parts = i < 5 ? 2 : 1));
    const { campaignId } = campaigns.create(c);
    const ids = db.prepare('SELECT id FROM recipients WHERE campaign_id = ? ORDER BY id').pluck().all(campaignId) as number[];
    // 0..3 failed (2 parts each), 4..6 uncertain (4: 2 parts, 5-6: 1 part), the rest queued.
    db.prepare("UPDATE recipients SET state = 'failed' WHERE id IN (?, ?, ?, ?)").run(...ids.slice(0, 4));
    db.prepare("UPDATE recipients SET state = 'uncertain' WHERE id IN (?, ?, ?)").run(...ids.slice(4, 7));
    expect(campaigns.stateTotals(campaignId, 'failed', null)).toEqual({ recipients: 4, parts: 8 });
    expect(campaigns.stateTotals(campaignId, 'uncertain', null)).toEqual({ recipients: 3, parts: 4 });
    // Chosen ids in another state (a failed one, a queued one) are not resent, so not counted.
    expect(campaigns.stateTotals(campaignId, 'uncertain', [ids[0]!, ids[4]!, ids[6]!, ids[9]!])).toEqual({ recipients: 2, parts: 3 });
    expect(campaigns.stateTotals(campaignId, 'uncertain', [])).toEqual({ recipients: 0, parts: 0 });
  });
});
