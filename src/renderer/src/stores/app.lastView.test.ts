// The window opens on the view the user left it on: the store tells main (kept with the settings in
// SQLite) on every change, and restores it once at the next start.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type AppStatus, type Settings } from '../../../shared/contract';
import { inputsOf, installFakeBridge, type FakeCall } from '../testing/fakeBridge';

let stored: Settings;
let calls: FakeCall[];
const app: AppStatus = {
  mode: 'live',
  dataDir: '/d',
  token: { set: true, savedAt: null, accepted: null },
  keychain: { ok: true, problem: null },
  osLanguages: [],
  version: '1',
};

beforeEach(() => {
  vi.resetModules();
  stored = { ...DEFAULT_SETTINGS };
  // Main's side, as far as this store uses it: settings kept between calls (and starts).
  ({ calls } = installFakeBridge({
    'settings.get': () => ({ settings: stored, app }),
    'settings.update': (patch) => {
      stored = { ...stored, ...patch };
      return { settings: stored, app };
    },
  }));
});

describe('last view', () => {
  it('is saved on every change and restored at the next start', async () => {
    const first = (await import('./app')).useAppStore;
    await first.getState().load();
    expect(first.getState().view).toBe('compose');
    first.getState().setView('outbox');
    await vi.waitFor(() => expect(stored.lastView).toBe('outbox'));
    expect(inputsOf(calls, 'settings.update')).toContainEqual({ lastView: 'outbox' });

    // A new start: a fresh store reads the settings and opens on the outbox.
    vi.resetModules();
    const next = (await import('./app')).useAppStore;
    expect(next.getState().view).toBe('compose');
    await next.getState().load();
    expect(next.getState().view).toBe('outbox');

    // Later reloads of the settings (e.g. after saving them) do not move the user.
    next.getState().setView('settings');
    await next.getState().load();
    expect(next.getState().view).toBe('settings');
  });

  it('ignores a stored name that is no view of this version', async () => {
    stored = { ...DEFAULT_SETTINGS, lastView: 'reports-from-a-newer-version' };
    const store = (await import('./app')).useAppStore;
    await store.getState().load();
    expect(store.getState().view).toBe('compose');
  });
});
