// The outbox core in its own process (Electron's utilityProcess in the app; child_process.fork in
// tests and bench/stall): openApp runs here, so SQLite's writes and fsyncs never hold the thread that
// answers the window. Main stays a relay, and keeps what must stay in main: the native confirm dialog
// (money and trust are confirmed by main), the OS keychain, the proxy lookup and the one log file.
// This side asks main for those over the same port (protocol.ts), with its own sequence of asks.
import { installCrashGuard } from '../crashGuard';
import { openApp, type SmsOutboxApp } from '../openApp';
import { createHttpFetch } from '../../core/http/undiciFetch';
import type { SecretStore } from '../../core/secrets/secretStore';
import type { Logger } from '../../core/types';
import type { Emit } from '../../shared/contract';
import type { LanguageChoice } from '../../shared/i18n/languages';
import type { HostPort } from './port';
import {
  askAnswers,
  describeBad,
  toCore,
  type Ask,
  type AskAnswer,
  type AskKind,
  type FromCore,
  type InitOptions,
  type KeychainStatus,
} from './protocol';

export interface CoreHostDeps {
  /** Ends the process once the core has closed (process.exit; tests pass their own). */
  exit(code: number): void;
  /** Where uncaught errors are reported from (process). */
  proc?: NodeJS.EventEmitter;
}

/** Data for a log record: plain JSON (an Error or a cycle must not break the port). */
function plain(data: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!data) return undefined;
  try {
    return JSON.parse(JSON.stringify(data, (_k, v: unknown) => (v instanceof Error ? v.message : v))) as Record<string, unknown>;
  } catch {
    return { data: '[unserialisable]' };
  }
}

type AskMain = <K extends AskKind>(ask: Extract<Ask, { kind: K }>) => Promise<AskAnswer<K>>;

/** The core's questions to main, numbered by their own sequence, each answer checked against its kind. */
function createAsker(send: (msg: FromCore) => void, logger: Logger) {
  let nextAsk = 1;
  const asks = new Map<number, { kind: AskKind; resolve(v: unknown): void; reject(e: Error): void }>();
  const ask: AskMain = (question) => {
    const seq = nextAsk++;
    return new Promise((resolve, reject) => {
      asks.set(seq, { kind: question.kind, resolve: resolve as (v: unknown) => void, reject });
      send({ t: 'ask', seq, ask: question });
    });
  };
  function answered(seq: number, ok: boolean, value: unknown, error: string | undefined): void {
    const pending = asks.get(seq);
    if (!pending) return logger.warn('core: an answer to no question of ours was ignored', { seq });
    asks.delete(seq);
    if (!ok) return pending.reject(new Error(error ?? 'main could not answer'));
    const checked = askAnswers[pending.kind].safeParse(value);
    if (!checked.success) {
      logger.warn('core: a malformed answer from main was ignored', { kind: pending.kind });
      return pending.reject(new Error('main sent a malformed answer'));
    }
    pending.resolve(checked.data);
  }
  function rejectAll(): void {
    for (const a of asks.values()) a.reject(new Error('The outbox core is closing.'));
    asks.clear();
  }
  return { ask, answered, rejectAll };
}

/**
 * The keychain stays in main (on macOS a helper binary reading the app's keychain item would prompt
 * the user): the core sees the token only as main's answer, and the keychain's status with every answer.
 */
function remoteSecrets(askMain: AskMain): SecretStore {
  let keychain: KeychainStatus = { ok: true, message: null };
  return {
    get: async () => {
      const a = await askMain({ kind: 'secret.get' });
      keychain = a.status;
      return a.token;
    },
    set: async (token) => {
      keychain = (await askMain({ kind: 'secret.set', token })).status;
    },
    clear: async () => {
      keychain = (await askMain({ kind: 'secret.clear' })).status;
    },
    status: () => ({ ...keychain }),
  };
}

