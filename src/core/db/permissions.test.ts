import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE, migrate, openDatabase } from './open';
import { MIGRATIONS } from './migrations';

const posix = process.platform !== 'win32';
if (!posix) console.log('skipped: file modes 0700/0600 are POSIX; on Windows the profile ACL limits access');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sms-outbox-perm-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const mode = (p: string) => statSync(p).mode & 0o777;

describe.skipIf(!posix)('data folder and database permissions', () => {
  it('a new data folder is 0700 and the database, WAL and SHM files 0600, whatever the umask', () => {
    const old = process.umask(0o002); // a lenient umask: files would come out 0664 without the fix
    try {
      const dir = join(root, 'data');
      const db = openDatabase(dir);
      db.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run(); // makes the WAL hold data
      try {
        expect(mode(dir)).toBe(0o700);
        const files = readdirSync(dir);
        expect(files).toEqual(expect.arrayContaining([DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`]));
        for (const f of files) expect([f, mode(join(dir, f))]).toEqual([f, 0o600]);
      } finally {
        db.close();
      }
    } finally {
      process.umask(old);
    }
  });

  it('an existing folder and database made with wide permissions are narrowed; a migration backup is 0600', () => {
    const dir = join(root, 'old');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    // A database from an older version (schema 1 of 2): opening migrates it and writes a backup.
    const file = join(dir, DB_FILE);
    const first = new Database(file);
    migrate(first, file, Date.now, MIGRATIONS.slice(0, 1));
    first.close();
    chmodSync(file, 0o644);
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'note.txt'), 'x');
    const db = openDatabase(dir);
    db.close();
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    const backups = readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups.length).toBe(MIGRATIONS.length - 1); // one copy before each step
    for (const b of backups) expect(mode(join(dir, b))).toBe(0o600);
    // Still the same database.
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    check.close();
  });
});
