// Opens the outbox database: WAL, synchronous=FULL (a committed state survives power loss), foreign
// keys, a busy timeout (the app and the CLI may share the folder), then migrations with a backup first.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from './migrations';
import { networkFolderProblem, type Mount } from './networkFs';
import { folderWritable, openSnapshot, ReadOnlyFolderError } from './readOnlyFolder';

export type Db = Database.Database;

export interface OpenOptions {
  now?: () => number;
  /** Only to read (status, import): a folder this process cannot write is read from a snapshot. */
  reading?: boolean;
  /** Replaces the system's mount table in the network-folder check (tests). */
  mounts?: Mount[];
}

export const DB_FILE = 'outbox.sqlite';

export function openDatabase(dataDir: string, opts: OpenOptions = {}): Db {
  const file = join(dataDir, DB_FILE);
  if (existsSync(dataDir) && !folderWritable(dataDir)) {
    if (!opts.reading || !existsSync(file)) throw new ReadOnlyFolderError(dataDir);
    return openSnapshot(file, (db, copy) => configure(db, copy, opts));
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const problem = networkFolderProblem(dataDir, { mounts: opts.mounts });
  if (problem) throw new Error(problem);
  restrictPermissions(dataDir, file);
  const db = new Database(file);
  configure(db, file, opts);
  return db;
}

function configure(db: Db, file: string, opts: OpenOptions): void {
  // First: another process opening the folder at the same moment holds a lock for a while.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  // The -wal file stays small: checkpointed every ~1 MB (SQLite's default is 4 MB) and cut back to
  // 1 MB after that. On a nearly full disk a 4 MB log can take the last free space, and then neither
  // it (the checkpoint needs the database file to grow) nor anything else can move: measured on a
  // 4 MB disk, sending never resumed after space was freed until this limit.
  db.pragma('wal_autocheckpoint = 256');
  db.pragma('journal_size_limit = 1048576');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Statement journals (every INSERT that fires the counter triggers, every multi-row UPDATE needs
  // one) in memory rather than in a temporary file each: storing 30k recipients took 7.7 s with
  // them on disk and 1.8 s in memory on our loaded 2-core machine. Nothing durable lives there.
  db.pragma('temp_store = MEMORY');
  migrate(db, file, opts.now ?? Date.now);
}

/**
 * Runs writes whose commits need not wait for the disk (synchronous = NORMAL for them only), for
 * work that a later synchronous = FULL commit of the same process must follow before it counts:
 * a claim (the in_flight commit comes before any request), a campaign's chunks (the commit that
 * makes it visible comes last). A power cut loses at most such commits at the end, never one
 * before a commit that survived: SQLite recovers a WAL only up to the first frame whose checksum,
 * chained over every earlier frame, does not match, and a FULL commit syncs all earlier frames.
 * After a crash the lost work looks as if it had not started: recipients still queued, a campaign
 * half-stored (named on the next start). Saves an fsync per commit (~2 ms on the test machine).
 */
export function unsynced<T>(db: Db, fn: () => T): T {
  const was = db.pragma('synchronous', { simple: true }) as number; // 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
  if (was <= 1) return fn();
  db.pragma('synchronous = NORMAL');
  try {
    return fn();
  } finally {
    db.pragma(`synchronous = ${was}`);
  }
}

/**
 * Applies the steps after the database's user_version; `steps` is a parameter so tests can add one.
 * Two processes may open a database that needs a migration at the same moment: each step re-reads
 * user_version inside its write transaction, so the second one finds the work done and moves on.
 */
export function migrate(db: Db, file: string, now: () => number, steps: readonly string[] = MIGRATIONS): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const created = version() === 0;
  for (;;) {
    const v = version();
    if (v > steps.length) {
      throw new Error(`The outbox database in ${file} was made by a newer version of SMS Outbox (schema ${v}); update the app.`);
    }
    if (v === steps.length) return;
    if (!created && existsSync(file)) {
      // A copy before each change of a database that holds data (one created now, from 0, does not);
      // VACUUM INTO gives a consistent file.
      const backup = `${file}.v${v}.${now()}.bak`;
      db.exec(`VACUUM INTO '${backup.replace(/'/g, "''")}'`);
      if (POSIX) chmodSync(backup, 0o600);
    }
    db.transaction(() => {
      if (version() !== v) return; // another process applied this step meanwhile
      db.exec(steps[v]);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

const POSIX = process.platform !== 'win32';

/**
 * The folder and the database hold names and numbers: on POSIX only the user may read them (folder
 * 0700, files 0600). The database file is created here with 0600 before SQLite opens it, because
 * SQLite gives its -wal and -shm files the database file's permissions. An older, wider folder or
 * file is narrowed. Windows: the profile folder's ACL already limits access to the user.
 */
function restrictPermissions(dataDir: string, file: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!POSIX) return;
  const dirMode = statSync(dataDir).mode & 0o777;
  if (dirMode & 0o077) chmodSync(dataDir, dirMode & 0o700);
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f) && statSync(f).mode & 0o077) chmodSync(f, 0o600);
  }
}
