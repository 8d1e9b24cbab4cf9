// Issue 16: NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment must not make the gateway client trust
// a certificate: against an HTTPS server with a self-signed certificate (made for this run with
// openssl), the request fails as a TLS failure and the server never sees an HTTP request — for the
// client alone, and for the app asking GatewayAPI about a new token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpFetch } from '../src/core/http/undiciFetch';
import { openApp } from '../src/app/openApp';
import { createMemoryStore } from '../src/core/secrets/secretStore';

let dir = '';
let server: Server;
let url = '';
let requests = 0;
const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"credit":"1000.0","currency":"DKK","id":666}');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  // What an attacker (or a careless script) puts in the environment.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
});

afterAll(async () => {
  if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
  rmSync(dir, { recursive: true, force: true });
});

describe('a self-signed server with NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment', () => {
  it('Node itself would trust it (the setting is live in this process)', async () => {
    const res = await fetch(`${url}/rest/me`);
    expect(res.status).toBe(200);
    expect(requests).toBe(1);
    requests = 0;
  });

  it('the gateway client refuses the certificate; the server sees no request', async () => {
    const http = createHttpFetch({ connectTimeoutMs: 5000 });
    try {
      const err = await http.fetch(`${url}/rest/me`, { headers: { Authorization: 'Token secret-token-123456' } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      const text = String((err as Error & { cause?: { message?: string } }).cause?.message ?? err);
      expect(text).toMatch(/self[- ]signed|certificate/i);
    } finally {
      await http.close();
    }
    expect(requests).toBe(0);
  });

  it('the app asking GatewayAPI about a new token stores nothing and sends no request', async () => {
    const http = createHttpFetch({ connectTimeoutMs: 5000 });
    const data = mkdtempSync(join(tmpdir(), 'sms-outbox-tls-app-'));
    const asked: unknown[] = [];
    const app = await openApp({
      dataDir: data,
      fetch: http.fetch,
      secrets: createMemoryStore(),
      emit: () => {},
      confirm: async (r) => {
        asked.push(r);
        return false;
      },
    });
    try {
      await app.dispatch('settings.update', { platform: 'custom', customBaseUrl: url });
      const r = await app.dispatch('token.set', { token: 'secret-token-123456' });
      expect(r.ok).toBe(false);
      // Main could not name an account: its dialog says so instead of showing the server's "666".
      expect(asked).toEqual([
        expect.objectContaining({ kind: 'replaceToken', account: null, problem: expect.stringMatching(/TLS|certificate|secure/i) }),
      ]);
    } finally {
      await app.close();
      await http.close();
      rmSync(data, { recursive: true, force: true });
    }
    expect(requests).toBe(0);
  });
});
