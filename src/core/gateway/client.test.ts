// The client against a tiny local HTTP server (127.0.0.1, random port) through the fetch the app
// and the CLI use (undici, core/http/undiciFetch.ts): real undici errors, real sockets.
import { getEventListeners } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpFetch } from '../http/undiciFetch';
import { translate } from '../../shared/i18n/translate';
import { GatewayClient } from './client';
import { GatewayError, describeGatewayError, isAbortError } from './errors';
import type { SendRequest } from './types';

const TOKEN = 'tok_SECRET_9f8e7d6c5b4a';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

let server: http.Server;
let baseUrl: string;
let handler: Handler;
let seen: Seen[] = [];

function json(res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});

const httpFetch = createHttpFetch({ connectTimeoutMs: 2000 });

afterAll(async () => {
  await httpFetch.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
  handler = (_req, res) => json(res, 500, { message: 'no handler' });
});

const client = (extra: Partial<ConstructorParameters<typeof GatewayClient>[0]> = {}) =>
  new GatewayClient({ baseUrl, token: TOKEN, fetch: httpFetch.fetch, timeoutMs: 2000, ...extra });

const request: SendRequest = {
  sender: 'Shop',
  message: 'Hi %name%',
  encoding: 'UTF8',
  tags: ['%name%'],
  recipients: [
    { msisdn: '4512345678', tagvalues: ['Anna'] },
    { msisdn: '4587654321', tagvalues: ['Bo'] },
  ],
  userref: 'campaign-3',
};

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

async function gatewayError(p: Promise<unknown>): Promise<GatewayError> {
  const e = await caught(p);
  expect(e).toBeInstanceOf(GatewayError);
  return e as GatewayError;
}

