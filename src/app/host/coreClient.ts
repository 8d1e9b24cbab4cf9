// Main's side of the outbox core in its own process (after VS Code's utilityProcess.ts and Signal's
// sql/main.ts): a sequence map of pending calls behind the same Dispatch the window's bridge uses,
// the core's asks answered with what stays in main (confirm dialog, keychain, proxy, log), crash
// handling (pending calls get a clear error, the core is started again, at most `maxRestarts` times
// a minute) and a quit handshake (close, wait, then kill). Electron-free: the shell passes
// utilityProcess.fork, tests and bench/stall pass child_process.fork (./nodeFork.ts).
import type { SecretStore } from '../../core/secrets/secretStore';
import type { Logger } from '../../core/types';
import type { Dispatch, Emit, EventName, EventPayloads } from '../../shared/contract';
import type { Confirm } from '../../shared/confirmRequest';
import type { LanguageChoice } from '../../shared/i18n/languages';
import { translate } from '../../shared/i18n/translate';
import type { Result } from '../../shared/result';
import { confirmRequest, describeBad, fromCore, type Ask, type InitOptions, type ToCore } from './protocol';

/** What utilityProcess.fork returns, as far as the client uses it (child_process adapts to it). */
export interface CoreProcess {
  readonly pid?: number | undefined;
  postMessage(msg: unknown): void;
  on(event: 'message', listener: (msg: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}
export type ForkCore = () => CoreProcess;

export interface CoreClientOptions {
  fork: ForkCore;
  init: InitOptions;
  /** Main's native dialog: money and trust decisions are confirmed by main. */
  confirm: Confirm;
  /** The OS keychain, in main. */
  secrets: SecretStore;
  /** Chromium's proxy resolver (session.resolveProxy). */
  resolveProxy(url: string): Promise<string>;
  /** Events to the window. */
  emit: Emit;
  /** Main's log file: the core's records are written here too. */
  logger: Logger;
  /** Settings → Language changed (and once at open). */
  onLanguage?(language: LanguageChoice): void;
  /** The core stopped unexpectedly and is being started again. */
  onRestart?(info: { code: number; restarts: number }): void;
  /** It stopped more than maxRestarts times within restartWindowMs: nothing more is started. */
  onGiveUp?(info: { code: number; restarts: number }): void;
  maxRestarts?: number;
  restartWindowMs?: number;
  /** The quit handshake's longest wait before the core is killed. */
  closeTimeoutMs?: number;
  now?: () => number;
}

export interface CoreClient {
  /** Starts the core and waits until its folder is open (rejects with the core's reason if it is not). */
  start(): Promise<void>;
  dispatch: Dispatch;
  wake(): void;
  /** The quit handshake: the core closes its folder and exits; killed after closeTimeoutMs. */
  close(): Promise<void>;
  /** The running core's process id (tests, the log). */
  readonly pid: number | undefined;
  /** Settings → Language as the core last said, null before it opened. */
  readonly language: LanguageChoice | null;
}

/** What a call still waiting gets when the core stops under it: a code the window says in the user's language. */
export function coreStoppedResult(): Result<never> {
  return { ok: false, error: { kind: 'internal', message: translate('en', { code: 'core_stopped' }), text: { code: 'core_stopped' } } };
}

interface Child {
  proc: CoreProcess;
  ready: Promise<void>;
  exited: Promise<number>;
  pending: Map<number, { resolve(r: Result<unknown>): void }>;
  alive: boolean;
}

/** What main answers to the core's asks: what must stay in main. */
async function answerAsk(o: CoreClientOptions, ask: Ask): Promise<unknown> {
  switch (ask.kind) {
    case 'confirm': {
      // Checked again here: main's dialog states these numbers to the user.
      const request = confirmRequest.parse(ask.request);
      return o.confirm(request).catch(() => false);
    }
    case 'secret.get':
      return { token: await o.secrets.get(), status: o.secrets.status() };
    case 'secret.set':
      await o.secrets.set(ask.token);
      return { status: o.secrets.status() };
    case 'secret.clear':
      await o.secrets.clear();
      return { status: o.secrets.status() };
    case 'proxy':
      return o.resolveProxy(ask.url);
  }
}

/** Starts one core process and wires its messages; `on.exited` decides what its end means. */
function spawnCore(o: CoreClientOptions, on: { language(l: LanguageChoice): void; exited(c: Child, code: number): void }): Child {
  const log = o.logger;
  const proc = o.fork();
  const pending = new Map<number, { resolve(r: Result<unknown>): void }>();
  let onReady!: () => void;
  let onFailed!: (e: Error) => void;
  let onExit!: (code: number) => void;
  const c: Child = {
    proc,
    pending,
    alive: true,
    ready: new Promise<void>((res, rej) => {
      onReady = res;
      onFailed = rej;
    }),
    exited: new Promise<number>((res) => (onExit = res)),
  };
  c.ready.catch(() => {}); // a failed open is reported by start() or the restart
  const post = (msg: ToCore) => {
    if (!c.alive) return;
    try {
      proc.postMessage(msg);
    } catch (err) {
      log.warn('could not reach the outbox core', { err: String(err) });
    }
  };
  proc.on('message', (raw) => {
    if (!c.alive) return;
    const parsed = fromCore.safeParse(raw);
    if (!parsed.success) return log.warn('ignored a malformed message from the outbox core', { what: describeBad(raw) });
    const msg = parsed.data;
    switch (msg.t) {
      case 'ready':
        return onReady();
      case 'failed':
        return onFailed(new Error(msg.error));
      case 'result': {
        const p = pending.get(msg.seq);
        if (!p) return log.warn('ignored an answer to no pending call', { seq: msg.seq });
        pending.delete(msg.seq);
        return p.resolve(msg.result as Result<unknown>);
      }
      case 'event':
        return o.emit(msg.event as EventName, msg.payload as EventPayloads[EventName]);
      case 'language':
        on.language(msg.language);
        return o.onLanguage?.(msg.language);
      case 'log':
        return log[msg.level](msg.msg, msg.data);
      case 'ask':
        return void answerAsk(o, msg.ask).then(
          (value) => post({ t: 'answer', seq: msg.seq, ok: true, value }),
          (err: unknown) =>
            post({ t: 'answer', seq: msg.seq, ok: false, error: String(err instanceof Error ? err.message : err).slice(0, 2000) }),
        );
      case 'closed':
        return;
    }
  });
  proc.on('exit', (code) => {
    c.alive = false;
    onFailed(new Error(`The outbox core stopped before it opened (exit code ${code}).`));
    onExit(code);
    // Every call still waiting gets a clear answer: it may or may not have run (the core decides
    // in SQLite transactions, so nothing is half-stored); the window says so in the user's language.
    for (const p of pending.values()) p.resolve(coreStoppedResult());
    pending.clear();
    on.exited(c, code);
  });
  post({ t: 'init', options: o.init });
  return c;
}

export function createCoreClient(o: CoreClientOptions): CoreClient {
  const maxRestarts = o.maxRestarts ?? 3;
  const windowMs = o.restartWindowMs ?? 60_000;
  const closeTimeoutMs = o.closeTimeoutMs ?? 10_000;
  const now = o.now ?? Date.now;
  const log = o.logger;
  let child: Child | null = null;
  let seq = 1;
  let state: 'new' | 'running' | 'closing' | 'closed' | 'given-up' = 'new';
  const restarts: number[] = [];
  let language: LanguageChoice | null = null;
  let opened = false;

  const spawn = () =>
    spawnCore(o, {
      language: (l) => (language = l),
      exited: (c, code) => {
        // Not before the first open succeeded: start() reports that one, and nothing is restarted.
        if (child === c && state === 'running' && opened) crashed(code);
      },
    });

  function crashed(code: number): void {
    const t = now();
    while (restarts.length > 0 && t - restarts[0]! >= windowMs) restarts.shift();
    if (restarts.length >= maxRestarts) {
      state = 'given-up';
      log.error('the outbox core keeps stopping; giving up', { code, restarts: restarts.length });
      o.onGiveUp?.({ code, restarts: restarts.length });
      return;
    }
    restarts.push(t);
    log.error('the outbox core stopped unexpectedly; starting it again', { code, restarts: restarts.length });
    o.onRestart?.({ code, restarts: restarts.length });
    child = spawn();
    // A restart that cannot open counts as another stop (its exit runs crashed() again).
    child.ready.catch((err: unknown) => log.error('the restarted outbox core could not open', { err: String(err) }));
  }

  return {
    async start() {
      if (state !== 'new') throw new Error('The outbox core was started already.');
      state = 'running';
      child = spawn();
      try {
        await child.ready;
        opened = true;
      } catch (err) {
        state = 'closed';
        throw err;
      }
    },
    async dispatch(name, input) {
      // A call made while the core is being started again waits for it.
      const c = child;
      if (!c || state !== 'running') return coreStoppedResult();
      try {
        await c.ready;
      } catch {
        return coreStoppedResult();
      }
      if (!c.alive) return coreStoppedResult();
      const n = seq++;
      return new Promise<Result<unknown>>((resolve) => {
        c.pending.set(n, { resolve });
        c.proc.postMessage({ t: 'call', seq: n, name, input } satisfies ToCore);
      });
    },
    wake() {
      if (child?.alive && state === 'running') child.proc.postMessage({ t: 'wake' } satisfies ToCore);
    },
    async close() {
      if (state === 'closing' || state === 'closed') return;
      const c = child;
      state = 'closing';
      if (c?.alive) {
        c.proc.postMessage({ t: 'close' } satisfies ToCore);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timedOut = await Promise.race([
          c.exited.then(() => false),
          new Promise<boolean>((r) => (timer = setTimeout(() => r(true), closeTimeoutMs))),
        ]);
        clearTimeout(timer);
        if (timedOut) {
          log.error('the outbox core did not close in time; stopping it', { ms: closeTimeoutMs });
          c.proc.kill();
          await Promise.race([c.exited, new Promise((r) => setTimeout(r, 2000))]);
        }
      }
      state = 'closed';
    },
    get pid() {
      return child?.alive ? child.proc.pid : undefined;
    },
    get language() {
      return language;
    },
  };
}
