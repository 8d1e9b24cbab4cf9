// The pieces of "disk full" that need no real disk: a credit check that can record neither its
// answer nor its error never rejects (it used to crash the CLI with a stack trace), and the probe
// that ends the pause needs real room (SQLite's own SQLITE_FULL through PRAGMA max_page_count).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './open';
import { DiskWatch } from './diskWatch';
import { isDiskFull } from './errors';
import { CreditPoller } from '../polling/creditPoller';
import { AccountStore } from '../outbox/account';
import { GatewayError } from '../gateway/errors';
import { fillDisk, freeDisk } from '../testing';
import { systemClock, silentLogger } from '../types';

let dir: string | null = null;
let db: Db | null = null;
afterEach(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = null;
  dir = null;
});
const open = () => (db = openDatabase((dir = mkdtempSync(join(tmpdir(), 'sms-outbox-disk-')))));

describe('a full disk, on a database capped by max_page_count', () => {
  it('a credit check that cannot be recorded resolves, and reports the full disk once', async () => {
    const db = open();
    const store = new AccountStore(db, Date.now);
    const full: unknown[] = [];
    const storeOnFullDisk = Object.assign(Object.create(store) as AccountStore, {
      record: () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      },
      recordError: () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      },
    });
    const failingGateway = {
      account: () =>
        Promise.reject(
          new GatewayError({
            kind: 'transient',
            message: 'down',
            httpStatus: 503,
            code: null,
            variables: [],
            body: null,
            retryAfterMs: null,
          }),
        ),
    };
    const okGateway = { account: () => Promise.resolve({ credit: 5, currency: 'DKK', id: 1 }) };
    for (const gateway of [failingGateway, okGateway]) {
      const poller = new CreditPoller({
        store: storeOnFullDisk,
        clock: systemClock,
        logger: silentLogger,
        gateway: async () => gateway,
        threshold: () => 1,
        changed: () => {},
        lowCredit: () => {},
        storageFailed: (e) => full.push(e) > 0 && isDiskFull(e),
      });
      await expect(poller.refresh()).resolves.toBeUndefined();
    }
    expect(full).toHaveLength(2);
  });

  it('the probe ends the pause only when a real write fits again', () => {
    const db = open();
    let spaces = 0;
    const watch = new DiskWatch({ db, logger: silentLogger, onFull: () => {}, onSpace: () => spaces++, probeMs: 60_000 });
    fillDisk(db);
    let error: unknown = null;
    try {
      db.prepare("INSERT INTO settings (key, value) VALUES ('big', zeroblob(100000))").run();
    } catch (e) {
      error = e;
    }
    expect((error as { message: string }).message).toBe('database or disk is full');
    expect(watch.failed(error)).toBe(true);
    expect(watch.failed(new Error('other'))).toBe(false);
    watch.probe();
    expect(watch.full).toBe(true);
    freeDisk(db);
    watch.probe();
    expect(watch.full).toBe(false);
    expect(spaces).toBe(1);
    expect(db.prepare("SELECT count(*) FROM settings WHERE key = 'disk_probe'").pluck().get()).toBe(0);
  });
});
