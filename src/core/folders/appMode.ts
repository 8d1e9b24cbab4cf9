// Which mode the app starts in (the user's last choice), kept in the live folder's mode.json so it is
// known before any database is opened (demo data lives in a folder of its own).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Mode } from '../../shared/contract';

const MODE_FILE = 'mode.json';

export function readAppMode(liveDir: string): Mode {
  try {
    const saved = JSON.parse(readFileSync(join(liveDir, MODE_FILE), 'utf8')) as { mode?: string };
    return saved.mode === 'demo' ? 'demo' : 'live';
  } catch {
    return 'live';
  }
}

export function saveAppMode(liveDir: string, mode: Mode): void {
  writeFileSync(join(liveDir, MODE_FILE), JSON.stringify({ mode }));
}
