// A fetch that threw (no HTTP answer) → GatewayError. Pure. Understands both stacks the app runs on:
// Node's fetch (undici: TypeError "fetch failed" with cause.code) and Electron's net.fetch (Chromium:
// Error "net::ERR_…"). The question that matters: could GatewayAPI have received the request?
import { GatewayError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

type Phase =
  /** Failed before a byte of the request reached the server: safe to retry. */
  | 'before'
  /** Failed after the request may have been written: only idempotent calls may retry. */
  | 'after';

interface Verdict {
  phase: Phase;
  offline: boolean;
  /** Human phrase for the message. */
  what: string;
}

// ---- Chromium (Electron net.fetch) ----
const CHROMIUM: Record<string, Verdict> = {
  ERR_INTERNET_DISCONNECTED: { phase: 'before', offline: true, what: 'no internet connection' },
  ERR_NAME_NOT_RESOLVED: { phase: 'before', offline: true, what: 'the host name could not be looked up' },
  ERR_NAME_RESOLUTION_FAILED: { phase: 'before', offline: true, what: 'the host name could not be looked up' },
  ERR_DNS_TIMED_OUT: { phase: 'before', offline: true, what: 'the host name lookup timed out' },
  ERR_ADDRESS_UNREACHABLE: { phase: 'before', offline: true, what: 'the address is unreachable' },
  ERR_CONNECTION_REFUSED: { phase: 'before', offline: true, what: 'the connection was refused' },
  ERR_CONNECTION_FAILED: { phase: 'before', offline: true, what: 'the connection could not be made' },
  // Chromium reports a connect timeout separately from ERR_TIMED_OUT (which may follow the write).
  ERR_CONNECTION_TIMED_OUT: { phase: 'before', offline: true, what: 'connecting timed out' },
  ERR_PROXY_CONNECTION_FAILED: { phase: 'before', offline: true, what: 'the proxy could not be reached' },
  ERR_TUNNEL_CONNECTION_FAILED: { phase: 'before', offline: false, what: 'the proxy refused the connection' },
  ERR_NETWORK_ACCESS_DENIED: { phase: 'before', offline: false, what: 'network access was denied (firewall?)' },
  ERR_ADDRESS_INVALID: { phase: 'before', offline: false, what: 'the address is invalid' },
  ERR_UNSAFE_PORT: { phase: 'before', offline: false, what: 'the port of the GatewayAPI URL setting is blocked' },
  ERR_INVALID_URL: { phase: 'before', offline: false, what: 'the GatewayAPI URL setting is invalid' },
  ERR_DISALLOWED_URL_SCHEME: { phase: 'before', offline: false, what: 'the GatewayAPI URL setting is invalid' },
  ERR_UNKNOWN_URL_SCHEME: { phase: 'before', offline: false, what: 'the GatewayAPI URL setting is invalid' },
  ERR_CONNECTION_RESET: { phase: 'after', offline: false, what: 'the connection was reset' },
  ERR_CONNECTION_CLOSED: { phase: 'after', offline: false, what: 'the connection was closed' },
  ERR_CONNECTION_ABORTED: { phase: 'after', offline: false, what: 'the connection was aborted' },
  ERR_EMPTY_RESPONSE: { phase: 'after', offline: false, what: 'the server closed the connection without answering' },
  ERR_TIMED_OUT: { phase: 'after', offline: false, what: 'the request timed out' },
  ERR_NETWORK_CHANGED: { phase: 'after', offline: false, what: 'the network changed during the request' },
};

function chromiumVerdict(code: string): Verdict | null {
  const known = CHROMIUM[code];
  if (known) return known;
  if (code.startsWith('ERR_CERT_') || code.startsWith('ERR_SSL_') || code === 'ERR_BAD_SSL_CLIENT_AUTH_CERT') {
    return { phase: 'before', offline: false, what: 'the secure (TLS) connection failed' };
  }
  return null;
}

// ---- Node / undici ----
const NODE_OFFLINE: Record<string, string> = {
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
  UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
};

const NODE_TLS_EXACT = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'HOSTNAME_MISMATCH',
]);

