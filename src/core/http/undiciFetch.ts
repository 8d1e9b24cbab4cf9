// The fetch every GatewayAPI call goes through, in the app and the CLI: Node's undici, which never
// re-sends a request by itself (Chromium's net.fetch re-sends any request, POST included, when a
// reused keep-alive connection breaks before the answer: a silent double send).
//
// - Connect deadline: opening the connection (DNS, TCP, a proxy's CONNECT tunnel, TLS) has its own
//   shorter deadline. Every failure of that phase, the deadline included, is thrown as a
//   CONNECT_FAILED error: undici writes nothing before the connection is open, so the request
//   provably never left and may be retried (see classifyTransport.ts).
// - Proxy: the app passes Electron's session.resolveProxy (PAC answers such as "PROXY h:p; DIRECT");
//   the CLI passes its environment (HTTPS_PROXY / HTTP_PROXY / NO_PROXY).
// - Redirects are never followed.
// - Certificates are always verified, said explicitly for every connection (direct, to a proxy and
//   through its tunnel): Node's TLS would otherwise read NODE_TLS_REJECT_UNAUTHORIZED=0 from the
//   environment and trust any certificate, so anyone on the path could read the token.
import { Agent, Client, EnvHttpProxyAgent, Pool, ProxyAgent, buildConnector, fetch as undiciFetch, type Dispatcher } from 'undici';
import { CONNECT_FAILED } from '../gateway/classifyTransport';
import type { FetchFn } from '../types';
import { parsePacResult } from './proxyRules';

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

export interface HttpFetchOptions {
  /** Deadline for opening a connection, proxy tunnel and TLS included. Default 10 s. */
  connectTimeoutMs?: number;
  /** The app: Electron's `session.resolveProxy(url)`, asked per request (PAC can differ per URL). */
  resolveProxy?: (url: string) => Promise<string>;
  /** The CLI: proxy variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, lower-case too). */
  env?: NodeJS.ProcessEnv;
}

export interface HttpFetch {
  fetch: FetchFn;
  /** Closes every connection, pending connects included (at quit, and after tests). */
  close(): Promise<void>;
}

/** Thrown (as fetch's cause) when the connection could not be opened: nothing was written. */
export class ConnectFailedError extends Error {
  readonly code = CONNECT_FAILED;
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ConnectFailedError';
  }
}

class ConnectTimeout extends Error {
  readonly code = 'UND_ERR_CONNECT_TIMEOUT';
  constructor(ms: number) {
    super(`Connecting took longer than ${ms} ms`);
    this.name = 'ConnectTimeoutError';
  }
}

/** Wraps a connector: one deadline for the whole connect, and every failure marked CONNECT_FAILED. */
function guardConnector(inner: buildConnector.connector, timeoutMs: number): buildConnector.connector {
  return (opts, callback) => {
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      callback(new ConnectFailedError(`Connecting to ${opts.hostname} timed out`, new ConnectTimeout(timeoutMs)), null);
    }, timeoutMs);
    inner(opts, (err, socket) => {
      if (done) {
        // The deadline already failed the request; a late socket is closed unused.
        socket?.on('error', () => {}).destroy();
        return;
      }
      done = true;
      clearTimeout(timer);
      if (err) callback(new ConnectFailedError(`Connecting to ${opts.hostname} failed: ${err.message}`, err), null);
      else callback(null, socket!);
    });
  };
}

/** The per-origin pool every agent (direct, proxy, env) builds through, with the guarded connector. */
function guardedFactory(timeoutMs: number) {
  return (origin: string | URL, options: Record<string, unknown>): Dispatcher => {
    const given = options.connect;
    const inner =
      typeof given === 'function'
        ? (given as buildConnector.connector)
        : buildConnector({ ...(given as buildConnector.BuildOptions | undefined), timeout: timeoutMs, rejectUnauthorized: true });
    const opts = { ...options, connect: guardConnector(inner, timeoutMs) };
    return options.connections === 1 ? new Client(origin, opts) : new Pool(origin, opts);
  };
}

export function createHttpFetch(o: HttpFetchOptions = {}): HttpFetch {
  const timeoutMs = o.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const factory = guardedFactory(timeoutMs);
  const verified = { rejectUnauthorized: true } as const;
  const common = { factory, connect: { timeout: timeoutMs, ...verified }, requestTls: verified, proxyTls: verified } as const;
  const dispatchers = new Map<string, Dispatcher>();
  const cached = (key: string, make: () => Dispatcher) => {
    let d = dispatchers.get(key);
    if (!d) dispatchers.set(key, (d = make()));
    return d;
  };
  const direct = () => cached('direct', () => new Agent(common));

  let pick: (url: string) => Promise<Dispatcher>;
  if (o.resolveProxy) {
    const resolveProxy = o.resolveProxy;
    pick = async (url) => {
      let pac = 'DIRECT';
      try {
        pac = await resolveProxy(url);
      } catch {
        // No answer from the system's proxy settings: go direct, as a browser would.
      }
      const route = parsePacResult(pac);
      if (route.kind === 'direct') return direct();
      if (route.kind === 'unsupported') {
        throw new ConnectFailedError(`The system proxy setting "${route.entry}" is not supported (use an HTTP, HTTPS or SOCKS5 proxy)`);
      }
      return cached(route.uri, () => new ProxyAgent({ ...common, uri: route.uri }));
    };
  } else if (o.env) {
    const env = o.env;
    const read = (name: string) => env[name] ?? env[name.toLowerCase()];
    const httpProxy = read('HTTP_PROXY');
    const httpsProxy = read('HTTPS_PROXY');
    // Loopback (the demo simulator) never goes through a proxy, as in Chromium's own rules.
    const noProxy = [read('NO_PROXY'), 'localhost,127.0.0.1,[::1]'].filter(Boolean).join(',');
    const agent =
      httpProxy || httpsProxy
        ? // '' rather than undefined: undici would otherwise read process.env behind our back.
          new EnvHttpProxyAgent({ ...common, httpProxy: httpProxy ?? '', httpsProxy: httpsProxy ?? '', noProxy })
        : new Agent(common);
    dispatchers.set('env', agent);
    pick = async () => agent;
  } else {
    pick = async () => direct();
  }

  const fetch: FetchFn = async (input, init) => {
    const dispatcher = await pick(input);
    const res = await undiciFetch(input, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
      redirect: 'manual',
    });
    return res as unknown as Response;
  };

  return {
    fetch,
    async close() {
      const all = [...dispatchers.values()];
      dispatchers.clear();
      // destroy, not close: close() would wait for a connect stuck on a silent proxy.
      await Promise.allSettled(all.map((d) => d.destroy()));
    },
  };
}
