// The simulator's HTTP side: routing, auth, fault injection and socket bookkeeping.
// Plain node:http on 127.0.0.1 so demo mode, the CLI, tests and benchmarks can all run it.

import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { clearFaults, takeFault, type Faults } from './faults';
import { SimState, type AcceptedRecipient } from './state';
import type { Reply } from './validate';

export interface SimulatorOptions {
  /** Accepted token, default 'demo-token'. */
  token?: string;
  /** Starting credit, default 1000. */
  credit?: number;
  /** Default 'DKK'. */
  currency?: string;
  /** Charged per SMS part, default 0.25; also what the price list shows for every country
   * not named in countryPrices. */
  pricePerPart?: number;
  /** Per-country standard price per part (ISO code → price); charged and listed alike. */
  countryPrices?: Record<string, number>;
  /** ms clock, default Date.now (tests pass a fake clock). */
  now?: () => number;
  /** Time from leaving the gateway until the status turns final, default 3000. */
  statusDelayMs?: number;
  /** GET status answers 404 until this long after accept, default 1000. */
  notFoundUntilMs?: number;
  /** Default 0 (random); always binds 127.0.0.1. */
  port?: number;
  /** First message id; default the clock at start, so ids differ between runs of a demo. */
  firstId?: number;
  /** Destination countries (ISO codes) the account may not send to: 403 0x0217 naming the
   * country. Default ['IS'] (Iceland, +354), so demo mode shows the refusal; [] allows all. */
  blockedCountries?: string[];
}

export interface ServedRequest {
  method: string;
  path: string;
  /** 0 = no answer (socket dropped, or hanging). */
  status: number;
}

export interface Simulator {
  url: string;
  port: number;
  readonly token: string;
  close(): Promise<void>;
  faults: Faults;
  setCredit(n: number): void;
  getCredit(): number;
  setToken(t: string): void;
  /** These numbers are refused with 403 0x0214 (temporary blacklist) for the next `forMs` of the
   * simulator clock, then accepted. */
  blacklistTemporarily(msisdns: string[], forMs: number): void;
  /** Every recipient accepted, in order (cancelled messages removed). */
  log: AcceptedRecipient[];
  /** msisdns accepted more than once across all messages. */
  duplicates(): string[];
  /** Every request served, in order of decision. */
  requests: ServedRequest[];
  /** Clears log, requests and faults (credit, token and messages stay). */
  reset(): void;
  /** Stop listening and cut open connections: clients get "connection refused". */
  goOffline(): Promise<void>;
  /** Listen again on the same port. */
  goOnline(): Promise<void>;
  readonly online: boolean;
}

