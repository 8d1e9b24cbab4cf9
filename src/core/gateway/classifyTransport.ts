// A fetch that threw (no HTTP answer) → GatewayError. Pure. The question that matters for a POST:
// could GatewayAPI have received the request? Only a failure that provably came before the first
// byte was written is retried automatically ("before"); anything else on a POST is ambiguous.
//
// The app and the CLI send through undici (http-fetch.ts): it rejects with TypeError "fetch failed"
// whose cause carries Node's `code` and `syscall`, or undici's own UND_ERR_* codes. Provably before
// the write: a failed `connect` or `getaddrinfo` syscall, undici's connect timeout (which covers TCP,
// the proxy tunnel and the TLS handshake), a proxy refusing the tunnel, a blocked port. Not provable:
// TLS errors (a renegotiation can fail mid-request), EHOSTUNREACH/ENETDOWN on a read or write, any
// Chromium net::ERR_* (Chromium may even have re-sent the request).
import { withoutAnswer, type GatewayError } from './errors';
import type { NetCause } from '../../shared/i18n/messages';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/**
 * The code a fetch gives an error (or its cause) when the connection could not be opened, proxy
 * tunnel and TLS handshake included: a promise that nothing of the request was written. The
 * undici fetch (core/http/undiciFetch.ts) marks every failure of its connector so.
 */
export const CONNECT_FAILED = 'CONNECT_FAILED';

type Phase =
  /** Failed before a byte of the request reached the server: safe to retry. */
  | 'before'
  /** Failed after the request may have been written: only idempotent calls may retry. */
  | 'after';

interface Verdict {
  phase: Phase;
  /** No network (for retries: wait for connectivity rather than count attempts). */
  offline: boolean;
  /** Human phrase for the message. */
  what: string;
}

// ---- Chromium (net::ERR_*): kept only to name the cause; never proof of "before". ----
const CHROMIUM_OFFLINE = new Set([
  'ERR_INTERNET_DISCONNECTED',
  'ERR_NAME_NOT_RESOLVED',
  'ERR_NAME_RESOLUTION_FAILED',
  'ERR_ADDRESS_UNREACHABLE',
  'ERR_CONNECTION_REFUSED',
  'ERR_PROXY_CONNECTION_FAILED',
]);

function chromiumVerdict(code: string): Verdict {
  return { phase: 'after', offline: CHROMIUM_OFFLINE.has(code), what: 'the network request failed' };
}

// ---- Node / undici ----
const NODE_WHAT: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name could not be looked up',
  EAI_AGAIN: 'the host name lookup failed (DNS unavailable)',
  EAI_FAIL: 'the host name lookup failed',
  EAI_NODATA: 'the host name could not be looked up',
  EAI_NONAME: 'the host name could not be looked up',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'the host is unreachable',
  ENETDOWN: 'the network is down',
  EHOSTDOWN: 'the host is down',
  EADDRNOTAVAIL: 'no usable network address',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection broke while sending',
  ETIMEDOUT: 'the connection timed out',
  ECONNABORTED: 'the connection was aborted',
  UND_ERR_SOCKET: 'the server closed the connection',
  UND_ERR_CLOSED: 'the connection was closed',
  UND_ERR_HEADERS_TIMEOUT: 'no answer arrived in time',
  UND_ERR_BODY_TIMEOUT: 'the answer stopped arriving',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the answer was cut short',
};

/** No network at all: for retries, wait for connectivity. */
const NODE_OFFLINE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NODATA',
  'EAI_NONAME',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'ETIMEDOUT',
]);

/** Node system errors carry the syscall: a failed connect or lookup never wrote anything. */
const PRE_WRITE_SYSCALLS = new Set(['connect', 'getaddrinfo', 'getaddrinfo6']);

/** undici's connect timeout (our shorter connect deadline): nothing was written. */
const CONNECT_TIMEOUT = 'UND_ERR_CONNECT_TIMEOUT';

function isTls(code: string): boolean {
  return (
    code.startsWith('CERT_') ||
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code.startsWith('UNABLE_TO_') ||
    code.includes('SELF_SIGNED') ||
    code === 'HOSTNAME_MISMATCH' ||
    code === 'EPROTO'
  );
}