const NODE_AFTER: Record<string, string> = {
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

/** Node system errors carry the syscall: a failed connect/lookup never wrote anything. */
const PRE_WRITE_SYSCALLS = new Set(['connect', 'getaddrinfo', 'getaddrinfo6']);

function nodeVerdict(code: string, syscall: string | null): Verdict | null {
  const offlineWhat = NODE_OFFLINE[code];
  if (offlineWhat) return { phase: 'before', offline: true, what: offlineWhat };
  if (code.startsWith('CERT_') || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || NODE_TLS_EXACT.has(code)) {
    return { phase: 'before', offline: false, what: 'the secure (TLS) connection failed' };
  }
  if (code === 'ERR_INVALID_URL') {
    return { phase: 'before', offline: false, what: 'the GatewayAPI URL setting is invalid' };
  }
  if (syscall !== null && PRE_WRITE_SYSCALLS.has(syscall)) {
    return { phase: 'before', offline: code === 'ETIMEDOUT', what: `connecting failed` };
  }
  const afterWhat = NODE_AFTER[code];
  if (afterWhat) return { phase: 'after', offline: false, what: afterWhat };
  return null;
}

interface Found {
  verdict: Verdict;
  cause: string;
}

/** Walks the error, its cause chain and AggregateError members (happy-eyeballs connects). */
function collect(err: unknown, out: Found[], fallbackCauses: string[], depth = 0): void {
  if (depth > 6 || err === null || typeof err !== 'object') {
    if (typeof err === 'string') matchChromium(err, out);
    return;
  }
  const e = err as { code?: unknown; syscall?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  const message = typeof e.message === 'string' ? e.message : '';
  matchChromium(message, out);
  if (typeof e.code === 'string' && e.code !== '') {
    const v = nodeVerdict(e.code, typeof e.syscall === 'string' ? e.syscall : null);
    if (v) out.push({ verdict: v, cause: e.code });
    else fallbackCauses.push(e.code);
  }
  // WHATWG fetch refuses some ports before connecting ("bad port"); nothing was sent.
  if (message === 'bad port') {
    out.push({ verdict: { phase: 'before', offline: false, what: 'the port of the GatewayAPI URL setting is blocked' }, cause: 'BAD_PORT' });
  }
  if (Array.isArray(e.errors)) for (const sub of e.errors) collect(sub, out, fallbackCauses, depth + 1);
  if (e.cause !== undefined) collect(e.cause, out, fallbackCauses, depth + 1);
}

function matchChromium(text: string, out: Found[]): void {
  for (const m of text.matchAll(/net::(ERR_[A-Z0-9_]+)/g)) {
    const code = m[1] as string;
    const v = chromiumVerdict(code);
    out.push({
      verdict: v ?? { phase: 'after', offline: false, what: 'the network request failed' },
      cause: `net::${code}`,
    });
  }
}

export function classifyTransportError(err: unknown, method: HttpMethod): GatewayError {
  const found: Found[] = [];
  const fallbackCauses: string[] = [];
  collect(err, found, fallbackCauses);

  // Retry automatically only when every clue says "before the write"; any doubt → after.
  const after = found.find((f) => f.verdict.phase === 'after');
  const chosen: Found | null = after ?? found[0] ?? null;
  const provablyBefore = chosen !== null && after === undefined;
  const offline = provablyBefore && found.some((f) => f.verdict.offline);
  const cause = chosen?.cause ?? fallbackCauses[0] ?? 'UNKNOWN';
  const what = chosen?.verdict.what ?? 'the network request failed';

  const idempotent = method !== 'POST';
  const kind = provablyBefore || idempotent ? 'transient' : 'ambiguous';

  let message: string;
  if (kind === 'ambiguous') {
    message = `The connection to GatewayAPI failed after the request was sent (${what}; ${cause}). It may or may not have been accepted: check the messages marked uncertain before resending.`;
  } else if (offline) {
    message = `Cannot reach GatewayAPI: ${what} (${cause}). Offline? ${method === 'POST' ? 'Nothing was sent; ' : ''}waiting for the network.`;
  } else if (provablyBefore && method === 'POST') {
    message = `Could not connect to GatewayAPI: ${what} (${cause}). Nothing was sent; retrying later.`;
  } else {
    message = `Could not reach GatewayAPI: ${what} (${cause}). Retrying later.`;
  }

  return new GatewayError({
    kind,
    message,
    httpStatus: null,
    code: null,
    variables: [],
    body: null,
    retryAfterMs: null,
    cause,
    offline,
  });
}

/** Our own timeout fired: for a POST the request may already be processed. */
export function timeoutError(method: HttpMethod, timeoutMs: number): GatewayError {
  const secs = Math.round(timeoutMs / 100) / 10;
  const message =
    method === 'POST'
      ? `GatewayAPI did not answer within ${secs} s. The request may or may not have been accepted: check the messages marked uncertain before resending.`
      : `GatewayAPI did not answer within ${secs} s. Retrying later.`;
  return new GatewayError({
    kind: method === 'POST' ? 'ambiguous' : 'transient',
    message,
    httpStatus: null,
    code: null,
    variables: [],
    body: null,
    retryAfterMs: null,
    cause: 'TIMEOUT',
  });
}
