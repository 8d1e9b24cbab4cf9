// The outbox state machine on its own (no network): claiming, recovery after a crash, and the
// user's decisions, each one transaction.
import { storedReasonText } from '../testing/reasons';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { Lease } from './lease';
import { Queue } from './queue';
import { Campaigns } from './campaigns';
import { newCampaign, numbers } from '../testing';

let dir: string;
let db: Db;
let t: number;
const now = () => t;
let queue: Queue;
let campaigns: Campaigns;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-queue-'));
  db = openDatabase(dir);
  t = 1_000_000;
  const lease = new Lease(db, { holder: 'me', pid: process.pid, host: 'here' }, { staleMs: 30_000, now });
  lease.tryAcquire();
  queue = new Queue(db, lease, now);
  campaigns = new Campaigns(db, now);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const state = (id: number) => db.prepare('SELECT state FROM recipients WHERE id = ?').pluck().get(id);

describe('claimNext', () => {
  it('takes up to `size` recipients of one encoding, oldest campaign first, GSM-7 before UCS-2, in id order', () => {
    const a = campaigns.create(
      newCampaign({
        message: 'Hi %name%',
        tags: ['%name%'],
        people: numbers(6).map((msisdn, i) => ({ msisdn, values: [i % 2 ? 'Zoë' : 'Anna'] })),
      }),
    ).campaignId;
    const b = campaigns.create(newCampaign({ people: numbers(3, 4530000000).map((msisdn) => ({ msisdn })) })).campaignId;

    const first = queue.claimNext(2)!;
    expect(first).toMatchObject({ campaignId: a, encoding: 'GSM7', tags: ['%name%'] });
    expect(first.recipients.map((r) => r.tagvalues)).toEqual([['Anna'], ['Anna']]);
    // Within a campaign, GSM-7 recipients go before UCS-2 ones (the queue index's order).
    const second = queue.claimNext(10)!;
    expect(second).toMatchObject({ campaignId: a, encoding: 'GSM7' });
    expect(second.recipients).toHaveLength(1);
    const third = queue.claimNext(10)!;
    expect(third).toMatchObject({ campaignId: a, encoding: 'UCS2' });
    expect(third.recipients).toHaveLength(3);
    expect(queue.claimNext(10)).toMatchObject({ campaignId: b, tags: [] });
    expect(queue.claimNext(10)).toBeNull();
    expect(campaigns.counts()).toEqual({ claimed: 9 });
  });

  it('`sms-outbox send` claims only its own campaign; an empty or invalid list claims nothing; null claims all again', () => {
    const a = campaigns.create(newCampaign({ people: numbers(2).map((msisdn) => ({ msisdn })) })).campaignId;
    const b = campaigns.create(newCampaign({ people: numbers(2, 4530000000).map((msisdn) => ({ msisdn })) })).campaignId;
    queue.limitTo([b]);
    expect(queue.claimNext(10)).toMatchObject({ campaignId: b });
    expect(queue.claimNext(10)).toBeNull();
    queue.limitTo([]);
    expect(queue.claimNext(10)).toBeNull();
    queue.limitTo([Number.NaN, 1.5]);
    expect(queue.claimNext(10)).toBeNull();
    queue.limitTo([999, a]);
    expect(queue.claimNext(1)).toMatchObject({ campaignId: a });
    queue.limitTo(null);
    expect(queue.claimNext(10)).toMatchObject({ campaignId: a });
  });

  it("a campaign's summary counts its own recipients only", () => {
    const a = campaigns.create(newCampaign({ people: numbers(2).map((msisdn) => ({ msisdn })) })).campaignId;
    const b = campaigns.create(newCampaign({ people: numbers(3, 4530000000).map((msisdn) => ({ msisdn })) })).campaignId;
    expect(campaigns.get(b, false)).toMatchObject({ id: b, total: 3, states: { queued: 3 } });
    expect(campaigns.list(false, a)).toHaveLength(1);
    expect(campaigns.list(false).map((c) => c.total)).toEqual([3, 2]);
  });

  it('skips paused and cancelled campaigns', async () => {
    const a = campaigns.create(newCampaign({ people: numbers(2).map((msisdn) => ({ msisdn })) })).campaignId;
    const b = campaigns.create(newCampaign({ people: numbers(2, 4530000000).map((msisdn) => ({ msisdn })) })).campaignId;
    campaigns.setStatus(a, 'paused');
    expect(await campaigns.cancel(b)).toBe(2);
    expect(queue.claimNext(10)).toBeNull();
    expect(queue.hasQueued()).toBe(false);
    campaigns.setStatus(a, 'active');
    expect(queue.claimNext(10)?.campaignId).toBe(a);
  });

  it('a due retry goes before new work; one not yet due waits', () => {
    campaigns.create(newCampaign({ people: numbers(4).map((msisdn) => ({ msisdn })) }));
    const b = queue.claimNext(2)!;
    const att = queue.markInFlight(b.id, 2);
    queue.markRetry(b.id, att!, t + 5000, { outcome: 'transient', httpStatus: 503, code: null, message: 'busy', body: null }, true);
    expect(queue.nextRetryAt()).toBe(t + 5000);
    const other = queue.claimNext(2)!;
    expect(other.id).not.toBe(b.id);
    t += 5000;
    const again = queue.claimNext(2)!;
    expect(again.id).toBe(b.id);
    expect(again.recipients.map((r) => r.id)).toEqual(b.recipients.map((r) => r.id));
    expect(queue.tries(b.id)).toBe(1);
  });
});