/** A port on 127.0.0.1 with nothing listening. */
async function deadPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('send', () => {
  it('posts the documented request shape and returns the ids', async () => {
    handler = (_req, res) => json(res, 200, { ids: [421332671], usage: { countries: { DK: 2 }, currency: 'DKK', total_cost: 0.3 } });
    const out = await client({ userAgent: 'sms-outbox/test' }).send(request);

    expect(out).toEqual({ ids: [421332671], usage: { countries: { DK: 2 }, currency: 'DKK', total_cost: 0.3 } });
    expect(seen).toHaveLength(1);
    const s = seen[0]!;
    expect(s.method).toBe('POST');
    expect(s.url).toBe('/rest/mtsms');
    expect(s.headers.authorization).toBe(`Token ${TOKEN}`);
    expect(s.headers['content-type']).toBe('application/json');
    expect(s.headers.accept).toBe('application/json');
    expect(s.headers['user-agent']).toBe('sms-outbox/test');
    // Integer in the raw JSON text, not a string.
    expect(s.body).toContain('"msisdn":4512345678');
    expect(s.body).not.toContain('"4512345678"');
    expect(JSON.parse(s.body)).toEqual({
      sender: 'Shop',
      message: 'Hi %name%',
      encoding: 'UTF8',
      tags: ['%name%'],
      userref: 'campaign-3',
      recipients: [
        { msisdn: 4512345678, tagvalues: ['Anna'] },
        { msisdn: 4587654321, tagvalues: ['Bo'] },
      ],
      // Explicit, so "no final report after 72 h + margin" matches what GatewayAPI does.
      validity_period: 259200,
    });
  });

  it('takes the token from an async source (the keychain) for every call', async () => {
    handler = (_req, res) => json(res, 200, { ids: [1] });
    await client({ token: async () => TOKEN }).send(request);
    expect(seen[0]!.headers.authorization).toBe(`Token ${TOKEN}`);
  });

  it('no token set → auth error, nothing sent', async () => {
    const e = await gatewayError(client({ token: async () => null }).send(request));
    // A code the window and the CLI say in the user's language (it was an English sentence in gw_unexpected).
    expect(e).toMatchObject({ kind: 'auth', cause: 'NO_TOKEN', text: { code: 'gw_token_unusable', problem: 'missing' } });
    expect(e.message).toMatch(/Settings/);
    expect(seen).toHaveLength(0);
  });

  it('a 200 answer without usable ids is said in the user\'s language, as uncertain (it was an English "unexpected error")', async () => {
    handler = (_req, res) => json(res, 200, { ids: [0] });
    const e = await gatewayError(client().send(request));
    expect(e).toMatchObject({ kind: 'ambiguous', text: { code: 'gw_unreadable_answer', status: 200, post: true, what: 'ids' } });
    expect(translate('da', e.text)).toBe(
      "GatewayAPI svarede HTTP 200, men uden gyldige besked-id'er. Beskederne blev sandsynligvis modtaget, men deres id'er kendes ikke: tjek de usikre beskeder, før du sender igen.",
    );
    expect(translate('sv', e.text)).not.toMatch(/Unexpected|answered/);
  });

  it('an invalid msisdn is refused locally, nothing sent', async () => {
    const e = await gatewayError(client().send({ ...request, recipients: [{ msisdn: '+4512345678', tagvalues: ['A'] }] }));
    expect(e.kind).toBe('rejected');
    expect(seen).toHaveLength(0);
  });

  it('maps HTTP errors from the server: 401, 403 credit, 403 blacklist, 429 with Retry-After, 502', async () => {
    const cases: Array<[number, unknown, Record<string, string>, Partial<GatewayError>]> = [
      [401, { code: '0x0210', message: 'Invalid token' }, {}, { kind: 'auth', httpStatus: 401, code: '0x0210' }],
      [403, { code: '0x0216', message: 'No credit' }, {}, { kind: 'credit' }],
      [403, { code: '0x0215', message: 'Blacklisted', variables: [4587654321] }, {}, { kind: 'recipients', variables: ['4587654321'] }],
      [
        403,
        { code: '0x0214', message: 'Blacklisted', variables: ['4587654321', 'ab12'] },
        {},
        { kind: 'retry_recipient', variables: ['4587654321'] },
      ],
      [403, { code: '0x0217', message: 'Unauthorized destination', variables: ['SE'] }, {}, { kind: 'country', country: 'SE' }],
      [403, { code: '0x0213', message: 'Unauthorized IP' }, {}, { kind: 'account', code: '0x0213' }],
      [408, '<html>Request Timeout</html>', {}, { kind: 'ambiguous', httpStatus: 408 }],
      [429, { message: 'slow down' }, { 'Retry-After': '3' }, { kind: 'transient', retryAfterMs: 3000 }],
      [502, { message: 'bad gateway' }, {}, { kind: 'ambiguous', httpStatus: 502 }],
    ];
    for (const [status, body, headers, expected] of cases) {
      handler = (_req, res) => json(res, status, body, headers);
      const e = await gatewayError(client().send(request));
      expect(e).toMatchObject(expected);
    }
  });

  it('a 200 whose body is cut off → ambiguous (probably accepted, ids unknown)', async () => {
    handler = (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '200' });
      res.write('{"ids":[1');
      setTimeout(() => req.socket.destroy(), 20);
    };
    const e = await gatewayError(client().send(request));
    expect(e.kind).toBe('ambiguous');
    expect(e.httpStatus).toBe(200);
  });

  it('the server reads the body then drops the connection → ambiguous', async () => {
    handler = (req) => req.socket.destroy();
    const e = await gatewayError(client().send(request));
    expect(e.kind).toBe('ambiguous');
    expect(e.offline).toBe(false);
    expect(e.cause).toBe('UND_ERR_SOCKET');
    expect(seen).toHaveLength(1); // the body did arrive: this is exactly the dangerous case
  });

  it('nothing listening on the port → transient and offline', async () => {
    const port = await deadPort();
    const e = await gatewayError(client({ baseUrl: `http://127.0.0.1:${port}` }).send(request));
    expect(e).toMatchObject({ kind: 'transient', offline: true, cause: 'ECONNREFUSED' });
    expect(e.message).toMatch(/Nothing was sent/);
  });

  it('no answer within timeoutMs → ambiguous for POST', async () => {
    handler = () => {}; // read the request, never answer
    const t0 = Date.now();
    const e = await gatewayError(client({ timeoutMs: 150 }).send(request));
    expect(e).toMatchObject({ kind: 'ambiguous', cause: 'TIMEOUT' });
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('the caller aborting → AbortError, not a GatewayError', async () => {
    handler = () => {};
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const e = await caught(client().send(request, ac.signal));
    expect(e).not.toBeInstanceOf(GatewayError);
    expect(isAbortError(e)).toBe(true);
    // Already aborted: fails at once without a request.
    const before = seen.length;
    expect(isAbortError(await caught(client().send(request, ac.signal)))).toBe(true);
    expect(seen.length).toBe(before);
  });
  it('leaves no listeners on a long-lived caller signal (one signal serves a whole campaign)', async () => {
    handler = (_req, res) => json(res, 200, { ids: [1] });
    const ac = new AbortController();
    for (let i = 0; i < 3; i++) await client().send(request, ac.signal);
    handler = (_req, res) => json(res, 503, {});
    await gatewayError(client().send(request, ac.signal));
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
  });
});

