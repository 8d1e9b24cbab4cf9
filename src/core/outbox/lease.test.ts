// One sender per data folder: who may take the lease, and that a sender who lost it changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { Lease, LeaseLostError, pidAlive, processStartTime } from './lease';
import { Queue } from './queue';
import { Campaigns } from './campaigns';
import { newCampaign, people } from '../testing';

let dir: string;
let db: Db;
let t: number;
const now = () => t;
const STALE = 30_000;
const alive = new Set<number>();
/** pid → its process's start time (null: the OS does not say). */
const started = new Map<number, string | null>();
const lease = (holder: string, pid: number, host = 'here') =>
  new Lease(db, { holder, pid, host }, { staleMs: STALE, now, isAlive: (p) => alive.has(p), startedAt: (p) => started.get(p) ?? null });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-lease-'));
  db = openDatabase(dir);
  t = 1_000_000;
  alive.clear();
  alive.add(101).add(202);
  started.clear();
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Lease', () => {
  it('a free lease is taken; a live holder keeps it; after release the next holder gets a higher epoch', () => {
    const a = lease('A', 101);
    const b = lease('B', 202);
    expect(a.tryAcquire()).toBe(1);
    expect(b.tryAcquire()).toBeNull();
    expect(b.heldBy()).toMatchObject({ holder: 'A', pid: 101, epoch: 1 });
    expect(a.heldBy()).toBeNull(); // not "someone else"
    t += STALE - 1;
    expect(a.heartbeat()).toBe(true);
    t += STALE - 1;
    expect(b.tryAcquire()).toBeNull();
    a.release();
    expect(b.heldBy()).toBeNull();
    expect(b.tryAcquire()).toBe(2);
    expect(b.epoch).toBe(2);
  });

  it('takes over from a dead process on this machine even while its heartbeat looks fresh', () => {
    lease('A', 101).tryAcquire();
    alive.delete(101);
    expect(lease('B', 202).tryAcquire()).toBe(2);
  });

  it('takes over from a live pid whose heartbeat is stale (pid reused by another program)', () => {
    lease('A', 101).tryAcquire();
    t += STALE + 1;
    expect(lease('B', 202).tryAcquire()).toBe(2);
  });

  it('a live holder on this machine keeps the lease however stale its heartbeat (asleep, stalled, clock stepped)', () => {
    started.set(101, '4711').set(202, '4800');
    const a = lease('A', 101);
    a.tryAcquire();
    t += 10 * STALE; // the laptop slept
    expect(lease('B', 202).tryAcquire()).toBeNull();
    expect(a.heartbeat()).toBe(true); // and it carries on where it was
    expect(a.epoch).toBe(1);
  });

  it('the same pid with another start time is a reused pid: its lease is taken, heartbeat or not', () => {
    started.set(101, '4711');
    lease('A', 101).tryAcquire();
    started.set(101, '9999'); // A died; a new program got pid 101
    t += STALE + 1;
    expect(lease('B', 202).tryAcquire()).toBe(2);
  });

  it('records the start time of this process as the OS gives it (Linux: /proc/<pid>/stat field 22)', () => {
    const real = new Lease(db, { holder: 'me', pid: process.pid, host: 'here' }, { staleMs: STALE, now });
    real.tryAcquire();
    const row = db.prepare('SELECT pid_started FROM lease').get() as { pid_started: string | null };
    if (process.platform === 'win32') expect(row.pid_started).toBeNull();
    else expect(row.pid_started).toMatch(/\S/);
    expect(processStartTime(process.pid)).toBe(row.pid_started);
  });

  it('on Linux, tells this process from a later one without ps installed (read from /proc), and says nothing of a pid that is gone', (ctx) => {
    if (process.platform !== 'linux') {
      console.log(`skipped: the /proc start-time test is for Linux (this is ${process.platform})`);
      return ctx.skip();
    }
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { stdio: 'ignore' });
    const path = process.env.PATH;
    try {
      // Minimal Linux installs and sandboxes may lack ps: a reused pid must still be recognised there.
      process.env.PATH = '';
      const mine = processStartTime(process.pid);
      const theirs = processStartTime(child.pid!);
      expect(mine).toMatch(/^\d+$/);
      expect(theirs).toMatch(/^\d+$/);
      expect(Number(theirs)).toBeGreaterThanOrEqual(Number(mine));
      expect(theirs).not.toBe(mine);
      expect(processStartTime(process.pid)).toBe(mine);
      expect(processStartTime(2 ** 22 + 1)).toBeNull();
    } finally {
      process.env.PATH = path;
      child.kill();
    }
  });

  it('tells a live process from one that has ended (the real OS check, not a stub)', async () => {
    expect(pidAlive(process.pid)).toBe(true);
    // pid 1 belongs to another user unless we are root: alive all the same (EPERM is not "gone").
    if (process.platform !== 'win32') expect(pidAlive(1)).toBe(true);
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => child.on('exit', resolve));
    expect(pidAlive(child.pid!)).toBe(false);
  });

  it('another machine (shared folder) is trusted while its heartbeat is fresh, and only then', () => {
    const remote = lease('R', 999, 'other-host');
    remote.tryAcquire();
    const b = lease('B', 202);
    t += STALE - 1;
    expect(b.tryAcquire()).toBeNull();
    t += 2;
    expect(b.tryAcquire()).toBe(2);
  });

  it('a holder whose epoch is outdated gets LeaseLostError and can change nothing', () => {
    const campaigns = new Campaigns(db, now);
    campaigns.create(newCampaign({ people: people(5) }));
    const a = lease('A', 101);
    a.tryAcquire();
    const stale = new Queue(db, a, now);
    alive.delete(101); // A froze long enough to look dead; B takes over
    const b = lease('B', 202);
    expect(b.tryAcquire()).toBe(2);

    expect(() => stale.claimNext(10)).toThrow(LeaseLostError);
    // The user sees this sentence (dispatch turns it into a conflict), and logs show the name.
    const lost = (() => {
      try {
        stale.claimNext(10);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(lost?.message).toBe('Another SMS Outbox process took over sending for this data folder.');
    expect(lost?.name).toBe('LeaseLostError');
    expect(db.prepare('SELECT COUNT(*) FROM batches').pluck().get()).toBe(0);
    expect(campaigns.counts()).toEqual({ queued: 5 });
    expect(a.epoch).toBeNull();
    expect(a.heartbeat()).toBe(false);
    a.release(); // must not free B's lease
    expect(lease('C', 101).heldBy()).toMatchObject({ holder: 'B', epoch: 2 });

    // B's queue works.
    const fresh = new Queue(db, b, now);
    expect(fresh.claimNext(10)?.recipients).toHaveLength(5);
  });
});
