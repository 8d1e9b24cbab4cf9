// A data folder this process cannot write (a read-only mount, a backup restored without write
// permission, another user's folder). SQLite cannot open a WAL database there at all (it needs to
// create the -shm file; `immutable` would need URI filenames, which better-sqlite3 leaves off), so
// reading works on a private snapshot: the database and its -wal copied to a temporary folder,
// migrated there if older, and opened query-only (every write fails with SQLITE_READONLY). Nobody
// can write to the folder meanwhile, so the snapshot is the folder's state.
import Database from 'better-sqlite3';
import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Thrown when sending (or any write) is asked of a folder that cannot be written. */
export class ReadOnlyFolderError extends Error {
  readonly code = 'SMS_OUTBOX_READ_ONLY';
  constructor(readonly folder: string) {
    super(
      `The data folder ${folder} is read-only: the outbox can be read ("sms-outbox status"), but nothing can be sent or changed from it. Make the folder writable, or use another with --data-dir.`,
    );
    this.name = 'ReadOnlyFolderError';
  }
}

/** Whether this process may create and change files in the (existing) folder. */
export function folderWritable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Opens a query-only snapshot of `file` (and its -wal); closing the database removes the copy. */
export function openSnapshot(file: string, prepare: (db: Database.Database, copy: string) => void): Database.Database {
  const tmp = mkdtempSync(join(tmpdir(), 'sms-outbox-readonly-'));
  try {
    const copy = join(tmp, 'outbox.sqlite');
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    // Names and numbers: only this user may read the copy.
    for (const f of [copy, `${copy}-wal`]) if (existsSync(f) && process.platform !== 'win32') chmodSync(f, 0o600);
    const db = new Database(copy);
    prepare(db, copy);
    db.pragma('query_only = 1');
    const close = db.close.bind(db);
    db.close = () => {
      const r = close();
      rmSync(tmp, { recursive: true, force: true });
      return r;
    };
    return db;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
