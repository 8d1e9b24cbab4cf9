import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { readSettings, updateSettings } from './settings';

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

describe('updateSettings (settings.update from the window)', () => {
  it('refuses a custom URL on another host, names the field, and keeps the stored settings', () => {
    expect(() => updateSettings(db, { platform: 'custom', customBaseUrl: 'https://attacker.example' })).toThrow(
      expect.objectContaining({ kind: 'invalid_input', field: 'customBaseUrl', message: expect.stringMatching(/--base-url/) }),
    );
    expect(readSettings(db)).toMatchObject({ platform: 'com', customBaseUrl: null });
    // Stored for later (platform unchanged) is refused too: switching platform must not enable it.
    expect(() => updateSettings(db, { customBaseUrl: 'https://attacker.example' })).toThrow(/this computer/);
  });
  it('accepts the platforms and a simulator on this computer', () => {
    expect(updateSettings(db, { platform: 'eu' }).platform).toBe('eu');
    expect(updateSettings(db, { platform: 'custom', customBaseUrl: 'http://127.0.0.1:8123' })).toMatchObject({
      platform: 'custom',
      customBaseUrl: 'http://127.0.0.1:8123',
    });
  });
});
