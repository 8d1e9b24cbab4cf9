// The fetch the app and the CLI send through, against real sockets on 127.0.0.1: it never re-sends
// a POST, it uses the proxy it is given, and a connection that never opens ends on the connect
// deadline as "nothing was sent".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayClient } from '../gateway/client';
import { GatewayError } from '../gateway/errors';
import type { SendRequest } from '../gateway/types';
import { makeEngine, type Harness } from '../testing/engineHarness';
import { newCampaign, numbers } from '../testing/campaign';
import { waitFor } from '../testing/waitFor';
import { startBlackhole, startSimulator, type Simulator } from '../../simulator';
import { createHttpFetch, type HttpFetch } from './undiciFetch';

const TOKEN = 'demo-token';
const request: SendRequest = { sender: 'Shop', message: 'Hi', encoding: 'UTF8', recipients: [{ msisdn: '4512345678' }] };

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function httpFetch(o: Parameters<typeof createHttpFetch>[0] = {}): HttpFetch {
  const f = createHttpFetch(o);
  cleanups.push(() => f.close());
  return f;
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        server.close(() => r());
      }),
  );
  return (server.address() as net.AddressInfo).port;
}

async function sim(): Promise<Simulator> {
  const s = await startSimulator({ token: TOKEN });
  cleanups.push(() => s.close());
  return s;
}

async function gatewayError(p: Promise<unknown>): Promise<GatewayError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(GatewayError);
  return e as GatewayError;
}

/**
 * A raw HTTP/1.1 server: answers the first request of each connection with 200 (keep-alive), and
 * on a reused connection reads the whole next request, then closes without a word.
 */
async function dropOnReuseServer() {
  const requests: Array<{ conn: number; method: string; body: string }> = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    const conn = ++connections;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buf = Buffer.alloc(0);
    let served = 0;
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1');
        const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (buf.length < end + 4 + length) return;
        const body = buf.subarray(end + 4, end + 4 + length).toString('utf8');
        buf = buf.subarray(end + 4 + length);
        requests.push({ conn, method: head.split(' ')[0]!, body });
        if (served++ === 0) {
          const json = head.startsWith('POST') ? '{"ids":[1]}' : '{"credit":"10.00000","currency":"DKK","id":1}';
          socket.write(
            `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${json.length}\r\nConnection: keep-alive\r\n\r\n${json}`,
          );
        } else {
          socket.destroy(); // the request was read in full: GatewayAPI might have accepted it
          return;
        }
      }
    });
  });
  const port = await listen(server);
  cleanups.push(() => {
    for (const s of sockets) s.destroy();
  });
  return { url: `http://127.0.0.1:${port}`, requests, connections: () => connections };
}

describe('no POST is ever re-sent by the HTTP client', () => {
  it('a reused keep-alive connection that closes after reading the POST: exactly one POST, the call ends ambiguous', async () => {
    const srv = await dropOnReuseServer();
    const client = new GatewayClient({ baseUrl: srv.url, token: TOKEN, fetch: httpFetch().fetch, timeoutMs: 3000 });
    await client.account(); // opens the connection and leaves it idle in the pool
    await new Promise((r) => setTimeout(r, 20)); // until undici has put it back as idle
    const second: SendRequest = { ...request, recipients: [{ msisdn: '4587654321' }] };
    const e = await gatewayError(client.send(second));
    expect(e.kind).toBe('ambiguous');
    await new Promise((r) => setTimeout(r, 300)); // time for any silent retry to show up
    const posts = srv.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.conn).toBe(1); // it did go out on the reused connection
    expect(srv.connections()).toBe(1); // and nothing reconnected to try again
  });

  it('through the sender: the batch on the dropped connection ends uncertain, accepted once, never twice', async () => {
    const f = httpFetch();
    let h: Harness | null = null;
    h = await makeEngine({ settings: { batchSize: 10, maxConcurrent: 1 }, fetch: () => f.fetch });
    const harness = h;
    cleanups.push(() => harness.close());
    harness.sim.faults.dropOnReuse = { count: 1, accept: true };
    harness.engine.campaigns.create(newCampaign({ people: numbers(30).map((msisdn) => ({ msisdn })) }));
    harness.engine.wake();
    await waitFor(() => (harness.counts().submitted ?? 0) + (harness.counts().uncertain ?? 0) === 30, 'all batches decided', {
      timeoutMs: 15_000,
    });
    expect(harness.counts()).toEqual({ submitted: 20, uncertain: 10 });
    expect(harness.sim.log).toHaveLength(30); // the dropped batch was accepted: once
    expect(harness.sim.duplicates()).toEqual([]);
    expect(harness.sim.requests.filter((r) => r.method === 'POST' && r.status === 0)).toHaveLength(1);
  });
});

