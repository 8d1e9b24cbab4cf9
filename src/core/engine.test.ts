// The Engine as the app and the CLI run it: crash recovery, one sender per data folder, and the
// user's decisions, against the real simulator and real SQLite.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startSimulator, type Simulator } from '../simulator';
import { DB_FILE } from './db/open';
import { writeSettings } from './outbox/settings';
import { makeEngine, newCampaign, numbers, pause, sendIdle, waitFor, type Harness } from './testing';

/** Above any pid_max: process.kill(pid, 0) answers ESRCH, i.e. "that process is dead". */
const DEAD_PID = 2 ** 30;

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function sim(): Promise<Simulator> {
  const s = await startSimulator({ credit: 1e6 });
  cleanup.push(() => s.close());
  return s;
}
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sms-outbox-engine-'));
  cleanup.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}
async function engine(o: Parameters<typeof makeEngine>[0]): Promise<Harness> {
  const h = await makeEngine(o);
  cleanup.push(() => h.close());
  return h;
}
const peopleOf = (n: number, first?: number) => numbers(n, first).map((msisdn) => ({ msisdn }));
const batchEpochs = (h: Harness) => h.engine.db.prepare('SELECT DISTINCT lease_epoch FROM batches').pluck().all() as number[];

describe('crash and restart', () => {
  it('claimed work goes back to the queue and in_flight becomes uncertain; only the queue is sent', async () => {
    const s = await sim();
    const dir = tempDir();
    // The first "process" claims a batch, commits another as in flight, then dies without a word.
    const a = await makeEngine({ sim: s, dataDir: dir, start: false, settings: { batchSize: 10 } });
    a.engine.campaigns.create(newCampaign({ people: peopleOf(30) }));
    expect(a.engine.lease.tryAcquire()).toBe(1);
    const claimed = a.engine.queue.claimNext(10)!;
    const flying = a.engine.queue.claimNext(10)!;
    a.engine.queue.markInFlight(flying.id, 10);
    a.engine.db.prepare('UPDATE lease SET pid = ?').run(DEAD_PID);
    a.engine.db.close();

    const b = await engine({ sim: s, dataDir: dir, settings: { batchSize: 10 } });
    expect(b.engine.holdsLease).toBe(true);
    expect(b.engine.lease.epoch).toBe(2);
    expect(b.notices).toContainEqual(
      expect.objectContaining({ key: 'uncertain', message: expect.stringMatching(/^10 recipients were being sent/) }),
    );
    await waitFor(() => sendIdle(b), 'sent');
    expect(b.counts()).toEqual({ submitted: 20, uncertain: 10 });
    const flyingIds = new Set(flying.recipients.map((r) => r.msisdn));
    const log = s.log.map((e) => e.msisdn);
    expect(log).toHaveLength(20);
    expect(log.some((m) => flyingIds.has(m))).toBe(false);
    expect(log).toEqual(expect.arrayContaining(claimed.recipients.map((r) => r.msisdn)));
    expect(b.engine.db.prepare('SELECT outcome FROM attempts WHERE batch_id = ?').pluck().all(flying.id)).toEqual(['interrupted']);
    expect(batchEpochs(b).sort()).toEqual([1, 2]); // the dead process's two batches, ours
    expect(s.duplicates()).toEqual([]);
  });

  it('a sender process killed (SIGKILL) mid-request: on restart its batch is uncertain, nothing is sent twice', async () => {
    const s = await sim();
    const dir = tempDir();
    const setup = await makeEngine({ sim: s, dataDir: dir, start: false, settings: { batchSize: 10, maxConcurrent: 1 } });
    setup.engine.campaigns.create(newCampaign({ people: peopleOf(40) }));
    setup.engine.db.close();

    // The first request is accepted and answered; the second is accepted, then its answer is held
    // back until the process has been killed.
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'testing', 'senderChild.ts'), dir, s.url, s.token],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    cleanup.push(() => {
      if (child.exitCode == null && child.signalCode == null) child.kill('SIGKILL');
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    child.stderr!.on('data', (d) => (out += String(d)));
    const arm = setInterval(() => {
      if (s.requests.some((r) => r.method === 'POST')) s.faults.latencyMs = 60_000;
    }, 1);
    cleanup.push(() => clearInterval(arm));
    await waitFor(() => /started 1/.test(out), `child to start (${out})`, { timeoutMs: 15_000 });
    const peek = new Database(join(dir, DB_FILE), { readonly: true });
    cleanup.push(() => {
      peek.close();
    });
    await waitFor(
      () => s.log.length === 20 && peek.prepare("SELECT COUNT(*) FROM recipients WHERE state = 'in_flight'").pluck().get() === 10,
      'second batch accepted and in flight',
      { timeoutMs: 10_000 },
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    clearInterval(arm);
    s.faults.latencyMs = 0;

    const b = await engine({ sim: s, dataDir: dir, settings: { batchSize: 10 } });
    expect(b.engine.lease.epoch).toBe(2);
    await waitFor(() => sendIdle(b), 'rest sent');
    expect(b.counts()).toEqual({ submitted: 30, uncertain: 10 });
    expect(s.duplicates()).toEqual([]);
    expect(s.log).toHaveLength(40);
    const uncertain = [...b.states()].filter(([, st]) => st === 'uncertain').map(([m]) => m);
    const log = new Set(s.log.map((e) => e.msisdn));
    expect(uncertain.every((m) => log.has(m))).toBe(true); // accepted, but we could not know
  }, 20_000);
});

describe('one sender per data folder', () => {
  it('a second engine on the same folder does not send while the first lives, then takes over with a higher epoch', async () => {
    const s = await sim();
    const dir = tempDir();
    const a = await engine({ sim: s, dataDir: dir, settings: { batchSize: 10 } });
    const b = await engine({ sim: s, dataDir: dir, settings: { batchSize: 10 } });
    expect(a.engine.holdsLease).toBe(true);
    expect(b.engine.holdsLease).toBe(false);
    expect(b.engine.lease.heldBy()).toMatchObject({ holder: a.engine.lease.me.holder, epoch: 1 });

    // Work queued through B (as the CLI or the window would) is sent by A, the holder.
    b.engine.campaigns.create(newCampaign({ people: peopleOf(20) }));
    await waitFor(() => a.counts().submitted === 20, 'A sends what B queued');
    await pause(250);
    expect(b.engine.holdsLease).toBe(false);
    expect(batchEpochs(a)).toEqual([1]);

    await a.close();
    cleanup.pop();
    await waitFor(() => b.engine.holdsLease, 'B takes over');
    expect(b.engine.lease.epoch).toBe(2);
    b.engine.campaigns.create(newCampaign({ people: peopleOf(10, 4530000000) }));
    b.engine.wake();
    await waitFor(() => sendIdle(b), 'B sends');
    expect(batchEpochs(b).sort()).toEqual([1, 2]);
    expect(s.log).toHaveLength(30);
    expect(s.duplicates()).toEqual([]);
  });

  it('a sender whose holder looks dead is replaced; the old one gets LeaseLostError and stops sending', async () => {
    const s = await sim();
    const dir = tempDir();
    const a = await engine({ sim: s, dataDir: dir, settings: { batchSize: 10 } });
    const b = await engine({ sim: s, dataDir: dir, settings: { batchSize: 10 } });
    expect(b.engine.holdsLease).toBe(false);
    // A froze (e.g. a laptop lid) and its pid looks gone: B may take over.
    a.engine.db.prepare('UPDATE lease SET pid = ?').run(DEAD_PID);
    await waitFor(() => b.engine.holdsLease, 'B takes over');
    expect(b.engine.lease.epoch).toBe(2);
    await waitFor(() => !a.engine.holdsLease, 'A notices');
    expect(() => a.engine.queue.claimNext(10)).toThrow(/Another SMS Outbox process took over/);

    a.engine.campaigns.create(newCampaign({ people: peopleOf(20) }));
    a.engine.wake();
    await waitFor(() => sendIdle(b) && b.counts().submitted === 20, 'B sends');
    expect(batchEpochs(b)).toEqual([2]);
    expect(s.duplicates()).toEqual([]);
  });
});

describe('user actions', () => {
  async function withUncertain(): Promise<{ h: Harness; campaignId: number; uncertain: string[] }> {
    const h = await engine({ settings: { batchSize: 10, maxConcurrent: 1 } });
    h.sim.faults.dropAfterAccept = { count: 1 };
    const { campaignId } = h.engine.campaigns.create(newCampaign({ people: peopleOf(30) }));
    h.engine.wake();
    await waitFor(() => sendIdle(h), 'sent');
    const uncertain = [...h.states()]
      .filter(([, st]) => st === 'uncertain')
      .map(([m]) => m)
      .sort();
    expect(uncertain).toHaveLength(10);
    return { h, campaignId, uncertain };
  }

  it('resend after uncertain: sent exactly once more, and only those', async () => {
    const { h, campaignId, uncertain } = await withUncertain();
    expect(h.sim.duplicates()).toEqual([]);
    expect(await h.engine.campaigns.resolveUncertain(campaignId, null, 'resend')).toBe(10);
    h.engine.wake();
    await waitFor(() => sendIdle(h), 'resent');
    expect(h.counts()).toEqual({ submitted: 30 });
    expect(h.sim.duplicates().sort()).toEqual(uncertain);
    const times = new Map<string, number>();
    for (const e of h.sim.log) times.set(e.msisdn, (times.get(e.msisdn) ?? 0) + 1);
    for (const [m, n] of times) expect(n).toBe(uncertain.includes(m) ? 2 : 1);
  });

  it('mark as sent: nothing more is sent', async () => {
    const { h, campaignId } = await withUncertain();
    const sends = h.sends();
    expect(await h.engine.campaigns.resolveUncertain(campaignId, null, 'mark_sent')).toBe(10);
    h.engine.wake();
    await pause(150);
    expect(h.counts()).toEqual({ submitted: 20, marked_sent: 10 });
    expect(h.sends()).toBe(sends);
  });

  it('a campaign with recipients marked as sent still finishes (notice) once the rest is final', async () => {
    const h = await engine({
      settings: { batchSize: 10, maxConcurrent: 1 },
      simulator: { notFoundUntilMs: 0, statusDelayMs: 0 },
      engine: { pollScheduleMs: [20, 20] },
    });
    h.sim.faults.dropAfterAccept = { count: 1 };
    const { campaignId } = h.engine.campaigns.create(newCampaign({ people: peopleOf(30), name: 'Spring sale' }));
    h.engine.wake();
    await waitFor(() => sendIdle(h) && h.counts().uncertain === 10, 'sent');
    await h.engine.campaigns.resolveUncertain(campaignId, null, 'mark_sent');
    await waitFor(
      () => h.engine.db.prepare('SELECT COUNT(*) FROM batches WHERE poll_next_at IS NOT NULL').pluck().get() === 0,
      'all final',
    );
    await waitFor(() => h.notices.some((n) => n.key === `finished-${campaignId}`), 'finished notice');
    expect(h.notices.filter((n) => n.key === `finished-${campaignId}`)).toEqual([
      expect.objectContaining({ level: 'info', message: expect.stringMatching(/^Campaign “Spring sale” finished: \d+ delivered/) }),
    ]);
  });

  it('resend to failed: after the cause is fixed, the failed recipients are sent', async () => {
    const h = await engine({ settings: { batchSize: 10 }, engine: { retry: { baseMs: 5, capMs: 10, maxAgeMs: 100 } } });
    h.sim.faults.rateLimit = {};
    const { campaignId } = h.engine.campaigns.create(newCampaign({ people: peopleOf(20) }));
    h.engine.wake();
    await waitFor(() => sendIdle(h), 'gave up');
    expect(h.counts()).toEqual({ failed: 20 });
    h.sim.faults.rateLimit = null;
    expect(await h.engine.campaigns.resendFailed(campaignId)).toBe(20);
    h.engine.wake();
    await waitFor(() => sendIdle(h), 'resent');
    expect(h.counts()).toEqual({ submitted: 20 });
    expect(h.sim.log).toHaveLength(20);
    expect(h.sim.duplicates()).toEqual([]);
  });

  it('cancel: what was not written yet is cancelled and never sent', async () => {
    const h = await engine({ settings: { batchSize: 10, maxConcurrent: 1 } });
    h.sim.faults.latencyMs = 200; // the first batch is on the wire while the user cancels
    const { campaignId } = h.engine.campaigns.create(newCampaign({ people: peopleOf(40) }));
    h.engine.wake();
    await waitFor(() => h.counts().in_flight === 10, 'first batch in flight');
    expect(await h.engine.campaigns.cancel(campaignId)).toBe(30);
    await waitFor(() => sendIdle(h), 'in-flight batch finished');
    await pause(150);
    expect(h.counts()).toEqual({ submitted: 10, cancelled: 30 });
    expect(h.sends()).toBe(1);
    expect(h.sim.log).toHaveLength(10);
    expect(h.engine.campaigns.get(campaignId, false).status).toBe('cancelled');
  });

  it('campaign pause holds it (others still go); resume sends the rest', async () => {
    const h = await engine({ settings: { batchSize: 10 } });
    const held = h.engine.campaigns.create(newCampaign({ people: peopleOf(20), name: 'held' })).campaignId;
    h.engine.campaigns.setStatus(held, 'paused');
    h.engine.campaigns.create(newCampaign({ people: peopleOf(10, 4530000000), name: 'other' }));
    h.engine.wake();
    await waitFor(() => h.counts().submitted === 10, 'other campaign sent');
    await pause(150);
    expect(h.engine.campaigns.get(held, false)).toMatchObject({ status: 'paused', states: { queued: 20 } });
    h.engine.campaigns.setStatus(held, 'active');
    h.engine.wake();
    await waitFor(() => sendIdle(h), 'resumed');
    expect(h.counts()).toEqual({ submitted: 30 });
    expect(h.sim.duplicates()).toEqual([]);
  });

  it('pausing the whole outbox stops new batches until resume', async () => {
    const h = await engine({ settings: { batchSize: 10 } });
    h.engine.pause('user', 'Paused by you.');
    h.engine.campaigns.create(newCampaign({ people: peopleOf(20) }));
    h.engine.wake();
    await pause(150);
    expect(h.sends()).toBe(0);
    expect(h.counts()).toEqual({ queued: 20 });
    h.engine.resume();
    await waitFor(() => sendIdle(h), 'sent');
    expect(h.counts()).toEqual({ submitted: 20 });
  });
});

describe('settings changes reach the running sender', () => {
  it('a new batch size applies to the next claim', async () => {
    const h = await engine({ settings: { batchSize: 5, maxConcurrent: 1 } });
    h.engine.pause('user', 'hold');
    h.engine.campaigns.create(newCampaign({ people: peopleOf(20) }));
    writeSettings(h.engine.db, { batchSize: 20 });
    h.engine.resume();
    await waitFor(() => sendIdle(h), 'sent');
    expect(h.sends()).toBe(1);
  });
});
