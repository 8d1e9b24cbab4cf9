// What the window may know about the token: whether one is set, when it was saved, and whether
// GatewayAPI accepted it the last time it was used. Never a character of it: any piece shown (the
// last four, say) is a foothold for guessing the rest. Kept in the live folder's settings table.
import type { Engine } from '../engine';
import { readValue, writeValue } from '../outbox/settings';

const KEY = 'token-info';

interface Stored {
  savedAt: number;
  /** GatewayAPI's answer to the check when it was saved (null: not reachable then). */
  accepted: boolean | null;
}

export interface TokenInfo {
  savedAt: number | null;
  /** true: GatewayAPI accepted it last time; false: refused it; null: not asked yet. */
  accepted: boolean | null;
}

export function recordTokenSaved(engine: Engine, accepted: boolean | null): void {
  writeValue(engine.db, KEY, { savedAt: engine.clock.now(), accepted } satisfies Stored);
}

export function forgetTokenInfo(engine: Engine): void {
  writeValue(engine.db, KEY, null);
}

/** The latest verdict: a token pause says "refused"; a credit check after saving says "accepted". */
export function tokenInfo(engine: Engine): TokenInfo {
  const stored = readValue<Stored>(engine.db, KEY);
  if (engine.pauseInfo().reason === 'auth') return { savedAt: stored?.savedAt ?? null, accepted: false };
  if (!stored) return { savedAt: null, accepted: null };
  const account = engine.accountView();
  const checkedSince = account.checkedAt != null && account.checkedAt >= stored.savedAt && account.error == null;
  return { savedAt: stored.savedAt, accepted: checkedSince ? true : stored.accepted };
}
