// Opens the outbox database: WAL, synchronous=FULL (a committed state survives power loss), foreign
// keys, a busy timeout (the app and the CLI may share the folder), then migrations with a backup first.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  now?: () => number;
}

export const DB_FILE = 'outbox.sqlite';

export function openDatabase(dataDir: string, opts: OpenOptions = {}): Db {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DB_FILE);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, file, opts.now ?? Date.now);
  return db;
}

/** Applies the steps after the database's user_version; `steps` is a parameter so tests can add one. */
export function migrate(db: Db, file: string, now: () => number, steps: readonly string[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > steps.length) {
    throw new Error(
      `The outbox database in ${file} was made by a newer version of SMS Outbox (schema ${current}); update the app.`,
    );
  }
  for (let v = current; v < steps.length; v++) {
    if (current > 0 && existsSync(file)) {
      // A copy before each change of a database that holds data (one created now, from 0, does not);
      // VACUUM INTO gives a consistent file.
      const backup = `${file}.v${v}.${now()}.bak`;
      db.exec(`VACUUM INTO '${backup.replace(/'/g, "''")}'`);
    }
    db.transaction(() => {
      db.exec(steps[v]);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
