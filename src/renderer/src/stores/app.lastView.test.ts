// The window opens on the view the user left it on: the store tells main (kept with the settings in
// SQLite) on every change, and restores it once at the next start.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/contract';

let stored: Settings;
const calls: [string, unknown][] = [];

function fakeBridge() {
  return {
    call: async (name: string, input: unknown) => {
      calls.push([name, input]);
      if (name === 'settings.update') stored = { ...stored, ...(input as Partial<Settings>) };
      const app = {
        mode: 'live',
        dataDir: '/d',
        token: { set: true, savedAt: null, accepted: null },
        keychain: { ok: true, message: null },
        version: '1',
      };
      return { ok: true, value: { settings: stored, app } };
    },
    on: () => () => {},
  };
}

beforeEach(() => {
  vi.resetModules();
  stored = { ...DEFAULT_SETTINGS };
  calls.length = 0;
  (globalThis as { window?: unknown }).window = { smsOutbox: fakeBridge() };
});

describe('last view', () => {
  it('is saved on every change and restored at the next start', async () => {
    const first = (await import('./app')).useAppStore;
    await first.getState().load();
    expect(first.getState().view).toBe('compose');
    first.getState().setView('outbox');
    await vi.waitFor(() => expect(stored.lastView).toBe('outbox'));
    expect(calls).toContainEqual(['settings.update', { lastView: 'outbox' }]);

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
