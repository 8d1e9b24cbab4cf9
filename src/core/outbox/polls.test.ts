// Delivery reports for a batch of 10,000 are applied in several short transactions: interrupted
// between two of them, the batch stays due and the next poll completes it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { Lease } from './lease';
import { Queue } from './queue';
import { Campaigns } from './campaigns';
import { POLL_CHUNK, Polls } from './polls';
import { newCampaign, people } from '../testing';

let dir: string;
let db: Db;
const now = () => 1_000_000;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-polls-'));
  db = openDatabase(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

it('a poll interrupted between two transactions leaves the batch due; the next poll applies the rest', async () => {
  const n = POLL_CHUNK + 10;
  const lease = new Lease(db, { holder: 'me', pid: process.pid, host: 'here' }, { staleMs: 30_000, now });
  lease.tryAcquire();
  const queue = new Queue(db, lease, now);
  const campaigns = new Campaigns(db, now);
  const { campaignId } = campaigns.create(newCampaign({ people: people(n) }));
  const b = queue.claimNext(n)!;
  queue.markSubmitted(b.id, queue.markInFlight(b.id, n)!, { ids: [7], usage: null }, 0, false);
  const reports = b.recipients.map((r) => ({ msisdn: r.msisdn, status: 'DELIVERED', error: null, code: null, time: null, country: 'DK' }));
  const polls = new Polls(db, now);

  polls.betweenChunks = () => {
    throw new Error('crash');
  };
  await expect(polls.apply(b.id, reports)).rejects.toThrow('crash');
  const first = campaigns.get(campaignId, false).statuses.DELIVERED ?? 0;
  expect(first).toBeGreaterThan(0);
  expect(campaigns.get(campaignId, false).statuses).toEqual({ DELIVERED: first, PENDING: n - first });
  expect(polls.due().map((d) => d.id)).toEqual([b.id]);

  polls.betweenChunks = null;
  expect(await polls.apply(b.id, reports)).toEqual({ changed: n - first, pending: 0 });
  expect(campaigns.get(campaignId, false).statuses).toEqual({ DELIVERED: n });
  expect(polls.due()).toEqual([]);
});

it('report times: the gateway’s time when given, else the time received; a repeated report changes nothing; the batch stays due while some are pending', async () => {
  const lease = new Lease(db, { holder: 'me', pid: process.pid, host: 'here' }, { staleMs: 30_000, now });
  lease.tryAcquire();
  const queue = new Queue(db, lease, now);
  const campaigns = new Campaigns(db, now);
  campaigns.create(newCampaign({ people: people(3) }));
  const b = queue.claimNext(3)!;
  queue.markSubmitted(b.id, queue.markInFlight(b.id, 3)!, { ids: [7], usage: null }, 0, false);
  const [timed, untimed] = b.recipients.map((r) => r.msisdn);
  const report = (msisdn: string, time: number | null) => ({ msisdn, status: 'DELIVERED', error: null, code: null, time, country: 'DK' });
  const polls = new Polls(db, now);
  const statusAt = (msisdn: string) => db.prepare('SELECT status_at AS t FROM recipients WHERE msisdn = ?').pluck().get(msisdn);
  const events = (msisdn: string) =>
    db.prepare('SELECT COUNT(*) FROM status_events e JOIN recipients r ON r.id = e.recipient_id WHERE r.msisdn = ?').pluck().get(msisdn);

  expect(await polls.apply(b.id, [report(timed, 900), report(untimed, null)])).toEqual({ changed: 2, pending: 1 });
  expect(statusAt(timed)).toBe(900_000); // GatewayAPI gives seconds
  expect(statusAt(untimed)).toBe(now());
  expect(events(timed)).toBe(1);
  // The third recipient has no final report yet: the batch is still polled.
  expect(polls.due().map((d) => d.id)).toEqual([b.id]);

  // The same report again (the next poll repeats it): no change, no second event.
  expect(await polls.apply(b.id, [report(timed, 900)])).toEqual({ changed: 0, pending: 1 });
  expect(events(timed)).toBe(1);
});
