// Tests the BUILT preload the way a sandboxed Electron renderer runs it: one file, evaluated with a
// `require` that offers only 'electron' (here a fake). Nobody here can launch Electron, so this is
// the proof that the bundle is self-contained and behaves.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/channels';

const OUT_DIR = fileURLToPath(new URL('../../out/preload/', import.meta.url));
const PRELOAD = `${OUT_DIR}index.cjs`;

type Handler = (...args: unknown[]) => void;

function loadPreload() {
  const exposed: Record<string, unknown> = {};
  const exposeCalls: string[] = [];
  const required: string[] = [];
  const invokes: unknown[][] = [];
  const handlers = new Map<string, Handler[]>();
  const errors: unknown[][] = [];
  let invokeResult: () => Promise<unknown> = async () => ({ ok: true, value: 'pong' });

  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        exposeCalls.push(key);
        exposed[key] = api;
      },
    },
    ipcRenderer: {
      invoke(...args: unknown[]) {
        invokes.push(args);
        return invokeResult();
      },
      on(channel: string, h: Handler) {
        handlers.set(channel, [...(handlers.get(channel) ?? []), h]);
      },
      removeListener(channel: string, h: Handler) {
        handlers.set(
          channel,
          (handlers.get(channel) ?? []).filter((x) => x !== h),
        );
      },
    },
  };
  const fakeRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`Cannot find module '${id}' (a sandboxed preload can only require electron)`);
  };

  // The same wrapper Electron's sandboxed renderer puts around a preload script.
  const source = readFileSync(PRELOAD, 'utf8');
  const wrapped = `(function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {${source}\n})`;
  const context = vm.createContext({ console: { error: (...a: unknown[]) => errors.push(a), log() {}, warn() {} } });
  const fn = vm.runInContext(wrapped, context, { filename: PRELOAD }) as (...args: unknown[]) => void;
  const mod = { exports: {} };
  fn(fakeRequire, {}, undefined, context, undefined, undefined, mod.exports, mod);

  const emit = (...args: unknown[]) => {
    for (const h of handlers.get(IPC_EVENT_CHANNEL) ?? []) h({ sender: null }, ...args);
  };
  return {
    source,
    exposed,
    exposeCalls,
    required,
    invokes,
    handlers,
    errors,
    emit,
    setInvoke: (f: () => Promise<unknown>) => (invokeResult = f),
  };
}

type BridgeLike = {
  call(name: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
};

beforeAll(() => {
  if (!existsSync(PRELOAD)) throw new Error(`${PRELOAD} is missing: run npm run build first`);
});

describe('built preload', () => {
  it('is one self-contained CommonJS file that requires only electron', () => {
    expect(readdirSync(OUT_DIR).filter((f) => /\.(c|m)?js$/.test(f))).toEqual(['index.cjs']);
    const p = loadPreload();
    expect(p.required).toEqual(['electron']);
    // Also the requires that would only run later (inside functions) and dynamic imports.
    const ids = [...p.source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(ids)).toEqual(new Set(['electron']));
    expect(p.source).not.toMatch(/\bimport\s*\(/);
    // zod (the contract's schemas) must not be bundled into the renderer-facing preload.
    expect(p.source.length).toBeLessThan(20_000);
  });

  it('exposes exactly window.smsOutbox with call and on', () => {
    const p = loadPreload();
    expect(p.exposeCalls).toEqual(['smsOutbox']);
    const api = p.exposed.smsOutbox as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
  });

  it('forwards call(name, input) on the call channel and returns main’s Result', async () => {
    const p = loadPreload();
    const api = p.exposed.smsOutbox as BridgeLike;
    const input = { campaignId: 7 };
    await expect(api.call('campaign.pause', input)).resolves.toEqual({ ok: true, value: 'pong' });
    expect(p.invokes).toEqual([[IPC_CALL_CHANNEL, 'campaign.pause', input]]);
  });

  it('turns an IPC failure into an error Result instead of a rejection', async () => {
    const p = loadPreload();
    p.setInvoke(() => Promise.reject(new Error('An object could not be cloned.')));
    const api = p.exposed.smsOutbox as BridgeLike;
    await expect(api.call('settings.get', {})).resolves.toEqual({
      ok: false,
      error: { kind: 'internal', message: 'An object could not be cloned.' },
    });
  });

  it('fans one IPC listener out to subscribers by event name, and unsubscribes', () => {
    const p = loadPreload();
    const api = p.exposed.smsOutbox as BridgeLike;
    const got: string[] = [];
    const off1 = api.on('notice', (x) => got.push(`a:${JSON.stringify(x)}`));
    const off2 = api.on('notice', (x) => got.push(`b:${JSON.stringify(x)}`));
    const off3 = api.on('outbox.changed', (x) => got.push(`c:${JSON.stringify(x)}`));
    expect(p.handlers.get(IPC_EVENT_CHANNEL)).toHaveLength(1);

    p.emit('notice', { key: 'k', level: 'error', message: 'm' });
    expect(got).toEqual(['a:{"key":"k","level":"error","message":"m"}', 'b:{"key":"k","level":"error","message":"m"}']);

    got.length = 0;
    off1();
    off1(); // twice is harmless
    p.emit('notice', 1);
    p.emit('outbox.changed', { campaignIds: [3] });
    expect(got).toEqual(['b:1', 'c:{"campaignIds":[3]}']);

    off2();
    off3();
    expect(p.handlers.get(IPC_EVENT_CHANNEL)).toHaveLength(0);
    p.emit('notice', 2);
    expect(got).toEqual(['b:1', 'c:{"campaignIds":[3]}']);

    // Subscribing again re-attaches the single IPC listener.
    api.on('notice', (x) => got.push(`d:${x}`));
    p.emit('notice', 3);
    expect(got.at(-1)).toBe('d:3');
  });

  it('keeps delivering to other subscribers when one throws', () => {
    const p = loadPreload();
    const api = p.exposed.smsOutbox as BridgeLike;
    const got: unknown[] = [];
    api.on('notice', () => {
      throw new Error('boom');
    });
    api.on('notice', (x) => got.push(x));
    p.emit('notice', 'hello');
    expect(got).toEqual(['hello']);
    expect(p.errors).toHaveLength(1);
  });
});