export function runCoreHost(port: HostPort, deps: CoreHostDeps): void {
  const send = (msg: FromCore) => port.post(msg);
  const logger: Logger = {
    info: (msg, data) => send({ t: 'log', level: 'info', msg, data: plain(data) }),
    warn: (msg, data) => send({ t: 'log', level: 'warn', msg, data: plain(data) }),
    error: (msg, data) => send({ t: 'log', level: 'error', msg, data: plain(data) }),
  };
  const { ask: askMain, answered, rejectAll } = createAsker(send, logger);
  const secrets = remoteSecrets(askMain);
  // undici here, the system's proxy from Chromium's resolver in main.
  const http = createHttpFetch({ resolveProxy: (url) => askMain({ kind: 'proxy', url }) });
  const emit: Emit = (event, payload) => send({ t: 'event', event, payload } as FromCore);

  // ---- the core ----
  let app: SmsOutboxApp | null = null;
  let opening: Promise<void> | null = null;
  let language: LanguageChoice | null = null;
  const tellLanguage = () => {
    if (!app) return;
    const now = app.engine.settings().language;
    if (now === language) return;
    language = now;
    send({ t: 'language', language: now });
  };

  async function open(options: InitOptions): Promise<void> {
    try {
      app = await openApp({
        dataDir: options.dataDir,
        fetch: http.fetch,
        secrets,
        emit,
        logger,
        version: options.version,
        osLanguages: options.osLanguages,
        demo: options.demo,
        confirm: (request) => askMain({ kind: 'confirm', request }),
      });
    } catch (err) {
      send({ t: 'failed', error: (err instanceof Error ? err.message : String(err)).slice(0, 4000) });
      deps.exit(1);
      return;
    }
    // The language first: main builds its menu in it as soon as the core is ready.
    tellLanguage();
    send({ t: 'ready', pid: process.pid });
  }

  async function call(seq: number, name: string, input: unknown): Promise<void> {
    if (opening) await opening;
    const result = app
      ? await app.dispatch(name, input)
      : { ok: false as const, error: { kind: 'internal' as const, message: 'The outbox is not open.' } };
    send({ t: 'result', seq, result });
    // Main's own texts (dialogs, menu, notifications) follow Settings → Language at once.
    if (name.startsWith('settings.') || name === 'mode.set') tellLanguage();
  }

  let closing: Promise<void> | null = null;
  function close(): Promise<void> {
    closing ??= (async () => {
      try {
        if (opening) await opening;
        await app?.close();
        await http.close();
      } catch (err) {
        logger.error('core: close failed', { err: String(err) });
      }
      rejectAll();
      send({ t: 'closed' });
      deps.exit(0);
    })();
    return closing;
  }

  port.onMessage((raw) => {
    const parsed = toCore.safeParse(raw);
    if (!parsed.success) return logger.warn('core: a malformed message from main was ignored', { what: describeBad(raw) });
    const msg = parsed.data;
    if (closing && msg.t !== 'answer') return;
    switch (msg.t) {
      case 'init':
        if (opening) return logger.warn('core: a second init was ignored');
        opening = open(msg.options);
        return;
      case 'call':
        void call(msg.seq, msg.name, msg.input);
        return;
      case 'wake':
        app?.wake();
        return;
      case 'answer':
        answered(msg.seq, msg.ok, msg.value, msg.error);
        return;
      case 'close':
        void close();
        return;
    }
  });
  // Main is gone (fork): close the folder rather than linger as an orphan holding it.
  port.onDisconnect(() => void close());
  // Like main before: an error nobody caught is logged (through main) and the process goes on;
  // every write is one transaction, so nothing is half-stored.
  installCrashGuard(deps.proc ?? process, ({ kind, message, error }) =>
    logger.error(kind === 'rejection' ? 'core: unhandled rejection' : 'core: uncaught exception', {
      message,
      stack: error instanceof Error ? error.stack : undefined,
    }),
  );
}