describe('status', () => {
  it('404 means "not yet": null', async () => {
    handler = (_req, res) => json(res, 404, { message: 'Not found' });
    await expect(client().status(42)).resolves.toBeNull();
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/rest/mtsms/42' });
    expect(seen[0]!.headers.authorization).toBe(`Token ${TOKEN}`);
  });

  it('200 gives the per-recipient reports', async () => {
    handler = (_req, res) =>
      json(res, 200, [{ id: 42, recipients: [{ msisdn: 4512345678, dsnstatus: 'DELIVERED', dsntime: 1700000000 }] }]);
    const r = await client().status(42);
    expect(r).toEqual({
      id: 42,
      recipients: [{ msisdn: '4512345678', status: 'DELIVERED', error: null, code: null, time: 1700000000, country: null }],
    });
  });

  it('a GET whose connection drops, or a 502, is simply retryable', async () => {
    handler = (req) => req.socket.destroy();
    expect((await gatewayError(client().status(42))).kind).toBe('transient');
    handler = (_req, res) => json(res, 502, {});
    expect((await gatewayError(client().status(42))).kind).toBe('transient');
  });

  it('no answer within timeoutMs → transient for GET', async () => {
    handler = () => {};
    const e = await gatewayError(client({ timeoutMs: 150 }).status(42));
    expect(e).toMatchObject({ kind: 'transient', cause: 'TIMEOUT' });
  });
});

describe('account and prices', () => {
  it('credit arriving as a string (as GatewayAPI sends it) or as a number is a number', async () => {
    handler = (_req, res) => json(res, 200, { credit: '1234.56000', currency: 'DKK', id: 1 });
    await expect(client().account()).resolves.toEqual({ credit: 1234.56, currency: 'DKK', id: 1 });
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/rest/me' });
    handler = (_req, res) => json(res, 200, { credit: 17.5, currency: 'DKK', id: 1 });
    await expect(client().account()).resolves.toMatchObject({ credit: 17.5 });
  });

  it('an HTML page with 200 instead of the account → transient error, not a crash', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>login</html>');
    };
    expect((await gatewayError(client().account())).kind).toBe('transient');
  });

  it('prices are fetched without the token', async () => {
    handler = (_req, res) => json(res, 200, { standard: [{ country: 'DK', prefix: 45, eur: 0.04, dkk: 0.31 }] });
    const p = await client().prices();
    expect(p.tiers.standard).toEqual([{ country: 'DK', prefix: 45, prices: { eur: 0.04, dkk: 0.31 } }]);
    expect(seen[0]!.url).toBe('/api/prices/list/sms/json');
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });
});

describe('cancel', () => {
  it.each([
    [204, 'deleted'],
    [410, 'already_sent'],
    [404, 'not_found'],
  ])('HTTP %i → %s', async (status, result) => {
    handler = (_req, res) => {
      res.writeHead(status);
      res.end();
    };
    await expect(client().cancel(77)).resolves.toBe(result);
    expect(seen[0]).toMatchObject({ method: 'DELETE', url: '/rest/mtsms/77' });
  });

  it('401 on cancel is an auth error; a 500 is retryable', async () => {
    handler = (_req, res) => json(res, 401, { code: '0x0210' });
    expect((await gatewayError(client().cancel(77))).kind).toBe('auth');
    handler = (_req, res) => json(res, 500, {});
    expect((await gatewayError(client().cancel(77))).kind).toBe('transient');
  });
});

