// Settings as the app and the CLI read them from the data folder: defaults until changed, a change
// kept across a restart, an invalid change refused without touching what is stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/contract';
import { openDatabase, type Db } from '../db/open';
import { readSettings, readValue, writeSettings, writeValue } from './settings';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-settings-'));
  db = openDatabase(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('settings', () => {
  it('are the defaults in a new data folder; a change is kept after a restart and leaves the rest alone', () => {
    expect(readSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(writeSettings(db, { batchSize: 250, quietHours: { enabled: true, start: '22:00', end: '07:30' } })).toEqual({
      ...DEFAULT_SETTINGS,
      batchSize: 250,
      quietHours: { enabled: true, start: '22:00', end: '07:30' },
    });
    writeSettings(db, { maxConcurrent: 4 });
    db.close();
    db = openDatabase(dir);
    expect(readSettings(db)).toEqual({
      ...DEFAULT_SETTINGS,
      batchSize: 250,
      maxConcurrent: 4,
      quietHours: { enabled: true, start: '22:00', end: '07:30' },
    });
  });

  it('refuses an invalid change and keeps what was stored', () => {
    writeSettings(db, { batchSize: 250 });
    expect(() => writeSettings(db, { batchSize: 0 })).toThrow();
    expect(readSettings(db).batchSize).toBe(250);
  });

  it('fills a setting added since the folder was last used with its default, and falls back to defaults for a stored value no longer valid', () => {
    const { maxParts: _dropped, ...older } = { ...DEFAULT_SETTINGS, batchSize: 300 };
    db.prepare("INSERT INTO settings (key, value) VALUES ('settings', ?)").run(JSON.stringify(older));
    expect(readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, batchSize: 300 });
    db.prepare("UPDATE settings SET value = ? WHERE key = 'settings'").run(JSON.stringify({ ...older, platform: 'dk' }));
    expect(readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps other stored values by key; storing null removes one', () => {
    expect(readValue(db, 'lastExportDir')).toBeNull();
    writeValue(db, 'lastExportDir', '/home/anne/exports');
    writeValue(db, 'lastExportDir', '/home/anne/Desktop');
    writeValue(db, 'window', { width: 1200, height: 800 });
    expect(readValue(db, 'lastExportDir')).toBe('/home/anne/Desktop');
    expect(readValue(db, 'window')).toEqual({ width: 1200, height: 800 });
    writeValue(db, 'lastExportDir', null);
    expect(readValue(db, 'lastExportDir')).toBeNull();
    expect(readValue(db, 'window')).toEqual({ width: 1200, height: 800 });
  });
});
