import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { folderModeConflict, markFolderMode } from './folderMode';

let db: Db;
let dir: string;
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('folder mode', () => {
  it('lets the first mode that sends claim the folder and refuses the other one there', () => {
    dir = mkdtempSync(join(tmpdir(), 'sms-outbox-mode-'));
    db = openDatabase(dir);
    expect(folderModeConflict(db, 'live', dir)).toBeNull();
    markFolderMode(db, 'demo');
    markFolderMode(db, 'live'); // the first mark stays
    expect(folderModeConflict(db, 'demo', dir)).toBeNull();
    expect(folderModeConflict(db, 'live', dir)).toEqual({ code: 'folder_mode_conflict', dir, holds: 'demo' });
  });
});
