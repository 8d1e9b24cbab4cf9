// Round trip through the real keytar and a real Secret Service. Runs only inside
// scripts/with-test-keyring.mjs (a private D-Bus session with a throw-away keyring), so it never
// touches a developer's own keychain.
import { describe, expect, it } from 'vitest';
import { createKeytarStore } from './secretStore';

const enabled = process.env.SMS_OUTBOX_TEST_KEYRING === '1';
const SKIP_REASON =
  'keychain tests skipped: SMS_OUTBOX_TEST_KEYRING is not 1 (run them through `npm run test:unit`, which starts a throw-away keyring where dbus-run-session and gnome-keyring-daemon exist)';
if (!enabled) console.log(SKIP_REASON);

describe('createKeytarStore with a real OS keychain', () => {
  // A per-run service name so a left-over item from an aborted run cannot make this pass.
  const service = `sms-outbox-test-${process.pid}-${Date.now()}`;

  (enabled ? it : it.skip)('sets, reads back and clears the token', async () => {
    const store = createKeytarStore({ service, timeoutMs: 10_000 });
    expect(await store.get()).toBeNull();
    await store.set('real-keyring-token-1234');
    expect(store.status()).toEqual({ ok: true, message: null });

    // A second store (like the CLI in another process) reads what the first one wrote.
    const other = createKeytarStore({ service, timeoutMs: 10_000 });
    expect(await other.get()).toBe('real-keyring-token-1234');

    await store.clear();
    expect(await other.get()).toBeNull();
    expect(store.status()).toEqual({ ok: true, message: null });
  });
});