/** Big enough for 10,000 recipients with long tag values. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

type Route = { kind: 'send' | 'other'; run: () => Reply };

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const now = opts.now ?? Date.now;
  const state = new SimState({
    token: opts.token ?? 'demo-token',
    credit: opts.credit ?? 1000,
    currency: opts.currency ?? 'DKK',
    pricePerPart: opts.pricePerPart ?? 0.25,
    countryPrices: opts.countryPrices ?? {},
    statusDelayMs: opts.statusDelayMs ?? 3000,
    notFoundUntilMs: opts.notFoundUntilMs ?? 1000,
    firstId: opts.firstId ?? Math.max(1, Math.floor(now())),
    blockedCountries: opts.blockedCountries ?? ['IS'],
  });
  const faults: Faults = {};
  const requests: ServedRequest[] = [];
  const sockets = new Set<Socket>();
  /** Requests seen per connection: the dropOnReuse fault hits only reused connections. */
  const servedOn = new WeakMap<Socket, number>();
  const timers = new Set<NodeJS.Timeout>();
  let listening = false;
  let closed = false;

  const unauthorized: Reply = { status: 401, body: { code: '0x0210', message: 'Unauthorized' } };

  function route(method: string, path: string, body: string, auth: string | undefined): Route {
    const authed = (run: () => Reply) => () => (state.isAuthorised(auth) ? run() : unauthorized);
    const p = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    if (p === '/rest/mtsms') {
      if (method === 'POST') return { kind: 'send', run: authed(() => state.send(body, now(), faults)) };
      return { kind: 'other', run: () => methodNotAllowed };
    }
    const idMatch = /^\/rest\/mtsms\/(\d+)$/.exec(p);
    if (idMatch) {
      const id = Number(idMatch[1]);
      if (method === 'GET') return { kind: 'other', run: authed(() => state.status(id, now(), faults)) };
      if (method === 'DELETE') return { kind: 'other', run: authed(() => state.cancel(id, now())) };
      return { kind: 'other', run: () => methodNotAllowed };
    }
    if (p === '/rest/me' && method === 'GET') return { kind: 'other', run: authed(() => state.me(faults)) };
    if (p === '/api/prices/list/sms/json' && method === 'GET') return { kind: 'other', run: () => state.prices() };
    return { kind: 'other', run: () => ({ status: 404, body: { message: 'Not found' } }) };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0];
    const record = (status: number) => requests.push({ method, path, status });
    const onSocket = (servedOn.get(req.socket) ?? 0) + 1;
    servedOn.set(req.socket, onSocket);
    const body = await readBody(req);
    if (body === null) {
      record(413);
      return write(res, { status: 413, body: { message: 'Request body too large' } });
    }
    const r = route(method, path, body, req.headers.authorization);
    const faulty = r.kind === 'send' || faults.applyTo === 'all';
    const answer = (reply: Reply) => {
      record(reply.status);
      const delay = faulty ? (faults.latencyMs ?? 0) : 0;
      if (delay <= 0) return write(res, reply);
      const t = setTimeout(() => {
        timers.delete(t);
        write(res, reply);
      }, delay);
      timers.add(t);
    };
    if (!faulty) return answer(r.run());

    if (takeFault(faults, 'hang')) return void record(0); // the socket stays open until close()
    const redirect = takeFault(faults, 'redirect');
    if (redirect) {
      const location = redirect.location ?? 'https://example.invalid/rest/mtsms';
      return answer({ status: redirect.status ?? 307, headers: { location }, body: '', contentType: 'text/html' });
    }
    const proxied = takeFault(faults, 'proxyStatus');
    if (proxied) {
      if (proxied.acceptBeforeFail) r.run();
      return answer(proxyPage(proxied.status));
    }
    const refusal = takeFault(faults, 'accountRefusal');
    if (refusal) return answer(accountRefusal(refusal.code));
    if (takeFault(faults, 'echoToken')) {
      const auth = String(req.headers.authorization ?? '');
      const token = auth.replace(/^\S+\s+/, '');
      return answer({
        status: 400,
        body: { code: token, message: `Bad request from ${auth}`, variables: [token, token.slice(0, 12)], incident_uuid: token },
      });
    }
    const limited = takeFault(faults, 'rateLimit');
    if (limited) {
      const headers: Record<string, string> = limited.retryAfterSec !== undefined ? { 'retry-after': String(limited.retryAfterSec) } : {};
      return answer({ status: 429, body: { message: 'Too many requests' }, headers });
    }
    const failure = takeFault(faults, 'status5xx');
    if (failure) {
      if (failure.code !== 503 && failure.acceptBeforeFail) r.run();
      return answer(serverError(failure.code));
    }
    if (onSocket > 1 && faults.dropOnReuse) {
      const drop = takeFault(faults, 'dropOnReuse');
      if (drop) {
        if (drop.accept) r.run();
        record(0);
        return void req.socket.destroy();
      }
    }
    if (takeFault(faults, 'dropBeforeAccept')) {
      record(0);
      return void req.socket.destroy();
    }
    const reply = r.run();
    if (takeFault(faults, 'dropAfterAccept')) {
      record(0);
      return void req.socket.destroy();
    }
    const odd = reply.status === 200 ? takeFault(faults, 'acceptedAnswer') : null;
    if (odd) {
      record(200);
      const real = reply.body as { ids: unknown[]; usage: unknown };
      return streamAnswer(res, JSON.stringify({ ids: odd.ids ?? real.ids, usage: real.usage }), odd.padBytes ?? 0);
    }
    answer(reply);
  }

  /** A 200 whose JSON carries `padBytes` of padding, written in chunks (never held in memory). */
  function streamAnswer(res: http.ServerResponse, json: string, padBytes: number): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    if (padBytes <= 0) return void res.end(json);
    const chunk = ' '.repeat(64 * 1024);
    let left = padBytes;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!res.write(n === chunk.length ? chunk : chunk.slice(0, n))) return void res.once('drain', pump);
      }
      res.end(json);
    };
    res.on('close', () => (left = 0));
    pump();
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A bug in the simulator, or the client went away mid-body: answer if anyone still listens.
      requests.push({ method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0], status: 500 });
      write(res, { status: 500, body: { message: `Simulator error: ${(err as Error)?.message ?? err}` } });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      server.once('error', onError);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', onError);
        listening = true;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });

  await listen(opts.port ?? 0);
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get token() {
      return state.token;
    },
    faults,
    log: state.log,
    requests,
    setCredit: (n) => state.setCredit(n),
    getCredit: () => state.getCredit(),
    setToken: (t) => {
      state.token = t;
    },
    blacklistTemporarily: (msisdns, forMs) => state.blacklistTemporarily(msisdns, now() + forMs),
    duplicates: () => state.duplicates(),
    reset() {
      state.clearLog();
      requests.length = 0;
      clearFaults(faults);
    },
    async goOffline() {
      await stopListening();
    },
    async goOnline() {
      if (closed || listening) return;
      await listen(port);
    },
    get online() {
      return listening;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await stopListening();
    },
  };
}

