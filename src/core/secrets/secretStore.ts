// Where the GatewayAPI token lives: the OS keychain through keytar, or, when no keychain answers,
// this process's memory for the session only (never a file). The token never appears in a message.
import { createRequire } from 'node:module';
import type { MessageOf } from '../../shared/i18n/messages';

export interface SecretStore {
  get(): Promise<string | null>;
  set(token: string): Promise<void>;
  clear(): Promise<void>;
  /** ok:false when the keychain is not usable: `text` for the user (a code), `message` in English for logs. */
  status(): KeychainStatus;
}

export interface KeychainStatus {
  ok: boolean;
  message: string | null;
  text?: MessageOf<'keychain_problem'> | null;
}

/** The part of keytar we use (lets tests inject a failing or fake one). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarStoreOptions {
  service?: string;
  account?: string;
  /** Longest wait for one keychain call (an unanswered unlock prompt must not hang sending). */
  timeoutMs?: number;
  /** After a failure, use the in-memory copy for this long before asking the keychain again. */
  retryAfterMs?: number;
  /** Loads keytar; injectable for tests. */
  load?: () => Promise<KeytarLike>;
  now?: () => number;
}

export type KeychainProblem = 'missing' | 'no_dbus' | 'no_keyring' | 'locked' | 'timeout' | 'other';

const SESSION_ONLY = 'The token is kept in memory for this session only and must be entered again after a restart.';

export class KeychainTimeoutError extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = 'KeychainTimeoutError';
  }
}

export class KeytarLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'KeytarLoadError';
  }
}

/** Turns what keytar/libsecret threw into a problem kind and a message a user can act on. */
export function describeKeychainError(
  err: unknown,
  secret?: string | null,
): { kind: KeychainProblem; message: string; text: MessageOf<'keychain_problem'> } {
  const { kind, message } = describeInEnglish(err, secret);
  const raw = err instanceof Error ? err.message : String(err);
  const detail = kind === 'other' || (kind === 'missing' && !/libsecret/i.test(raw)) ? firstLine(scrub(raw, secret)) : null;
  const textKind = kind === 'missing' ? (detail === null ? 'no_libsecret' : 'keytar_missing') : kind;
  return { kind, message, text: { code: 'keychain_problem', kind: textKind, detail } };
}

/** The English wording, for the log. */
function describeInEnglish(err: unknown, secret?: string | null): { kind: KeychainProblem; message: string } {
  const raw = err instanceof Error ? err.message : String(err);
  if (err instanceof KeychainTimeoutError) {
    return {
      kind: 'timeout',
      message: `The OS keychain did not answer in time (${raw.replace('timed out after ', '')}); it may be waiting for an unlock prompt. ${SESSION_ONLY}`,
    };
  }
  if (err instanceof KeytarLoadError) {
    if (/libsecret/i.test(raw)) {
      return {
        kind: 'missing',
        message: `libsecret is not installed, so the OS keychain cannot be used (install libsecret-1-0 or your distribution's libsecret package). ${SESSION_ONLY}`,
      };
    }
    return {
      kind: 'missing',
      message: `The keychain module (keytar) could not be loaded: ${firstLine(scrub(raw, secret))}. ${SESSION_ONLY}`,
    };
  }
  if (/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|org\.freedesktop\.DBus\.Error\.(ServiceUnknown|NoServer|Spawn)/i.test(raw)) {
    return {
      kind: 'no_dbus',
      message: `No D-Bus session bus with a Secret Service (such as GNOME Keyring or KWallet) was found, so the OS keychain cannot be reached. ${SESSION_ONLY}`,
    };
  }
  if (/Object does not exist at path .*collection/i.test(raw)) {
    return {
      kind: 'no_keyring',
      message: `The OS keychain has no unlocked default keyring ("login"). Create or unlock it in your keyring manager (e.g. Seahorse). ${SESSION_ONLY}`,
    };
  }
  if (/locked collection|is locked|collection.*locked/i.test(raw)) {
    return {
      kind: 'locked',
      message: `The OS keyring is locked. Unlock it (e.g. in Seahorse) and set the token again. ${SESSION_ONLY}`,
    };
  }
  return {
    kind: 'other',
    message: `The OS keychain failed: ${firstLine(scrub(raw, secret))}. ${SESSION_ONLY}`,
  };
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? '').slice(0, 300);
}

function scrub(s: string, secret?: string | null): string {
  return secret ? s.split(secret).join('[redacted]') : s;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  // keytar calls cannot be aborted: a late answer is ignored.
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new KeychainTimeoutError(ms)), ms);
    t.unref?.();
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

async function loadKeytar(): Promise<KeytarLike> {
  // require, not import(): keytar is CommonJS with a native addon, and Electron's ESM loader is the
  // less travelled path inside an asar archive. Loading throws when libsecret is missing.
  return createRequire(import.meta.url)('keytar') as KeytarLike;
}

export function createKeytarStore(opts: KeytarStoreOptions = {}): SecretStore {
  const service = opts.service ?? 'sms-outbox';
  const account = opts.account ?? 'gatewayapi-token';
  const timeoutMs = opts.timeoutMs ?? 5000;
  const retryAfterMs = opts.retryAfterMs ?? 30_000;
  const now = opts.now ?? Date.now;
  const load = opts.load ?? loadKeytar;

  let keytar: Promise<KeytarLike> | null = null;
  /** Set only while the keychain is unusable: the session-only copy. */
  let memory: string | null = null;
  let state: KeychainStatus = { ok: true, message: null };
  let unusableUntil = 0;
  let loadFailed = false;

  function getKeytar(): Promise<KeytarLike> {
    keytar ??= withTimeout(load(), timeoutMs).catch((e: unknown) => {
      if (e instanceof KeychainTimeoutError) {
        keytar = null; // slow, not broken: try loading again later
        throw e;
      }
      // A missing module or libsecret will not heal in this process: remember it.
      loadFailed = true;
      throw new KeytarLoadError(e);
    });
    return keytar;
  }

  function usable(): boolean {
    return !loadFailed && now() >= unusableUntil;
  }

  async function attempt<T>(op: (k: KeytarLike) => Promise<T>, secret?: string): Promise<{ ok: true; value: T } | { ok: false }> {
    try {
      const k = await getKeytar();
      const value = await withTimeout(op(k), timeoutMs);
      state = { ok: true, message: null };
      unusableUntil = 0;
      return { ok: true, value };
    } catch (err) {
      const problem = describeKeychainError(err, secret ?? memory);
      state = { ok: false, message: problem.message, text: problem.text };
      unusableUntil = now() + retryAfterMs;
      return { ok: false };
    }
  }

  return {
    async get() {
      // A token set while the keychain was down is newer than anything the keychain holds.
      if (memory !== null || !usable()) return memory;
      const r = await attempt((k) => k.getPassword(service, account));
      return r.ok ? r.value : memory;
    },
    async set(token) {
      const r = await attempt((k) => k.setPassword(service, account, token), token);
      memory = r.ok ? null : token;
    },
    async clear() {
      memory = null;
      if (loadFailed) return;
      await attempt((k) => k.deletePassword(service, account));
    },
    status() {
      return { ...state };
    },
  };
}

/** Memory only: tests, demo mode, and anywhere a keychain must not be touched. */
export function createMemoryStore(): SecretStore {
  let token: string | null = null;
  return {
    async get() {
      return token;
    },
    async set(t) {
      token = t;
    },
    async clear() {
      token = null;
    },
    status() {
      return { ok: true, message: null };
    },
  };
}