describe('recover (after a crash, with the lease taken)', () => {
  it('claimed go back to the queue, in_flight become uncertain, open attempts are marked interrupted', () => {
    const { campaignId } = campaigns.create(newCampaign({ people: numbers(6).map((msisdn) => ({ msisdn })) }));
    const claimed = queue.claimNext(2)!;
    const flying = queue.claimNext(2)!;
    queue.markInFlight(flying.id, 2);
    expect(campaigns.counts()).toEqual({ claimed: 2, in_flight: 2, queued: 2 });

    expect(queue.recover()).toEqual({ requeued: 2, uncertain: 2 });
    expect(campaigns.counts()).toEqual({ queued: 4, uncertain: 2 });
    for (const r of claimed.recipients) expect(state(r.id)).toBe('queued');
    for (const r of flying.recipients) expect(state(r.id)).toBe('uncertain');
    const err = db.prepare("SELECT DISTINCT error FROM recipients WHERE state = 'uncertain'").pluck().all();
    expect(err.map((e) => storedReasonText(e as string))).toEqual([expect.stringMatching(/may or may not have reached GatewayAPI/)]);
    const batches = db.prepare('SELECT id, state FROM batches ORDER BY id').all();
    expect(batches).toEqual([
      { id: claimed.id, state: 'abandoned' },
      { id: flying.id, state: 'uncertain' },
    ]);
    expect(campaigns.attempts(campaignId)).toEqual([
      expect.objectContaining({ batchId: flying.id, outcome: 'interrupted', finishedAt: t, message: '{"code":"reason_app_stopped"}' }),
    ]);
    // Recovery is idempotent.
    expect(queue.recover()).toEqual({ requeued: 0, uncertain: 0 });
  });
});