describe('connect deadline', () => {
  it('a connection that never opens (stalled TLS) ends on the connect deadline: transient, offline, nothing sent', async () => {
    const hole = await startBlackhole();
    cleanups.push(() => hole.close());
    const client = new GatewayClient({
      baseUrl: hole.url,
      token: TOKEN,
      fetch: httpFetch({ connectTimeoutMs: 300 }).fetch,
      timeoutMs: 5000,
    });
    const t0 = Date.now();
    const e = await gatewayError(client.send(request));
    expect(Date.now() - t0).toBeLessThan(2000); // the connect deadline, not the 5 s request deadline
    expect(e).toMatchObject({ kind: 'transient', offline: true, cause: 'CONNECT_TIMEOUT' });
    expect(e.message).toMatch(/Nothing was sent/);
    expect(hole.connections).toBe(1);
    expect(hole.received().includes('POST')).toBe(false);
  });

  it('through the sender: a gateway whose connections never open leaves nothing uncertain and the queue intact', async () => {
    const hole = await startBlackhole();
    cleanups.push(() => hole.close());
    const f = httpFetch({ connectTimeoutMs: 150 });
    let attempts = 0;
    const h = await makeEngine({
      settings: { batchSize: 10, maxConcurrent: 2 },
      timeoutMs: 5000,
      // Every request of the engine goes to the black hole instead of the simulator.
      fetch: () => (url, init) => {
        attempts++;
        return f.fetch(url.replace(/^http:\/\/127\.0\.0\.1:\d+/, hole.url), init);
      },
    });
    cleanups.push(() => h.close());
    h.engine.campaigns.create(newCampaign({ people: numbers(100).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => attempts >= 3 && hole.connections >= 3, 'several connect attempts', { timeoutMs: 15_000 });
    await new Promise((r) => setTimeout(r, 300));
    const counts = h.counts();
    expect(counts.uncertain ?? 0).toBe(0);
    expect(counts.failed ?? 0).toBe(0);
    expect(Object.values(counts).reduce((a, b) => a + (b ?? 0), 0)).toBe(100);
    expect(hole.received().includes('POST')).toBe(false);
  });

  it('without the connect deadline the same stall would be an ambiguous POST (why it exists)', async () => {
    const hole = await startBlackhole();
    cleanups.push(() => hole.close());
    // The request deadline (400 ms) fires before the connect deadline (10 s default).
    const client = new GatewayClient({ baseUrl: hole.url, token: TOKEN, fetch: httpFetch().fetch, timeoutMs: 400 });
    expect((await gatewayError(client.send(request))).kind).toBe('ambiguous');
  });

  it('a TLS handshake that fails while opening the connection (untrusted certificate) → transient: nothing was written', async (ctx) => {
    const dir = mkdtempSync(join(tmpdir(), 'net-tls-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-subj',
          '/CN=127.0.0.1',
          '-days',
          '1',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
    } catch {
      console.log('skipped: openssl is not installed, so no self-signed certificate can be made for this test');
      ctx.skip();
    }
    let received = '';
    const server = tls.createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (s) => {
      s.on('data', (d: Buffer) => (received += d.toString()));
      s.on('error', () => {});
    });
    server.on('tlsClientError', () => {});
    const port = await listen(server);
    const client = new GatewayClient({ baseUrl: `https://127.0.0.1:${port}`, token: TOKEN, fetch: httpFetch().fetch });
    const e = await gatewayError(client.send(request));
    expect(e).toMatchObject({ kind: 'transient', offline: false, cause: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(e.message).toMatch(/Nothing was sent/);
    expect(received).toBe('');
  });

  it('connection refused → transient, offline (ECONNREFUSED)', async () => {
    const s = net.createServer();
    const port = await listen(s);
    await new Promise<void>((r) => s.close(() => r()));
    const client = new GatewayClient({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN, fetch: httpFetch().fetch });
    expect(await gatewayError(client.send(request))).toMatchObject({ kind: 'transient', offline: true, cause: 'ECONNREFUSED' });
  });
});

/** A tiny HTTP proxy on 127.0.0.1 that tunnels CONNECT (or refuses, or never answers). */
async function tinyProxy(mode: 'tunnel' | 'refuse' | 'silent' = 'tunnel', upstreamPort?: number) {
  const connects: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('error', () => {});
    client.on('close', () => sockets.delete(client));
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.off('data', onData);
      const [method, target] = head.split(' ');
      if (method !== 'CONNECT' || !target) return void client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n');
      connects.push(target);
      if (mode === 'silent') return;
      if (mode === 'refuse') return void client.end('HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n');
      const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
      // upstreamPort: every tunnel leads to the simulator, whatever host was asked for.
      const upstream = net.connect(upstreamPort ?? port, upstreamPort ? '127.0.0.1' : host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        const rest = Buffer.from(head.slice(end + 4), 'latin1');
        if (rest.length) upstream.write(rest);
        client.pipe(upstream).pipe(client);
      });
      sockets.add(upstream);
      upstream.on('error', () => client.destroy());
      upstream.on('close', () => sockets.delete(upstream));
    };
    client.on('data', onData);
  });
  const port = await listen(server);
  cleanups.push(() => {
    for (const s of sockets) s.destroy();
  });
  return { port, connects };
}