describe('the token never leaks into errors', () => {
  function expectNoToken(e: unknown) {
    expect(JSON.stringify(e)).not.toContain(TOKEN);
    expect(String(e)).not.toContain(TOKEN);
    expect(inspect(e, { depth: 5 })).not.toContain(TOKEN);
    expect(describeGatewayError(e)).not.toContain(TOKEN);
    expect((e as Error).stack ?? '').not.toContain(TOKEN);
  }

  it('even when a server echoes the Authorization header in its error body and message', async () => {
    handler = (req, res) =>
      json(res, 400, {
        code: '0x0220',
        message: `bad request with header ${req.headers.authorization}`,
        variables: [req.headers.authorization],
      });
    const e = await gatewayError(client().send(request));
    expect(e.kind).toBe('rejected');
    expect(JSON.stringify(e)).toContain('[redacted]'); // the echo was there, and was scrubbed
    expectNoToken(e);
  });

  it('nor any 8+-character piece of it, in any field: code, body, variables, incident id, message', async () => {
    // A proxy that truncates what it echoes: half the token here, another piece there.
    const half = TOKEN.slice(0, Math.ceil(TOKEN.length / 2));
    const tail = TOKEN.slice(-9);
    handler = (_req, res) =>
      json(res, 400, { code: half, message: `rejected ${tail}…`, variables: [TOKEN.slice(3, 14)], incident_uuid: `id-${tail}` });
    const e = await gatewayError(client().send(request));
    const everything = [
      e.code,
      e.message,
      e.body,
      e.cause,
      e.incidentUuid,
      ...e.variables,
      e.stack,
      JSON.stringify(e),
      describeGatewayError(e),
    ].join('\n');
    for (let i = 0; i + 8 <= TOKEN.length; i++) expect(everything).not.toContain(TOKEN.slice(i, i + 8));
    expect(e.code).toBe('[redacted]');
    expect(e.variables).toEqual(['[redacted]']);
  });

  it('in transport errors and timeouts', async () => {
    const port = await deadPort();
    expectNoToken(await gatewayError(client({ baseUrl: `http://127.0.0.1:${port}` }).send(request)));
    handler = () => {};
    expectNoToken(await gatewayError(client({ timeoutMs: 100 }).account()));
  });

  it('a token with a line break is refused as a token problem, never sent', async () => {
    const e = await gatewayError(client({ token: 'abc\ndef' }).account());
    expect(e).toMatchObject({ kind: 'auth', cause: 'TOKEN_MALFORMED', text: { code: 'gw_token_unusable', problem: 'malformed' } });
    expect(seen).toHaveLength(0);
  });
});

describe('redirects are never followed', () => {
  // A second server stands for wherever a redirect points: it must never see a request.
  let elsewhere: http.Server;
  let elsewhereUrl: string;
  let elsewhereHits = 0;
  beforeAll(async () => {
    elsewhere = http.createServer((_req, res) => {
      elsewhereHits++;
      json(res, 200, { ids: [1], credit: '1', standard: [] });
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as net.AddressInfo).port}`;
  });
  afterAll(async () => {
    elsewhere.closeAllConnections();
    await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
  });

  it.each([301, 302, 303, 307, 308])('HTTP %i on every call → account-level error naming the host; not followed', async (status) => {
    handler = (_req, res) => {
      res.writeHead(status, { location: `${elsewhereUrl}/rest/mtsms` });
      res.end();
    };
    const calls: Array<() => Promise<unknown>> = [
      () => client().send(request),
      () => client().status(42),
      () => client().account(),
      () => client().prices(),
      () => client().cancel(42),
    ];
    for (const call of calls) {
      const e = await gatewayError(call());
      expect(e.kind).toBe('account');
      expect(e.message).toContain(new URL(elsewhereUrl).host);
      expect(e.message).toMatch(/not followed/);
    }
    expect(seen).toHaveLength(calls.length);
    expect(elsewhereHits).toBe(0);
  });
});

describe('construction', () => {
  it('refuses a plain-http URL off this machine, naming the setting', () => {
    expect(() => new GatewayClient({ baseUrl: 'http://gatewayapi.com', token: TOKEN, fetch })).toThrow(/custom GatewayAPI URL setting/);
  });
});
