import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_FILE, migrate, openDatabase } from './open';
import { MIGRATIONS } from './migrations';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const backups = () => readdirSync(dir).filter((f) => f.endsWith('.bak'));

describe('openDatabase', () => {
  it('creates the schema with WAL, synchronous=FULL, foreign keys and user_version', () => {
    const db = openDatabase(dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['campaigns', 'batches', 'recipients', 'attempts', 'status_events', 'lease']));
      // Foreign keys are enforced, not just declared.
      expect(() =>
        db
          .prepare(
            "INSERT INTO recipients (campaign_id, row_no, msisdn, encoding, parts, state, updated_at) VALUES (999, 1, '45', 'GSM7', 1, 'queued', 0)",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
    // A fresh database has nothing worth a backup.
    expect(backups()).toEqual([]);
  });

  it('a second open keeps the data and migrates nothing (no backup)', () => {
    const a = openDatabase(dir);
    a.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
    a.close();
    const b = openDatabase(dir);
    try {
      expect(b.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(b.prepare("SELECT value FROM settings WHERE key = 'k'").pluck().get()).toBe('1');
    } finally {
      b.close();
    }
    expect(backups()).toEqual([]);
  });

  it('refuses a database made by a newer version, and leaves it untouched', () => {
    openDatabase(dir).close();
    const raw = new Database(join(dir, DB_FILE));
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openDatabase(dir)).toThrow(/newer version of SMS Outbox/);
    const again = new Database(join(dir, DB_FILE));
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    again.close();
  });
});

describe('migrate', () => {
  it('backs up an existing database before each later step, then applies it', () => {
    const db = openDatabase(dir, { now: () => 1234 });
    db.prepare("INSERT INTO settings (key, value) VALUES ('kept', '\"yes\"')").run();
    const file = join(dir, DB_FILE);
    const steps = [...MIGRATIONS, 'CREATE TABLE extra (x INTEGER)', 'ALTER TABLE extra ADD COLUMN y TEXT'];
    migrate(db, file, () => 5678, steps);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 2);
    expect(db.prepare("SELECT name FROM pragma_table_info('extra')").pluck().all()).toEqual(['x', 'y']);
    db.close();

    const made = backups().sort();
    const v = MIGRATIONS.length;
    expect(made).toEqual([`${DB_FILE}.v${v}.5678.bak`, `${DB_FILE}.v${v + 1}.5678.bak`]);
    // Each backup is the database as it was before that step: data kept, the step not yet applied.
    const before = new Database(join(dir, made[0]), { readonly: true });
    try {
      expect(before.prepare("SELECT value FROM settings WHERE key = 'kept'").pluck().get()).toBe('"yes"');
      expect(before.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeUndefined();
      expect(before.pragma('user_version', { simple: true })).toBe(v);
    } finally {
      before.close();
    }
  });

  it('a failing step rolls back and keeps the version (the backup is there)', () => {
    const db = openDatabase(dir);
    const file = join(dir, DB_FILE);
    const steps = [...MIGRATIONS, 'CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);'];
    expect(() => migrate(db, file, () => 1, steps)).toThrow(/no such table: nowhere/);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
    expect(backups()).toHaveLength(1);
  });

  it('two processes opening a database that needs a migration at the same moment both start', () => {
    const file = join(dir, DB_FILE);
    const first = new Database(file);
    const second = new Database(file);
    for (const db of [first, second]) {
      db.pragma('busy_timeout = 2000');
      db.pragma('journal_mode = WAL');
    }
    // The second process migrates everything between the first one's look at user_version and
    // its first write transaction.
    let raced = false;
    const racing = new Proxy(first, {
      get(target, prop) {
        if (prop === 'transaction') {
          return (fn: () => unknown) => {
            const tx = target.transaction(fn);
            return {
              immediate: () => {
                if (!raced) {
                  raced = true;
                  migrate(second, file, () => 1);
                }
                return tx.immediate();
              },
            };
          };
        }
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    try {
      expect(() => migrate(racing, file, () => 1)).not.toThrow();
      expect(raced).toBe(true);
      expect(first.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(second.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(first.prepare('SELECT COUNT(*) FROM lease').pluck().get()).toBe(1);
    } finally {
      first.close();
      second.close();
    }
  });
});

describe('a data folder on a network file system', () => {
  it('is refused with a message that says why and what to do; nothing is created in it', () => {
    const mounts = [
      { dir: '/', type: 'ext4' },
      { dir: dir, type: 'nfs4' },
    ];
    expect(() => openDatabase(dir, { mounts })).toThrow(/network file system \(nfs4\).*this computer's own disk.*--data-dir/);
    expect(readdirSync(dir)).toEqual([]);
    // The same folder on a local disk opens.
    openDatabase(dir, { mounts: [{ dir: '/', type: 'ext4' }] }).close();
  });
});
