// The outbox core in a forked child (the same host entry the app starts with utilityProcess.fork),
// driven through main's client: answers matched by sequence number, the core's asks answered by
// "main", malformed messages ignored on both sides, a crash mid-call, the restart taking the folder
// over, and the quit handshake (a clean close, and a kill after the timeout).
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../../core/secrets/secretStore';
import type { ConfirmRequest } from '../../shared/confirmRequest';
import { createCoreClient, type CoreClientOptions, type CoreProcess } from './coreClient';
import { nodeForkCore } from './nodeFork';

const HOST = fileURLToPath(new URL('./coreHostMain.ts', import.meta.url));
const STUBBORN = fileURLToPath(new URL('./testing/stubbornCore.cjs', import.meta.url));
const TOKEN = 'core-client-test-token-4711';

const dirs: string[] = [];
const started: number[] = [];
afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone, as it should be */
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const alive = (pid: number | undefined) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (what: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

function setup(over: Partial<CoreClientOptions> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sms-outbox-core-'));
  dirs.push(dataDir);
  const logs: { level: string; msg: string; data?: unknown }[] = [];
  const events: { event: string; payload: unknown }[] = [];
  const confirms: { request: ConfirmRequest; answer(yes: boolean): void }[] = [];
  const procs: CoreProcess[] = [];
  const forkHost = nodeForkCore(HOST, { execArgv: ['--import', 'tsx'], started });
  const client = createCoreClient({
    fork: () => {
      const p = forkHost();
      procs.push(p);
      return p;
    },
    init: { dataDir, version: '1.2.3-test', osLanguages: ['en-GB'] },
    // Held until the test answers: a dialog the user has not clicked yet.
    confirm: (request) => new Promise((answer) => confirms.push({ request, answer })),
    secrets: createMemoryStore(),
    // No proxy lookup reaches the network from a test: the token check fails fast.
    resolveProxy: async () => {
      throw new Error('no network in tests');
    },
    emit: (event, payload) => events.push({ event, payload }),
    logger: {
      info: (msg, data) => logs.push({ level: 'info', msg, data }),
      warn: (msg, data) => logs.push({ level: 'warn', msg, data }),
      error: (msg, data) => logs.push({ level: 'error', msg, data }),
    },
    ...over,
  });
  return { client, dataDir, logs, events, confirms, procs };
}

describe('the outbox core in its own process', () => {
  it('answers calls by sequence number (out of order), asks main for the confirm and the keychain, and quits cleanly', async () => {
    const languages: string[] = [];
    const { client, dataDir, logs, confirms, procs } = setup({ onLanguage: (l) => languages.push(l) });
    await client.start();
    const pid = client.pid;
    expect(pid).toBeGreaterThan(0);
    expect(pid).not.toBe(process.pid);
    expect(languages).toEqual(['system']);

    // token.set waits on main's dialog; settings.get, sent after it, is answered first.
    const setting = client.dispatch('token.set', { token: TOKEN });
    await until(() => confirms.length === 1);
    expect(confirms[0]!.request).toMatchObject({ kind: 'replaceToken', replacing: false });
    const view = await client.dispatch('settings.get', {});
    expect(view).toMatchObject({ ok: true, value: { app: { dataDir, version: '1.2.3-test', token: { set: false } } } });
    confirms[0]!.answer(true);
    expect(await setting).toMatchObject({ ok: true, value: { app: { token: { set: true } } } });
    // The token went to main's store; the core reads it back through main.
    expect(await client.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { app: { token: { set: true } } } });

    // Settings → Language reaches main as soon as it is saved.
    expect(await client.dispatch('settings.update', { language: 'da' })).toMatchObject({ ok: true });
    await until(() => languages.length === 2);
    expect(languages).toEqual(['system', 'da']);
    expect(client.language).toBe('da');

    // Malformed messages to the core are logged (through main) and ignored; it keeps answering.
    procs[0]!.postMessage({ t: 'call', seq: 'x' });
    procs[0]!.postMessage('junk');
    expect(await client.dispatch('outbox.state', {})).toMatchObject({ ok: true });
    await until(() => logs.filter((l) => l.msg.includes('malformed message from main')).length === 2);
    // A bad input is the dispatcher's answer, as in main before.
    expect(await client.dispatch('token.set', { token: 'x' })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });

    // The quit handshake: the core closes its folder and exits by itself.
    await client.close();
    expect(alive(pid)).toBe(false);
    expect(JSON.stringify(logs)).not.toContain(TOKEN.slice(4, 16));
    // After quit nothing is sent to a core that is gone.
    expect(await client.dispatch('settings.get', {})).toMatchObject({ ok: false, error: { text: { code: 'core_stopped' } } });
  }, 60_000);

  it('a core killed mid-call: the waiting call gets a clear error, the core is started again, takes the folder over, and calls work', async () => {
    const restarts: number[] = [];
    const { client, confirms } = setup({ onRestart: ({ restarts: n }) => restarts.push(n) });
    await client.start();
    const first = client.pid!;
    expect(await client.dispatch('outbox.state', {})).toMatchObject({ ok: true, value: { heldElsewhere: false } });

    const waiting = client.dispatch('token.set', { token: TOKEN });
    await until(() => confirms.length === 1);
    process.kill(first, 'SIGKILL');
    const r = await waiting;
    expect(r).toEqual({
      ok: false,
      error: { kind: 'internal', message: expect.stringMatching(/background process stopped/), text: { code: 'core_stopped' } },
    });
    // The dialog answered after the crash goes nowhere (no throw).
    confirms[0]!.answer(true);
    expect(restarts).toEqual([1]);

    // A call made during the restart waits for the new core.
    const after = await client.dispatch('outbox.state', {});
    expect(client.pid).not.toBe(first);
    // The lease went to the new process: the old holder's pid is gone, so it sends from this folder.
    expect(after).toMatchObject({ ok: true, value: { heldElsewhere: false } });
    await client.close();
  }, 60_000);

  it('a core that ignores the quit is killed after the timeout', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sms-outbox-core-'));
    dirs.push(dataDir);
    const errors: string[] = [];
    const client = createCoreClient({
      fork: nodeForkCore(STUBBORN, { started }),
      init: { dataDir, version: '0', osLanguages: [] },
      confirm: async () => false,
      secrets: createMemoryStore(),
      resolveProxy: async () => 'DIRECT',
      emit: () => {},
      logger: { info() {}, warn() {}, error: (msg) => errors.push(msg) },
      closeTimeoutMs: 300,
    });
    await client.start();
    const pid = client.pid;
    expect(alive(pid)).toBe(true);
    const t0 = Date.now();
    await client.close();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(alive(pid)).toBe(false);
    expect(errors).toEqual(['the outbox core did not close in time; stopping it']);
  }, 20_000);
});

