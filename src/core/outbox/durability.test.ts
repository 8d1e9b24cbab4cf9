// Which commits wait for the disk. A recipient is in_flight, synced (synchronous = FULL), before the
// first byte of its request, and every outcome is synced too; a claim, and the chunks of a campaign
// still hidden, need not be (see unsynced() in db/open.ts): a power cut loses them only together
// with everything after them, and then the recipients are still queued.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { Lease } from './lease';
import { Queue } from './queue';
import { Campaigns, CREATE_CHUNK_ROWS } from './campaigns';
import { newCampaign, people } from '../testing';

const FULL = 2;
const NORMAL = 1;
let dir: string;
let db: Db;
/** The synchronous setting in force inside each writing transaction that checks the lease, in order. */
let seen: number[];
let lease: Lease;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-sync-'));
  db = openDatabase(dir);
  seen = [];
  lease = new Lease(db, { holder: 'me', pid: process.pid, host: 'here' }, { staleMs: 30_000, now: () => 1 });
  lease.tryAcquire();
  const check = lease.check.bind(lease);
  lease.check = () => {
    seen.push(db.pragma('synchronous', { simple: true }) as number);
    check();
  };
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

it('in_flight and the outcome commit with synchronous = FULL; the claim before them does not wait for the disk', () => {
  const queue = new Queue(db, lease, () => 1);
  new Campaigns(db, () => 1).create(newCampaign({ people: people(5) }));
  const batch = queue.claimNext(5)!;
  const attempt = queue.markInFlight(batch.id, batch.recipients.length)!;
  queue.markSubmitted(batch.id, attempt, { ids: [1], usage: null }, 0, false);
  expect(seen).toEqual([NORMAL, FULL, FULL]);
  expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
});

it('a campaign stored in chunks becomes visible in a synchronous = FULL commit', async () => {
  const syncs: number[] = [];
  const campaigns = new Campaigns(db, () => 1);
  const exec = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    if (/SET stored = 1/.test(sql)) syncs.push(db.pragma('synchronous', { simple: true }) as number);
    return exec(sql);
  }) as Db['prepare'];
  await campaigns.createInChunks(newCampaign({ people: people(CREATE_CHUNK_ROWS + 1) }));
  expect(syncs).toEqual([FULL]);
});