describe('proxies', () => {
  it('the app: what session.resolveProxy answers ("PROXY host:port; DIRECT") is the proxy used', async () => {
    const s = await sim();
    const proxy = await tinyProxy();
    const asked: string[] = [];
    const resolveProxy = async (url: string) => {
      asked.push(url);
      return `PROXY 127.0.0.1:${proxy.port}; DIRECT`;
    };
    const client = new GatewayClient({ baseUrl: s.url, token: TOKEN, fetch: httpFetch({ resolveProxy }).fetch });
    await expect(client.send(request)).resolves.toMatchObject({ ids: [expect.any(Number)] });
    expect(proxy.connects).toEqual([`127.0.0.1:${s.port}`]);
    expect(asked).toEqual([`${s.url}/rest/mtsms`]);
    expect(s.log).toHaveLength(1);
  });

  it('the app: DIRECT goes straight to the host', async () => {
    const s = await sim();
    const proxy = await tinyProxy();
    const client = new GatewayClient({ baseUrl: s.url, token: TOKEN, fetch: httpFetch({ resolveProxy: async () => 'DIRECT' }).fetch });
    await client.send(request);
    expect(proxy.connects).toEqual([]);
    expect(s.log).toHaveLength(1);
  });

  it('the CLI: HTTP_PROXY from the environment, NO_PROXY honoured, loopback never proxied', async () => {
    const s = await sim();
    const proxy = await tinyProxy('tunnel', s.port);
    const auth = { headers: { authorization: `Token ${TOKEN}` } };
    // A host name only the proxy can reach (it tunnels everything to the simulator).
    const viaProxy = httpFetch({ env: { HTTP_PROXY: `http://127.0.0.1:${proxy.port}` } });
    expect((await viaProxy.fetch('http://gatewayapi.invalid:8080/rest/me', auth)).status).toBe(200);
    expect(proxy.connects).toEqual(['gatewayapi.invalid:8080']);
    // NO_PROXY names it: then it is looked up directly (and here cannot be found).
    const bypass = httpFetch({ env: { http_proxy: `http://127.0.0.1:${proxy.port}`, NO_PROXY: 'gatewayapi.invalid' } });
    expect(await bypass.fetch('http://gatewayapi.invalid:8080/rest/me', auth).catch(() => 'direct')).toBe('direct');
    // The demo simulator on 127.0.0.1 is reached directly even with a proxy set.
    const client = new GatewayClient({ baseUrl: s.url, token: TOKEN, fetch: viaProxy.fetch });
    await client.send(request);
    expect(proxy.connects).toHaveLength(1);
    expect(s.log).toHaveLength(1);
  });

  it('a proxy refusing the tunnel (407) → transient: nothing reached GatewayAPI', async () => {
    const s = await sim();
    const proxy = await tinyProxy('refuse');
    const client = new GatewayClient({
      baseUrl: s.url,
      token: TOKEN,
      fetch: httpFetch({ resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}` }).fetch,
    });
    const e = await gatewayError(client.send(request));
    expect(e).toMatchObject({ kind: 'transient', cause: 'PROXY_REFUSED' });
    expect(e.message).toContain('HTTP 407');
    expect(s.log).toHaveLength(0);
  });

  it('a proxy that never answers the CONNECT ends on the connect deadline, not as an uncertain POST', async () => {
    const s = await sim();
    const proxy = await tinyProxy('silent');
    const client = new GatewayClient({
      baseUrl: s.url,
      token: TOKEN,
      fetch: httpFetch({ connectTimeoutMs: 300, resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}` }).fetch,
      timeoutMs: 5000,
    });
    const e = await gatewayError(client.send(request));
    expect(e).toMatchObject({ kind: 'transient', offline: true, cause: 'CONNECT_TIMEOUT' });
    expect(s.log).toHaveLength(0);
  });

  it('a proxy setting this app cannot use (SOCKS4) → transient with a clear message, nothing sent', async () => {
    const s = await sim();
    const client = new GatewayClient({
      baseUrl: s.url,
      token: TOKEN,
      fetch: httpFetch({ resolveProxy: async () => 'SOCKS 127.0.0.1:1080' }).fetch,
    });
    const e = await gatewayError(client.send(request));
    expect(e.kind).toBe('transient');
    expect(e.message).toMatch(/proxy setting "SOCKS 127\.0\.0\.1:1080" is not supported/);
    expect(s.log).toHaveLength(0);
  });

  it('redirects are not followed by the fetch itself', async () => {
    const s = await sim();
    s.faults.redirect = { count: 1, status: 307, location: `${s.url}/rest/mtsms` };
    const res = await httpFetch().fetch(`${s.url}/rest/mtsms`, {
      method: 'POST',
      headers: { authorization: `Token ${TOKEN}` },
      body: '{}',
      redirect: 'follow',
    });
    expect(res.status).toBe(307);
    expect(s.requests).toHaveLength(1);
  });
});
