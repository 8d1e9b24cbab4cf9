// What every handler module gets from the composition root: the open folder (its engine changes
// when the mode does, so always read it through `folder`), the import sessions and the services.
import type { Emit } from '../shared/contract';
import type { ImportSessions } from '../core/importing/sessions';
import type { SecretStore } from '../core/secrets/secretStore';
import type { Clock, Logger } from '../core/types';
import type { ActiveFolder } from './activeFolder';
import type { Confirm } from './confirm';
import type { CheckToken } from './tokenCheck';

export type { Emit };

export interface AppContext {
  readonly folder: ActiveFolder;
  readonly imports: ImportSessions;
  readonly secrets: SecretStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly version: string;
  /** The OS's preferred languages (main: app.getPreferredSystemLanguages()); the window starts in the first we have. */
  readonly osLanguages: readonly string[];
  readonly emit: Emit;
  /** Main's own question to the user (a native dialog) before money or trust changes hands. */
  readonly confirm: Confirm;
  /** Asks GatewayAPI which account a new token belongs to. */
  readonly checkToken: CheckToken;
  /** Wakes the sender and tells the window these campaigns changed. */
  changed(campaignIds: number[]): void;
}

/** Batches `outbox.changed` events: a send touches many campaigns many times a second. */
export function throttleIds(fn: (ids: number[]) => void, ms: number): (ids: number[]) => void {
  let pending: Set<number> | null = null;
  return (ids) => {
    if (pending) {
      for (const id of ids) pending.add(id);
      return;
    }
    pending = new Set(ids);
    setTimeout(() => {
      const batch = pending!;
      pending = null;
      fn([...batch]);
    }, ms).unref?.();
  };
}