/** A proxy's or firewall's own page: HTML, not GatewayAPI's JSON. */
function proxyPage(status: number): Reply {
  const title = `${status} ${http.STATUS_CODES[status] ?? 'Error'}`;
  return {
    status,
    body: `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>Blocked by the network's web proxy.</p></body></html>`,
    contentType: 'text/html',
  };
}

const ACCOUNT_REFUSALS: Record<string, string> = {
  '0x0212': 'Unauthorized IP address',
  '0x0213': 'Unauthorized IP address',
  '0x0219': 'Feature not enabled for this account',
  '0x021A': 'Feature not enabled for this account',
  '0x021B': 'Feature not enabled for this account',
  '0x021C': 'Feature not enabled for this account',
  '0x021D': 'SMS not enabled for this account',
};

function accountRefusal(code: string): Reply {
  return { status: code === '0x0212' ? 401 : 403, body: { code, message: ACCOUNT_REFUSALS[code] ?? 'Forbidden' } };
}

const methodNotAllowed: Reply = { status: 405, body: { message: 'Method not allowed' } };

function serverError(code: 500 | 502 | 503 | 504): Reply {
  switch (code) {
    case 500:
      return { status: 500, body: { message: 'Internal server error', incident_uuid: randomUUID() } };
    case 503:
      return { status: 503, body: { message: 'Service temporarily unavailable' } };
    default: {
      // What a proxy in front of the API answers: HTML, not JSON, so clients must not assume JSON.
      const title = code === 502 ? '502 Bad Gateway' : '504 Gateway Time-out';
      return { status: code, body: `<html><body><h1>${title}</h1></body></html>`, contentType: 'text/html' };
    }
  }
}

/** The whole body as text, or null when it is over the limit. */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function write(res: http.ServerResponse, reply: Reply): void {
  if (res.destroyed || res.writableEnded || res.socket?.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | undefined;
  if (reply.body !== undefined) {
    payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    headers['content-type'] = reply.contentType ?? 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}
