// A full disk for tests, on a real database: PRAGMA max_page_count caps the file at its current
// size, then a filler table takes every byte left, so the next write that needs room gets SQLite's
// real SQLITE_FULL ("database or disk is full"). Raising the cap again is space coming back.
// max_page_count is per connection: pass the connection that should see the disk full.
import type { Db } from '../db/open';

export function fillDisk(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS test_filler (b BLOB)');
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
  const insert = db.prepare('INSERT INTO test_filler (b) VALUES (zeroblob(?))');
  for (const size of [65536, 4096, 512, 64, 1]) {
    for (;;) {
      try {
        insert.run(size);
      } catch (e) {
        if ((e as { code?: string }).code !== 'SQLITE_FULL') throw e;
        break;
      }
    }
  }
}

/** Space is back: the cap is lifted (the filler stays, as the files that filled a real disk would). */
export function freeDisk(db: Db): void {
  db.pragma('max_page_count = 1073741823');
}
