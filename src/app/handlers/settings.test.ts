// settings.update from the window: where live sending may go is decided here in main.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type SmsOutboxApp } from '../openApp';
import { createMemoryStore } from '../../core/secrets/secretStore';

let app: SmsOutboxApp | null = null;
let dir = '';
afterEach(async () => {
  await app?.close();
  app = null;
  rmSync(dir, { recursive: true, force: true });
});

async function start() {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-settings-'));
  app = await openApp({ dataDir: dir, fetch: (u, i) => fetch(u, i), secrets: createMemoryStore(), emit: () => {} });
  return app;
}

describe('settings.update: the base URL', () => {
  it('refuses a custom URL on another host (the token would go there), naming the field; nothing is stored', async () => {
    const a = await start();
    for (const patch of [
      { platform: 'custom', customBaseUrl: 'https://attacker.example' },
      { customBaseUrl: 'https://gatewayapi.com.attacker.example' }, // stored for later is refused too
      { platform: 'custom', customBaseUrl: 'http://sim.localhost:8080' },
    ]) {
      const r = await a.dispatch('settings.update', patch);
      expect(r).toMatchObject({ ok: false, error: { kind: 'invalid_input', field: 'customBaseUrl' } });
    }
    const r = await a.dispatch('settings.update', { platform: 'custom', customBaseUrl: 'https://attacker.example' });
    if (!r.ok) expect(r.error.message).toMatch(/only at this computer.*gatewayapi\.com or gatewayapi\.eu.*--base-url/s);
    expect(a.engine.settings()).toMatchObject({ platform: 'com', customBaseUrl: null });
  });

  it('accepts the two platforms and a simulator on this computer', async () => {
    const a = await start();
    expect(await a.dispatch('settings.update', { platform: 'eu' })).toMatchObject({ ok: true });
    expect(await a.dispatch('settings.update', { platform: 'custom', customBaseUrl: 'http://127.0.0.1:8123' })).toMatchObject({ ok: true });
    expect(await a.dispatch('settings.update', { platform: 'custom', customBaseUrl: 'https://gatewayapi.eu' })).toMatchObject({ ok: true });
    expect(a.engine.settings()).toMatchObject({ platform: 'custom', customBaseUrl: 'https://gatewayapi.eu' });
  });
});
