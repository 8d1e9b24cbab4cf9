// The counter table every view reads (recipient_counts, kept by triggers) against a full recount of
// the recipients, after seeded random sequences of every way the outbox writes recipients: storing
// (whole and in chunks), claiming, in flight, every outcome, retries, cancel, resend, resolve, mark
// as sent, delivery reports, expiry, discarding a half-stored campaign, crash recovery, and a crash
// in the middle of a decision applied in steps.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { Lease } from './lease';
import { Queue, type AttemptOutcome } from './queue';
import { Campaigns, CREATE_CHUNK_ROWS } from './campaigns';
import { BULK_CHUNK, BulkActions } from './bulkActions';
import { Polls } from './polls';
import { stateTotals } from './counts';
import { RECIPIENT_STATES } from '../../shared/states';
import { newCampaign, numbers, people, seededRandom } from '../testing';

let dir: string;
let db: Db;
let t: number;
const now = () => t;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-counts-'));
  db = openDatabase(dir);
  // Durability is not what is tested here; an fsync per step would make the run take minutes.
  db.pragma('synchronous = OFF');
  t = 1_000_000;
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const recount = () =>
  db
    .prepare(
      `SELECT campaign_id AS c, state, COALESCE(status, '') AS status, COUNT(*) AS n FROM recipients
       GROUP BY campaign_id, state, COALESCE(status, '') ORDER BY 1, 2, 3`,
    )
    .all();
const counters = () => db.prepare('SELECT campaign_id AS c, state, status, n FROM recipient_counts WHERE n <> 0 ORDER BY 1, 2, 3').all();

const O: AttemptOutcome = { outcome: 'x', httpStatus: 500, code: null, message: 'm', body: null };
const STATUSES = ['ENROUTE', 'BUFFERED', 'DELIVERED', 'UNDELIVERABLE', 'EXPIRED', 'SCHEDULED', 'UNKNOWN'];

