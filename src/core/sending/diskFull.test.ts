// A disk that fills up in the middle of a send, for real: the data folder on a small tmpfs that a
// file fills to the last byte (SQLite then fails where it really does, mostly growing the -wal
// file). No crash and no unhandled rejection; sending pauses with "the disk is full"; answers
// GatewayAPI already gave are kept in memory and written once there is room; the run then completes
// with nothing uncertain and nothing sent twice. Stopping while the disk is full ends promptly.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE } from '../db/open';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeEngine, newCampaign, numbers, pause, sendIdle, smallDisk, waitFor, type Harness, type SmallDisk } from '../testing';
import type { FetchFn } from '../types';

let disk: SmallDisk | string = 'not set up';
let h: Harness | null = null;
beforeAll(() => {
  disk = smallDisk();
  if (typeof disk === 'string') console.log(`skipped: the real-disk tests of diskFull.test.ts (${disk})`);
  return () => {
    if (typeof disk !== 'string') disk.unmount();
  };
});
afterEach(async () => {
  await h?.close();
  h = null;
  if (typeof disk !== 'string') disk.free();
});

/** Fills the disk right after GatewayAPI accepted the `nth` send, before the answer is recorded. */
function fillAfterSend(nth: number, d: SmallDisk) {
  let sends = 0;
  return (real: FetchFn): FetchFn =>
    async (url, init) => {
      const res = await real(url, init);
      if (init?.method === 'POST' && ++sends === nth) d.fill();
      return res;
    };
}

let folders = 0;
/** A fresh data folder on the small disk for each test. */
const folderOn = (d: SmallDisk) => {
  const dir = join(d.dir, `t${++folders}`);
  mkdirSync(dir);
  return dir;
};

const recorder = () => {
  const errors: string[] = [];
  return { errors, logger: { info() {}, warn() {}, error: (m: string) => errors.push(m) } };
};

describe('the disk fills up during a send (a real tmpfs)', () => {
  it('pauses with "the disk is full", keeps accepted answers in memory, and completes with 0 uncertain when space is back', async (ctx) => {
    if (typeof disk === 'string') return ctx.skip();
    const d = disk;
    const { errors, logger } = recorder();
    h = await makeEngine({
      dataDir: folderOn(d),
      settings: { batchSize: 10, maxConcurrent: 2 },
      fetch: fillAfterSend(3, d),
      engine: { logger },
    });
    h.engine.campaigns.create(newCampaign({ people: numbers(300).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();

    await waitFor(() => h!.engine.pauseInfo().reason === 'disk_full', 'the disk-full pause');
    expect(h.engine.pauseInfo().message).toMatch(/disk holding the data folder is full/);
    expect(h.notices.filter((n) => n.key === 'paused-disk_full')).toHaveLength(1);
    // The credit check cannot be recorded either: no crash, no unhandled rejection.
    await h.engine.refreshCredit();
    const sendsWhenFull = h.sends();
    await pause(500);
    expect(h.sends()).toBe(sendsWhenFull); // nothing more goes out while full
    const c = h.counts();
    // What GatewayAPI accepted but is not recorded yet is held in memory, still in_flight on disk.
    expect(h.sim.log.length - (c.submitted ?? 0)).toBe(c.in_flight ?? 0);

    d.free();
    await waitFor(() => sendIdle(h!), 'the rest sent once there is room', { timeoutMs: 20_000 });
    expect(h.engine.pauseInfo().reason).toBeNull();
    expect(h.notices.some((n) => n.key === 'resumed-disk_full')).toBe(true);
    expect(h.counts()).toEqual({ submitted: 300 });
    expect(h.sim.log).toHaveLength(300);
    expect(h.sim.duplicates()).toEqual([]);
    expect(h.sends()).toBe(30);
    expect(errors.filter((m) => /disk is full/.test(m))).toHaveLength(1); // once, not per failed write
  });

  it('stopping while the disk is full ends within seconds; a batch it could not record is named and is uncertain next time, never resent', async (ctx) => {
    if (typeof disk === 'string') return ctx.skip();
    const d = disk;
    const { errors, logger } = recorder();
    const dataDir = folderOn(d);
    h = await makeEngine({ dataDir, settings: { batchSize: 10, maxConcurrent: 1 }, fetch: fillAfterSend(2, d), engine: { logger } });
    h.engine.campaigns.create(newCampaign({ people: numbers(50).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => h!.engine.pauseInfo().reason === 'disk_full', 'the disk-full pause');
    const held = h.sim.log.length - (h.counts().submitted ?? 0);
    expect(held).toBe(10); // the second batch's answer, in memory
    const t0 = Date.now();
    await h.engine.close();
    expect(Date.now() - t0).toBeLessThan(6000);
    if (held > 0) {
      expect(
        errors.some((m) => /GatewayAPI accepted batch \d+ of campaign \d+ \(10 recipients, message id \d+\).*Mark as sent/.test(m)),
      ).toBe(true);
    }

    d.free();
    // This test's process lives on; a real one has exited, and its lease is free with it.
    const raw = new Database(join(dataDir, DB_FILE));
    raw.prepare('UPDATE lease SET holder = NULL, pid = NULL WHERE id = 1').run();
    raw.close();
    const sim = h.sim;
    h = await makeEngine({ sim, dataDir, settings: { batchSize: 10 } });
    await waitFor(() => sendIdle(h!), 'the rest sent', { timeoutMs: 15_000 });
    expect(h.counts()).toEqual(held > 0 ? { submitted: 50 - held, uncertain: held } : { submitted: 50 });
    expect(sim.duplicates()).toEqual([]);
    expect(sim.log).toHaveLength(50);
  });
});