function nodeVerdict(code: string, syscall: string | null): Verdict {
  if (code === CONNECT_TIMEOUT) return { phase: 'before', offline: true, what: 'connecting timed out' };
  const what = NODE_WHAT[code] ?? (isTls(code) ? 'the secure (TLS) connection failed' : 'the network request failed');
  if (syscall !== null && PRE_WRITE_SYSCALLS.has(syscall)) {
    return { phase: 'before', offline: NODE_OFFLINE.has(code), what: NODE_WHAT[code] ?? 'connecting failed' };
  }
  return { phase: 'after', offline: NODE_OFFLINE.has(code), what };
}

interface Found {
  verdict: Verdict;
  cause: string;
}

/**
 * Walks the error, its cause chain and AggregateError members (happy-eyeballs connects). Inside a
 * CONNECT_FAILED error every clue counts as "before the write": the connection never opened.
 */
function collect(err: unknown, out: Found[], depth = 0, inConnect = false): void {
  if (depth > 6 || err === null || typeof err !== 'object') {
    if (typeof err === 'string') matchChromium(err, out);
    return;
  }
  const e = err as { code?: unknown; syscall?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  const message = typeof e.message === 'string' ? e.message : '';
  const connectPhase = inConnect || e.code === CONNECT_FAILED;
  matchChromium(message, out);
  const proxyRefused = PROXY_TUNNEL_REFUSED.exec(message);
  if (proxyRefused && connectPhase) {
    // The proxy answered the CONNECT with something else than 200: the tunnel never opened.
    out.push({
      verdict: { phase: 'before', offline: false, what: `the proxy refused the connection (HTTP ${proxyRefused[1]})` },
      cause: 'PROXY_REFUSED',
    });
  } else if (typeof e.code === 'string' && e.code !== '' && e.code !== CONNECT_FAILED && !hasMembers(e.errors)) {
    // (An AggregateError from happy-eyeballs repeats one member's code: its members decide.)
    const v = nodeVerdict(e.code, typeof e.syscall === 'string' ? e.syscall : null);
    out.push({ verdict: connectPhase ? { ...v, phase: 'before' } : v, cause: e.code === CONNECT_TIMEOUT ? 'CONNECT_TIMEOUT' : e.code });
  }
  // WHATWG fetch refuses some ports before connecting ("bad port"); nothing was sent.
  if (message === 'bad port') {
    out.push({
      verdict: { phase: 'before', offline: false, what: 'the port of the GatewayAPI URL setting is blocked' },
      cause: 'BAD_PORT',
    });
  }
  const before = out.length;
  if (Array.isArray(e.errors)) for (const sub of e.errors) collect(sub, out, depth + 1, connectPhase);
  if (e.cause !== undefined) collect(e.cause, out, depth + 1, connectPhase);
  if (e.code === CONNECT_FAILED && out.length === before) {
    out.push({ verdict: { phase: 'before', offline: false, what: message || 'connecting failed' }, cause: CONNECT_FAILED });
  }
}

function hasMembers(errors: unknown): boolean {
  return Array.isArray(errors) && errors.length > 0;
}

const PROXY_TUNNEL_REFUSED = /Proxy response \((\d{3})\) !== 200 when HTTP Tunneling/;

function matchChromium(text: string, out: Found[]): void {
  for (const m of text.matchAll(/net::(ERR_[A-Z0-9_]+)/g)) {
    const code = m[1] as string;
    out.push({ verdict: chromiumVerdict(code), cause: `net::${code}` });
  }
}

/** The cause as the user's message names it (its words live in the catalogs). */
function netCause(cause: string): NetCause {
  if (cause === 'PROXY_REFUSED') return 'proxy_refused';
  if (cause === 'BAD_PORT') return 'bad_port';
  if (cause === 'CONNECT_TIMEOUT' || cause === 'ETIMEDOUT' || cause.endsWith('TIMED_OUT')) return 'timeout';
  if (cause === 'ENOTFOUND' || cause === 'EAI_NODATA' || cause === 'EAI_NONAME' || cause.includes('NAME_NOT_RESOLVED')) return 'dns';
  if (cause === 'EAI_AGAIN' || cause === 'EAI_FAIL' || cause.includes('NAME_RESOLUTION')) return 'dns_unavailable';
  if (cause === 'ECONNREFUSED' || cause.includes('CONNECTION_REFUSED')) return 'refused';
  if (cause === 'ENETUNREACH' || cause === 'EHOSTUNREACH' || cause === 'EHOSTDOWN' || cause.includes('UNREACHABLE')) return 'unreachable';
  if (cause === 'ENETDOWN' || cause === 'EADDRNOTAVAIL' || cause.includes('INTERNET_DISCONNECTED')) return 'network_down';
  if (
    cause === 'ECONNRESET' ||
    cause === 'EPIPE' ||
    cause === 'ECONNABORTED' ||
    cause.startsWith('UND_ERR_SOCKET') ||
    cause === 'UND_ERR_CLOSED'
  )
    return 'reset';
  if (cause === 'UND_ERR_HEADERS_TIMEOUT' || cause === 'UND_ERR_BODY_TIMEOUT') return 'no_answer';
  if (cause === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') return 'cut_short';
  if (isTls(cause.replace(/^net::/, ''))) return 'tls';
  return 'other';
}

/** "Connecting to proxy.local:3128 failed": the host the connector dialled (a proxy, when not the target). */
function dialled(err: unknown, depth = 0): string | null {
  if (depth > 6 || err === null || typeof err !== 'object') return null;
  const e = err as { message?: unknown; cause?: unknown };
  const m = typeof e.message === 'string' ? /^Connecting to (\S+) failed/.exec(e.message) : null;
  return m ? (m[1] ?? null) : dialled(e.cause, depth + 1);
}

export function classifyTransportError(err: unknown, method: HttpMethod, host: string | null = null): GatewayError {
  const found: Found[] = [];
  collect(err, found);

  // Retry automatically only when every clue says "before the write"; any doubt → after.
  const after = found.find((f) => f.verdict.phase === 'after');
  const chosen: Found | null = after ?? found[0] ?? null;
  const provablyBefore = chosen !== null && after === undefined;
  const idempotentCall = method !== 'POST';
  // Offline matters only for what gets retried: a POST after the write is uncertain whatever the cause.
  const offline = (provablyBefore || idempotentCall) && found.some((f) => f.verdict.offline);
  const cause = chosen?.cause ?? 'UNKNOWN';
  const what = chosen?.verdict.what ?? 'the network request failed';

  const kind = provablyBefore || idempotentCall ? 'transient' : 'ambiguous';

  let message: string;
  if (kind === 'ambiguous') {
    message = `The connection to GatewayAPI failed once the request could already have been sent (${what}; ${cause}). It may or may not have been accepted: check the messages marked uncertain before resending.`;
  } else if (offline) {
    message = `Cannot reach GatewayAPI: ${what} (${cause}). Offline? ${method === 'POST' ? 'Nothing was sent; ' : ''}waiting for the network.`;
  } else if (provablyBefore && method === 'POST') {
    message = `Could not connect to GatewayAPI: ${what} (${cause}). Nothing was sent; retrying later.`;
  } else {
    message = `Could not reach GatewayAPI: ${what} (${cause}). Retrying later.`;
  }

  const via = dialled(err);
  const hostName = host?.replace(/:\d+$/, '') ?? null;
  const proxy = via !== null && hostName !== null && via.replace(/:\d+$/, '') !== hostName ? via : null;
  const proxyStatus = /\(HTTP (\d{3})\)/.exec(what);
  return withoutAnswer(kind, message, cause, {
    offline,
    text: {
      code: 'net_failed',
      cause: netCause(cause),
      host,
      proxy,
      proxyStatus: proxyStatus ? Number(proxyStatus[1]) : null,
      detail: cause,
      written: kind === 'ambiguous' ? 'maybe' : 'no',
    },
  });
}

/** Our own timeout fired: for a POST the request may already be processed. */
export function timeoutError(method: HttpMethod, timeoutMs: number): GatewayError {
  const secs = Math.round(timeoutMs / 100) / 10;
  const message =
    method === 'POST'
      ? `GatewayAPI did not answer within ${secs} s. The request may or may not have been accepted: check the messages marked uncertain before resending.`
      : `GatewayAPI did not answer within ${secs} s. Retrying later.`;
  return withoutAnswer(method === 'POST' ? 'ambiguous' : 'transient', message, 'TIMEOUT', {
    text: { code: 'net_timeout', seconds: secs, written: method === 'POST' ? 'maybe' : 'no' },
  });
}
