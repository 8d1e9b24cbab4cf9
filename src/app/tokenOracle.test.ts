// Issue 16: the window cannot learn the token. Old code showed its last four characters and
// redacted every answer, the window's own echoes included, so "[redacted]" marked the right guess.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type SmsOutboxApp } from './openApp';
import { createMemoryStore } from '../core/secrets/secretStore';
import { oracleAttack, type BridgeCall } from './testing/tokenOracle';

let app: SmsOutboxApp | null = null;
let dir = '';
afterEach(async () => {
  await app?.close();
  app = null;
  rmSync(dir, { recursive: true, force: true });
});

const HEX = '0123456789abcdef';

/** Live mode with a 40-character token already in the keychain (the store is never read by the window). */
async function withToken(token: string): Promise<BridgeCall> {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-oracle-'));
  const secrets = createMemoryStore();
  await secrets.set(token);
  app = await openApp({ dataDir: dir, fetch: () => Promise.reject(new TypeError('offline')), secrets, emit: () => {} });
  const a = app;
  return (name, input) => a.dispatch(name, input);
}

describe('the token through the window', () => {
  it('app.status tells that a token is set, and not one character of it', async () => {
    // Letters no status value can hold by chance (values are booleans, ISO times and lower-case codes),
    // so any 3 of them in a row in the answer came from the token. Hex made this flaky ("acc" in a code).
    const token = Array.from(randomBytes(40), (b) => 'ABCDEFGHJKLMNPQRSUVWXY'[b % 22]).join('');
    const call = await withToken(token);
    const r = await call('settings.get', {});
    const status = (r.value as { app: { token: Record<string, unknown> } }).app.token;
    expect(status.set).toBe(true);
    const shown = JSON.stringify(status);
    for (let i = 0; i + 3 <= token.length; i++) expect(shown).not.toContain(token.slice(i, i + 3));
  });

  it('a script guessing through echoes learns 0 characters, even holding the last 8', async () => {
    const token = randomBytes(20).toString('hex');
    const call = await withToken(token);
    const fromStatus = await oracleAttack(call, HEX);
    expect(fromStatus.learned).toBe(0);
    const fromTail = await oracleAttack(call, HEX, token.slice(-8));
    expect(fromTail).toMatchObject({ known: token.slice(-8), learned: 0 });
  });

  it('echoes come back exactly as sent, also when they hold a piece of the token', async () => {
    const token = randomBytes(20).toString('hex');
    const call = await withToken(token);
    const text = `Hi ${token.slice(3, 20)} and ${token}`;
    const saved = await call('template.save', { id: null, name: token.slice(0, 12), text });
    expect(saved.value).toMatchObject({ text, name: token.slice(0, 12) });
  });
});