describe('user decisions', () => {
  it('resend puts uncertain back in the queue; mark as sent ends them; only the named ones', async () => {
    const { campaignId } = campaigns.create(newCampaign({ people: numbers(4).map((msisdn) => ({ msisdn })) }));
    const b = queue.claimNext(4)!;
    const att = queue.markInFlight(b.id, 4);
    queue.markUncertain(b.id, att!, { outcome: 'ambiguous', httpStatus: 500, code: null, message: 'boom', body: null });
    const [r1, r2, ...rest] = b.recipients.map((r) => r.id);
    expect(await campaigns.resolveUncertain(campaignId, [r1], 'resend')).toBe(1);
    expect(await campaigns.resolveUncertain(campaignId, [r2], 'mark_sent')).toBe(1);
    expect(await campaigns.resolveUncertain(campaignId, [r1], 'mark_sent')).toBe(0); // no longer uncertain
    expect(state(r1)).toBe('queued');
    expect(state(r2)).toBe('marked_sent');
    expect(rest.map(state)).toEqual(['uncertain', 'uncertain']);
    expect(await campaigns.resolveUncertain(campaignId, null, 'mark_sent')).toBe(2);
    expect(campaigns.counts()).toEqual({ queued: 1, marked_sent: 3 });
  });

  it('cancel ends queued and waiting recipients, not those already written', async () => {
    const { campaignId } = campaigns.create(newCampaign({ people: numbers(6).map((msisdn) => ({ msisdn })) }));
    const waiting = queue.claimNext(2)!;
    const att = queue.markInFlight(waiting.id, 2);
    queue.markRetry(waiting.id, att!, t + 1000, { outcome: 'transient', httpStatus: 429, code: null, message: 'busy', body: null }, true);
    const flying = queue.claimNext(2)!;
    queue.markInFlight(flying.id, 2);
    expect(await campaigns.cancel(campaignId)).toBe(4);
    expect(campaigns.counts()).toEqual({ cancelled: 4, in_flight: 2 });
    t += 1000;
    expect(queue.nextRetryAt()).toBeNull();
    expect(queue.claimNext(10)).toBeNull();
  });

  it('cancel is final: in-flight recipients refused after a cancel, a claim given back, and recovery all end cancelled', async () => {
    const { campaignId } = campaigns.create(newCampaign({ people: numbers(6).map((msisdn) => ({ msisdn })) }));
    const refused = queue.claimNext(2)!;
    const att = queue.markInFlight(refused.id, 2)!;
    const held = queue.claimNext(2)!;
    const crashed = queue.claimNext(2)!;
    campaigns.setStatus(campaignId, 'cancelled'); // as a cancel racing the sender would leave it
    // A claimed batch cannot go in flight any more: the campaign is checked in the same transaction.
    expect(queue.markInFlight(held.id, 2)).toBeNull();
    queue.releaseClaim(held.id);
    queue.markRefused(refused.id, att, { outcome: 'auth', httpStatus: 401, code: null, message: 'token', body: null });
    queue.recover(); // the crashed claim
    expect(crashed.recipients.map((r) => state(r.id))).toEqual(['cancelled', 'cancelled']);
    expect(campaigns.counts()).toEqual({ cancelled: 6 });
    // "Resend to failed" reopens the campaign for failed recipients only.
    await campaigns.resendFailed(campaignId);
    expect(queue.claimNext(10)).toBeNull();
    expect(campaigns.counts()).toEqual({ cancelled: 6 });
  });
});

describe("the server's message", () => {
  it('is stored once per batch, bounded to 1,000 characters, and still shown with each recipient', async () => {
    const { campaignId } = campaigns.create(newCampaign({ people: numbers(50).map((msisdn) => ({ msisdn })) }));
    const b = queue.claimNext(50)!;
    const att = queue.markInFlight(b.id, 50);
    const page = `<html>${'Bad gateway from the proxy. '.repeat(4000)}</html>`; // ~112 KB
    queue.markFailed(b.id, att!, { outcome: 'rejected', httpStatus: 400, code: '0x0220', message: page, body: null });
    // Stored: no recipient row holds a copy; the batch holds at most 1,000 characters.
    const copies = db.prepare('SELECT COUNT(*) FROM recipients WHERE error IS NOT NULL').pluck().get();
    expect(copies).toBe(0);
    const stored = db.prepare('SELECT error FROM batches WHERE id = ?').pluck().get(b.id) as string;
    expect(stored.length).toBeLessThanOrEqual(1000);
    expect(stored.startsWith('<html>Bad gateway from the proxy.')).toBe(true);
    // Shown and exported: every recipient reads it from its batch.
    const rows = campaigns.recipients({ campaignId, search: '', filter: 'all', offset: 0, limit: 100 }).rows;
    expect(rows).toHaveLength(50);
    for (const r of rows) expect(r).toMatchObject({ state: 'failed', errorCode: '0x0220', error: stored });
    expect(campaigns.recipientPage(campaignId, 0, 5)[0].error).toBe(stored);
  });
});