describe('recipient_counts', () => {
  it('equals a full recount after random sequences of every write path, crash recovery and interrupted decisions', async () => {
    const seen = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5]) {
      const rnd = seededRandom(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
      const lease = new Lease(db, { holder: `me-${seed}`, pid: process.pid, host: 'here' }, { staleMs: 30_000, now });
      lease.tryAcquire();
      const queue = new Queue(db, lease, now);
      const campaigns = new Campaigns(db, now, { holder: `me-${seed}`, pid: process.pid, host: 'here' });
      const polls = new Polls(db, now);
      let next = 4520000000 + seed * 10_000_000;
      const open = new Map<number, { id: number; attempt: number | null; msisdns: string[] }>();
      const campaignIds = () => db.prepare('SELECT id FROM campaigns WHERE stored = 1').pluck().all() as number[];

      const ops: Record<string, () => Promise<unknown> | unknown> = {
        store: () => {
          const n = 1 + Math.floor(rnd() * 40);
          const persons = numbers(n, next).map((msisdn, i) => ({ msisdn, values: [i % 3 ? 'Anna' : 'Zoë'] }));
          next += n + 10;
          return campaigns.create(newCampaign({ message: 'Hi %name%', tags: ['%name%'], people: persons }));
        },
        claim: () => {
          const b = queue.claimNext(1 + Math.floor(rnd() * 15), rnd() < 0.3 ? { byCountry: true } : undefined);
          if (b) open.set(b.id, { id: b.id, attempt: null, msisdns: b.recipients.map((r) => r.msisdn) });
        },
        inFlight: () => {
          const b = pick([...open.values()]);
          if (!b || b.attempt != null) return;
          const a = queue.markInFlight(b.id, b.msisdns.length);
          if (a == null) {
            queue.releaseClaim(b.id);
            open.delete(b.id);
          } else b.attempt = a;
        },
        outcome: () => {
          const b = pick([...open.values()].filter((x) => x.attempt != null));
          if (!b) return;
          const a = b.attempt!;
          open.delete(b.id);
          const kind = pick(['submitted', 'scheduled', 'retry', 'uncertain', 'failed', 'refused', 'recipients', 'country', 'one']);
          if (kind === 'submitted' || kind === 'scheduled')
            queue.markSubmitted(b.id, a, { ids: [b.id], usage: null }, t, kind === 'scheduled');
          else if (kind === 'retry') queue.markRetry(b.id, a, t + Math.floor(rnd() * 3), O, rnd() < 0.5);
          else if (kind === 'uncertain') queue.markUncertain(b.id, a, O);
          else if (kind === 'failed') queue.markFailed(b.id, a, O);
          else if (kind === 'refused') queue.markRefused(b.id, a, O);
          else if (kind === 'recipients') queue.markRecipientsRefused(b.id, a, rnd() < 0.5 ? [pick(b.msisdns)] : [], O);
          else if (kind === 'country') queue.markCountryRefused(b.id, a, 'DK', '45', O);
          else queue.markRecipientRetry(b.id, a, pick(b.msisdns), t + 1, O);
        },
        fencedOut: () => {
          const b = pick([...open.values()].filter((x) => x.attempt != null));
          if (!b) return;
          open.delete(b.id);
          queue.markSubmittedFencedOut(b.id, b.attempt!, { ids: [b.id], usage: null }, t, false);
        },
        release: () => {
          const b = pick([...open.values()].filter((x) => x.attempt == null));
          if (!b) return;
          open.delete(b.id);
          queue.releaseClaim(b.id);
        },
        time: () => (t += Math.floor(rnd() * 3)),
        poll: () => {
          const due = db.prepare('SELECT id FROM batches WHERE gateway_id IS NOT NULL').pluck().all() as number[];
          const id = pick(due);
          if (id == null) return;
          const ms = db.prepare('SELECT msisdn FROM recipients WHERE batch_id = ?').pluck().all(id) as string[];
          if (rnd() < 0.15) return polls.expire(id);
          return polls.apply(
            id,
            ms
              .filter(() => rnd() < 0.7)
              .map((msisdn) => ({ msisdn, status: pick(STATUSES), error: null, code: null, time: null, country: null })),
          );
        },
        cancelScheduled: () => {
          const id = pick(db.prepare("SELECT id FROM batches WHERE state = 'scheduled'").pluck().all() as number[]);
          if (id != null) campaigns.markBatchCancelled(id);
        },
        cancel: () => {
          const c = pick(campaignIds());
          return c != null && campaigns.cancel(c);
        },
        resendFailed: () => {
          const c = pick(campaignIds());
          return c != null && campaigns.resendFailed(c);
        },
        resolve: () => {
          const c = pick(campaignIds());
          if (c == null) return;
          const ids = db.prepare("SELECT id FROM recipients WHERE campaign_id = ? AND state = 'uncertain'").pluck().all(c) as number[];
          return campaigns.resolveUncertain(c, rnd() < 0.5 ? null : ids.filter(() => rnd() < 0.5), rnd() < 0.5 ? 'resend' : 'mark_sent');
        },
        pauseResume: () => {
          const c = pick(campaignIds());
          if (c != null) campaigns.setStatus(c, pick(['active', 'paused'] as const));
        },
        crash: () => {
          // The sender's process died: its claims go back, its requests in flight become uncertain.
          open.clear();
          lease.tryAcquire();
          return queue.recover();
        },
      };
      // The sending path more often than the user's decisions, or every campaign ends cancelled early.
      const weight: Record<string, number> = { store: 2, claim: 4, inFlight: 4, outcome: 5, poll: 3, cancel: 0.3, crash: 0.5 };
      const names = Object.keys(ops).flatMap((n) => Array<string>(Math.round((weight[n] ?? 1) * 10)).fill(n));

      for (let step = 0; step < 300; step++) {
        const name = pick(names);
        await ops[name]();
        const all = recount() as { state: string; status: string }[];
        expect(counters(), `seed ${seed}, step ${step} (${name})`).toEqual(all);
        for (const r of all) seen.add(`${r.state}/${r.status}`);
      }
      // Chunked storing and discarding a campaign left half-stored.
      const big = newCampaign({ people: people(CREATE_CHUNK_ROWS + 50, next) });
      await campaigns.createInChunks(big);
      const half = db
        .prepare("INSERT INTO campaigns (name, sender, message, created_at, stored, status) VALUES ('h', 's', 'm', 0, 0, 'paused')")
        .run();
      db.prepare(
        "INSERT INTO recipients (campaign_id, row_no, msisdn, encoding, parts, state, updated_at) VALUES (?, 1, '451', 'GSM7', 1, 'queued', 0)",
      ).run(half.lastInsertRowid);
      expect(counters()).toEqual(recount());
      expect(await campaigns.discardHalfStored(Number(half.lastInsertRowid))).toBe(1);
      expect(counters()).toEqual(recount());
      db.exec(
        'DELETE FROM status_events; DELETE FROM attempts; DELETE FROM bulk_actions; DELETE FROM recipients; DELETE FROM batches; DELETE FROM campaigns',
      );
      expect(counters()).toEqual([]);
      lease.release();
    }
    // The sequences did reach every state and most statuses (else they prove little).
    expect(new Set([...seen].map((s) => s.split('/')[0]))).toEqual(new Set(RECIPIENT_STATES));
    expect(seen.size, [...seen].join(' ')).toBeGreaterThan(18);
  }, 120_000);

  it('a cancel that crashes between two steps shows a cancelled campaign, nothing of it is sent, and the next start finishes it', async () => {
    const owner = { holder: 'app', pid: process.pid, host: 'here' };
    const campaigns = new Campaigns(db, now, owner);
    const lease = new Lease(db, owner, { staleMs: 30_000, now });
    lease.tryAcquire();
    const queue = new Queue(db, lease, now);
    const { campaignId } = campaigns.create(newCampaign({ people: people(BULK_CHUNK * 3 + 7) }));
    let steps = 0;
    campaigns.bulk.betweenSteps = () => {
      if (++steps === 3) throw new Error('crash'); // after the record and two steps
    };
    await expect(campaigns.cancel(campaignId)).rejects.toThrow('crash');
    // Half applied: the campaign already says cancelled, and none of it can be claimed.
    const [summary] = campaigns.list(false, campaignId);
    expect(summary.status).toBe('cancelled');
    expect(summary.states.cancelled).toBeGreaterThan(0);
    expect(summary.states.queued).toBeGreaterThan(0);
    expect(queue.claimNext(100)).toBeNull();

    // The next start (another process: the one that crashed is gone) finishes the decision.
    const later = new BulkActions(db, now, { holder: 'next', pid: 999_999_999, host: 'here' });
    const dead = db.prepare('UPDATE bulk_actions SET pid = ?').run(2 ** 31 - 2);
    expect(dead.changes).toBe(1);
    expect(await later.resumeOrphans()).toEqual([campaignId]);
    expect(campaigns.list(false, campaignId)[0].states).toEqual({ cancelled: BULK_CHUNK * 3 + 7 });
    expect(stateTotals(db)).toEqual({ cancelled: BULK_CHUNK * 3 + 7 });
    expect(campaigns.bulk.pending(campaignId)).toBe(false);
  });

  it('resending uncertain recipients that crashes half-way resends the rest on the next start, and none of them twice', async () => {
    const owner = { holder: 'app', pid: process.pid, host: 'here' };
    const campaigns = new Campaigns(db, now, owner);
    const { campaignId } = campaigns.create(newCampaign({ people: people(BULK_CHUNK * 2 + 3) }));
    db.prepare("UPDATE recipients SET state = 'uncertain'").run();
    let steps = 0;
    campaigns.bulk.betweenSteps = () => {
      if (++steps === 2) throw new Error('crash'); // after the record and one step
    };
    await expect(campaigns.resolveUncertain(campaignId, null, 'resend')).rejects.toThrow('crash');
    const done = campaigns.list(false, campaignId)[0].states.queued ?? 0;
    expect(done).toBeGreaterThan(0);
    expect(campaigns.list(false, campaignId)[0].states).toEqual({ queued: done, uncertain: BULK_CHUNK * 2 + 3 - done });
    // Those already queued again go out and come back uncertain before the restart: they were sent
    // after the decision, so the restart must not resend them a second time.
    db.prepare("UPDATE recipients SET state = 'uncertain' WHERE state = 'queued'").run();
    db.prepare('UPDATE bulk_actions SET pid = ?').run(2 ** 31 - 2);
    await new BulkActions(db, now, { holder: 'next', pid: process.pid, host: 'here' }).resumeOrphans();
    expect(campaigns.list(false, campaignId)[0].states).toEqual({ queued: BULK_CHUNK * 2 + 3 - done, uncertain: done });
  });

  it('a decision left by another machine sharing the folder is finished only after 10 minutes; one left by a reused pid at once, not one of a live process', async () => {
    const crash = async (owner: { holder: string; pid: number; host: string }) => {
      const campaigns = new Campaigns(db, now, owner);
      const { campaignId } = campaigns.create(newCampaign({ people: people(BULK_CHUNK + 5), name: owner.holder }));
      campaigns.bulk.betweenSteps = () => {
        throw new Error('crash');
      };
      await expect(campaigns.cancel(campaignId)).rejects.toThrow('crash');
      return campaignId;
    };
    const here = new BulkActions(db, now, { holder: 'next', pid: process.pid, host: 'here' });
    const remote = await crash({ holder: 'laptop', pid: process.pid, host: 'laptop.local' });
    t += 9 * 60_000;
    expect(await here.resumeOrphans()).toEqual([]);
    t += 2 * 60_000;
    expect(await here.resumeOrphans()).toEqual([remote]);

    // This host, a live pid: the same process unless its recorded start time says the pid was reused.
    const live = await crash({ holder: 'other-window', pid: process.pid, host: 'here' });
    expect(await here.resumeOrphans()).toEqual([]);
    db.prepare("UPDATE bulk_actions SET pid_started = 'an earlier process' WHERE campaign_id = ?").run(live);
    expect(await here.resumeOrphans()).toEqual([live]);
    expect(stateTotals(db)).toEqual({ cancelled: 2 * (BULK_CHUNK + 5) });
  });
});
