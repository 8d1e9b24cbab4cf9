// A data folder remembers whether demo or live sending first used it, and the other mode is refused
// there: a live run on a demo folder would send demo messages to real numbers. Shared by app and CLI.
import type { Db } from '../db/open';
import { readValue, writeValue } from '../outbox/settings';
import type { Mode } from '../../shared/contract';
import type { MessageOf } from '../../shared/i18n/messages';
const KEY = 'folderMode';

/** Null when `mode` may use this folder, else the reason it may not. */
export function folderModeConflict(db: Db, mode: Mode, dir: string): MessageOf<'folder_mode_conflict'> | null {
  const recorded = readValue<string>(db, KEY);
  if ((recorded !== 'live' && recorded !== 'demo') || recorded === mode) return null;
  return { code: 'folder_mode_conflict', dir, holds: recorded };
}

/** Records the mode once something is about to be sent from the folder. */
export function markFolderMode(db: Db, mode: Mode): void {
  if (readValue(db, KEY) == null) writeValue(db, KEY, mode);
}