/** A core process that is only an EventEmitter: what "the core" says is up to the test. */
class FakeCore extends EventEmitter implements CoreProcess {
  readonly pid = 4242;
  readonly posted: unknown[] = [];
  postMessage(msg: unknown) {
    this.posted.push(msg);
    if ((msg as { t?: string }).t === 'init') setImmediate(() => this.emit('message', { t: 'ready', pid: this.pid }));
  }
  kill() {
    setImmediate(() => this.emit('exit', 143));
    return true;
  }
}

describe('main side of the core protocol (fake core)', () => {
  function fake(over: Partial<CoreClientOptions> = {}) {
    const cores: FakeCore[] = [];
    const logs: string[] = [];
    const emitted: unknown[] = [];
    let t = 0;
    const client = createCoreClient({
      fork: () => {
        const c = new FakeCore();
        cores.push(c);
        return c;
      },
      init: { dataDir: '/nowhere', version: '0', osLanguages: [] },
      confirm: async () => true,
      secrets: createMemoryStore(),
      resolveProxy: async () => 'DIRECT',
      emit: (event, payload) => emitted.push({ event, payload }),
      logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
      now: () => t,
      ...over,
    });
    return { client, cores, logs, emitted, advance: (ms: number) => (t += ms) };
  }

  it('ignores malformed messages and answers to no call; events pass only when well formed', async () => {
    const { client, cores, logs, emitted } = fake();
    await client.start();
    const core = cores[0]!;
    const pending = client.dispatch('settings.get', {});
    await new Promise((r) => setImmediate(r));
    const call = core.posted.at(-1) as { t: string; seq: number };
    expect(call.t).toBe('call');
    core.emit('message', { t: 'result', seq: 999, result: { ok: true, value: 1 } });
    core.emit('message', { t: 'result', seq: call.seq, result: { ok: 'yes' } });
    core.emit('message', { t: 'event', event: 'notice', payload: { key: 'k', level: 'loud' } });
    core.emit('message', { t: 'ask', seq: 1, ask: { kind: 'confirm', request: { kind: 'send', recipients: 'all' } } });
    core.emit('message', 42);
    core.emit('message', { t: 'event', event: 'outbox.changed', payload: { campaignIds: [3] } });
    core.emit('message', { t: 'result', seq: call.seq, result: { ok: true, value: 'fine' } });
    expect(await pending).toEqual({ ok: true, value: 'fine' });
    expect(emitted).toEqual([{ event: 'outbox.changed', payload: { campaignIds: [3] } }]);
    expect(logs.filter((l) => l.includes('malformed'))).toHaveLength(4);
    expect(logs).toContain('ignored an answer to no pending call');
    // The malformed confirm was never shown and never answered yes.
    expect(core.posted.filter((m) => (m as { t: string }).t === 'answer')).toEqual([]);
  });

  it('a core that stops before it opened is reported by start(), not restarted', async () => {
    const restarted: number[] = [];
    const { client, cores } = fake({ onRestart: ({ restarts }) => restarted.push(restarts) });
    const orig = FakeCore.prototype.postMessage;
    const spy = vi.spyOn(FakeCore.prototype, 'postMessage').mockImplementation(function (this: FakeCore, msg: unknown) {
      this.posted.push(msg);
      setImmediate(() => this.emit('exit', 9));
    });
    await expect(client.start()).rejects.toThrow('The outbox core stopped before it opened (exit code 9).');
    spy.mockRestore();
    expect(FakeCore.prototype.postMessage).toBe(orig);
    expect(cores).toHaveLength(1);
    expect(restarted).toEqual([]);
  });

  it('restarts at most 3 times within a minute, then gives up', async () => {
    const gaveUp: number[] = [];
    const { client, cores, advance } = fake({ onGiveUp: ({ restarts }) => gaveUp.push(restarts) });
    await client.start();
    for (let i = 0; i < 3; i++) {
      cores.at(-1)!.emit('exit', 1);
      advance(10_000);
    }
    expect(cores).toHaveLength(4);
    // Past the minute the first restart no longer counts.
    advance(31_000);
    cores.at(-1)!.emit('exit', 1);
    expect(cores).toHaveLength(5);
    expect(gaveUp).toEqual([]);
    cores.at(-1)!.emit('exit', 1);
    expect(cores).toHaveLength(5);
    expect(gaveUp).toEqual([3]);
    expect(await client.dispatch('settings.get', {})).toMatchObject({ ok: false, error: { text: { code: 'core_stopped' } } });
  });
});
