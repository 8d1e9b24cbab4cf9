import { describe, expect, it } from 'vitest';
import { createKeytarStore, createMemoryStore, type KeytarLike } from './secretStore';

const TOKEN = 'tok_SECRET_abcdef123456';

/** A keytar whose calls fail with the given message (as libsecret reports it). */
function failingKeytar(message: string): KeytarLike {
  const fail = () => Promise.reject(new Error(message));
  return { getPassword: fail, setPassword: fail, deletePassword: fail };
}

/** A working keytar over a Map, counting calls. */
function fakeKeytar() {
  const items = new Map<string, string>();
  const calls = { get: 0, set: 0, delete: 0 };
  const k: KeytarLike = {
    async getPassword(s, a) {
      calls.get++;
      return items.get(`${s}/${a}`) ?? null;
    },
    async setPassword(s, a, p) {
      calls.set++;
      items.set(`${s}/${a}`, p);
    },
    async deletePassword(s, a) {
      calls.delete++;
      return items.delete(`${s}/${a}`);
    },
  };
  return { k, items, calls };
}

async function sessionOnlyRoundTrip(store: ReturnType<typeof createKeytarStore>) {
  await expect(store.set(TOKEN)).resolves.toBeUndefined();
  expect(await store.get()).toBe(TOKEN);
  const st = store.status();
  expect(st.ok).toBe(false);
  expect(st.message).toMatch(/memory for this session only/);
  expect(st.message).not.toContain(TOKEN);
  await store.clear();
  expect(await store.get()).toBeNull();
  return st.message!;
}

describe('createKeytarStore when the keychain cannot be used', () => {
  it('keeps the token in memory when keytar is not installed, and says so', async () => {
    const store = createKeytarStore({
      load: () => Promise.reject(new Error("Cannot find module 'keytar'")),
    });
    const message = await sessionOnlyRoundTrip(store);
    expect(message).toMatch(/keytar/);
  });

  it('names libsecret when its shared library is missing', async () => {
    const store = createKeytarStore({
      load: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory')),
    });
    const message = await sessionOnlyRoundTrip(store);
    expect(message).toMatch(/libsecret is not installed/);
  });

  it('explains a missing D-Bus session', async () => {
    const store = createKeytarStore({ load: async () => failingKeytar('Cannot autolaunch D-Bus without X11 $DISPLAY') });
    const message = await sessionOnlyRoundTrip(store);
    expect(message).toMatch(/No D-Bus session/);
  });

  it('explains a missing unlocked keyring', async () => {
    const store = createKeytarStore({
      load: async () => failingKeytar('Object does not exist at path “/org/freedesktop/secrets/collection/login”'),
    });
    const message = await sessionOnlyRoundTrip(store);
    expect(message).toMatch(/no unlocked default keyring/);
  });

  it('explains a locked keyring', async () => {
    const store = createKeytarStore({ load: async () => failingKeytar('Cannot create an item in a locked collection') });
    const message = await sessionOnlyRoundTrip(store);
    expect(message).toMatch(/keyring is locked/);
  });

  it('gives up on a keychain that does not answer, within the time limit', async () => {
    const hang = () => new Promise<never>(() => {});
    const store = createKeytarStore({
      timeoutMs: 50,
      load: async () => ({ getPassword: hang, setPassword: hang, deletePassword: hang }),
    });
    const started = Date.now();
    expect(await store.get()).toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(store.status()).toEqual({
      ok: false,
      message: expect.stringMatching(/did not answer in time \(50 ms\)/),
      // What the window and the CLI say, in the user's language.
      text: { code: 'keychain_problem', kind: 'timeout', detail: null },
    });
  });

  it('never puts the token into its message, even when the error echoes it', async () => {
    const store = createKeytarStore({ load: async () => failingKeytar(`refused to store "${TOKEN}" today`) });
    await store.set(TOKEN);
    expect(store.status().message).toMatch(/OS keychain failed/);
    expect(store.status().message).not.toContain(TOKEN);
    expect(store.status().message).toContain('[redacted]');
  });

  it('does not retry a failing keychain on every read, and recovers after the pause', async () => {
    let t = 0;
    let broken = true;
    const fake = fakeKeytar();
    const store = createKeytarStore({
      retryAfterMs: 30_000,
      now: () => t,
      load: async () => ({
        ...fake.k,
        getPassword: (s, a) =>
          broken ? Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')) : fake.k.getPassword(s, a),
      }),
    });
    expect(await store.get()).toBeNull();
    expect(store.status().ok).toBe(false);
    fake.items.set('sms-outbox/gatewayapi-token', TOKEN);
    broken = false;
    t = 10_000;
    expect(await store.get()).toBeNull(); // still pausing: no keychain call
    expect(fake.calls.get).toBe(0);
    t = 31_000;
    expect(await store.get()).toBe(TOKEN);
    expect(store.status()).toEqual({ ok: true, message: null });
  });
});

describe('createKeytarStore with a working keychain', () => {
  it('stores in the keychain, not in memory, so a token changed elsewhere (the CLI) is seen', async () => {
    const fake = fakeKeytar();
    const store = createKeytarStore({ load: async () => fake.k });
    await store.set(TOKEN);
    expect(fake.items.get('sms-outbox/gatewayapi-token')).toBe(TOKEN);
    fake.items.set('sms-outbox/gatewayapi-token', 'changed-by-cli');
    expect(await store.get()).toBe('changed-by-cli');
    await store.clear();
    expect(fake.items.size).toBe(0);
    expect(await store.get()).toBeNull();
    expect(store.status()).toEqual({ ok: true, message: null });
  });

  it('uses the given service and account names', async () => {
    const fake = fakeKeytar();
    const store = createKeytarStore({ service: 'svc', account: 'acc', load: async () => fake.k });
    await store.set(TOKEN);
    expect([...fake.items.keys()]).toEqual(['svc/acc']);
  });
});

describe('createMemoryStore', () => {
  it('round-trips and forgets on clear', async () => {
    const store = createMemoryStore();
    expect(await store.get()).toBeNull();
    await store.set(TOKEN);
    expect(await store.get()).toBe(TOKEN);
    await store.clear();
    expect(await store.get()).toBeNull();
    expect(store.status().ok).toBe(true);
  });
});
