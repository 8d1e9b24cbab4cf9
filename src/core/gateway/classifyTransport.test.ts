import { describe, expect, it } from 'vitest';
import { classifyTransportError, timeoutError } from './classifyTransport';

/** The shape Node's fetch (undici) rejects with: TypeError "fetch failed" + a cause with a code. */
function undici(code: string, extra: { syscall?: string; message?: string } = {}): TypeError {
  const cause = Object.assign(new Error(extra.message ?? `${extra.syscall ?? 'read'} ${code}`), {
    code,
    ...(extra.syscall ? { syscall: extra.syscall } : {}),
  });
  return new TypeError('fetch failed', { cause });
}

/** Electron's net.fetch rejects with the ClientRequest error: a plain Error "net::ERR_…". */
const chromium = (code: string) => new Error(`net::${code}`);

/** What undiciFetch.ts throws for any failure while opening the connection. */
function connectFailed(inner: Error): TypeError {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error(`Connecting failed: ${inner.message}`, { cause: inner }), { code: 'CONNECT_FAILED' }),
  });
}
const nodeError = (code: string, syscall?: string) =>
  Object.assign(new Error(`${syscall ?? ''} ${code}`), { code, ...(syscall ? { syscall } : {}) });

describe('classifyTransportError: Node fetch (undici)', () => {
  // "Before the write" only when provable: a failed connect/getaddrinfo syscall, or our connect phase.
  const rows: Array<[string, string | undefined, 'transient' | 'ambiguous', boolean, string?]> = [
    ['ECONNREFUSED', 'connect', 'transient', true],
    ['ENOTFOUND', 'getaddrinfo', 'transient', true],
    ['EAI_AGAIN', 'getaddrinfo', 'transient', true],
    ['ENETUNREACH', 'connect', 'transient', true],
    ['EHOSTUNREACH', 'connect', 'transient', true],
    ['ETIMEDOUT', 'connect', 'transient', true],
    ['UND_ERR_CONNECT_TIMEOUT', undefined, 'transient', true, 'CONNECT_TIMEOUT'],
    // The same network errors on an established connection: the body may have left.
    ['EHOSTUNREACH', 'write', 'ambiguous', false],
    ['ENETDOWN', 'read', 'ambiguous', false],
    ['ENETUNREACH', 'write', 'ambiguous', false],
    ['ECONNREFUSED', undefined, 'ambiguous', false],
    // TLS errors outside the connect phase: a renegotiation can fail after the request was written.
    ['CERT_HAS_EXPIRED', undefined, 'ambiguous', false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', undefined, 'ambiguous', false],
    ['ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC', undefined, 'ambiguous', false],
    ['EPROTO', 'write', 'ambiguous', false],
    ['ECONNRESET', 'read', 'ambiguous', false],
    ['EPIPE', 'write', 'ambiguous', false],
    ['UND_ERR_SOCKET', undefined, 'ambiguous', false],
    ['UND_ERR_HEADERS_TIMEOUT', undefined, 'ambiguous', false],
    ['UND_ERR_BODY_TIMEOUT', undefined, 'ambiguous', false],
    ['ETIMEDOUT', 'read', 'ambiguous', false],
    ['SOMETHING_NEW', undefined, 'ambiguous', false],
  ];
  it.each(rows)('POST %s (syscall %s) → %s, offline %s', (code, syscall, kind, offline, cause) => {
    const e = classifyTransportError(undici(code, syscall ? { syscall } : {}), 'POST');
    expect(e.kind).toBe(kind);
    expect(e.offline).toBe(offline);
    expect(e.cause).toBe(cause ?? code);
    expect(e.httpStatus).toBeNull();
  });

  // Whatever failed inside the connect phase (TCP, proxy tunnel, TLS handshake), nothing was written.
  const connectRows: Array<[Error, boolean, string]> = [
    [nodeError('ECONNREFUSED', 'connect'), true, 'ECONNREFUSED'],
    [nodeError('ECONNRESET', 'read'), false, 'ECONNRESET'],
    [nodeError('DEPTH_ZERO_SELF_SIGNED_CERT'), false, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    [nodeError('ERR_TLS_CERT_ALTNAME_INVALID'), false, 'ERR_TLS_CERT_ALTNAME_INVALID'],
    [nodeError('UND_ERR_CONNECT_TIMEOUT'), true, 'CONNECT_TIMEOUT'],
    [Object.assign(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), { code: 'UND_ERR_ABORTED' }), false, 'PROXY_REFUSED'],
    [new Error('no code at all'), false, 'CONNECT_FAILED'],
  ];
  it.each(connectRows)('POST, connect phase failed with %s → transient, nothing sent', (inner, offline, cause) => {
    const e = classifyTransportError(connectFailed(inner), 'POST');
    expect(e).toMatchObject({ kind: 'transient', offline, cause });
    expect(e.message).toMatch(/Nothing was sent/);
  });

  it('a proxy refusing the tunnel is named with its status', () => {
    const e = classifyTransportError(
      connectFailed(Object.assign(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), { code: 'UND_ERR_ABORTED' })),
      'POST',
    );
    expect(e.message).toContain('the proxy refused the connection (HTTP 407)');
  });

  it('happy-eyeballs AggregateError with every attempt refused → transient, offline', () => {
    const sub = (addr: string) => Object.assign(new Error(`connect ECONNREFUSED ${addr}`), { code: 'ECONNREFUSED', syscall: 'connect' });
    const agg = Object.assign(new AggregateError([sub('::1:443'), sub('127.0.0.1:443')], ''), { code: 'ECONNREFUSED' });
    const e = classifyTransportError(new TypeError('fetch failed', { cause: agg }), 'POST');
    expect(e).toMatchObject({ kind: 'transient', offline: true, cause: 'ECONNREFUSED' });
  });

  it('mixed clues (one before, one after the write) → ambiguous for POST', () => {
    const err = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), {
        code: 'ECONNRESET',
        cause: Object.assign(new Error('y'), { code: 'ECONNREFUSED', syscall: 'connect' }),
      }),
    });
    expect(classifyTransportError(err, 'POST').kind).toBe('ambiguous');
  });

  it('"bad port" (blocked by fetch before connecting) → transient, nothing sent', () => {
    const e = classifyTransportError(new TypeError('fetch failed', { cause: new Error('bad port') }), 'POST');
    expect(e.kind).toBe('transient');
  });

  it('an unknown error → ambiguous for POST (safe), transient for GET and DELETE', () => {
    expect(classifyTransportError(new Error('weird'), 'POST').kind).toBe('ambiguous');
    expect(classifyTransportError(new Error('weird'), 'GET').kind).toBe('transient');
    expect(classifyTransportError(new Error('weird'), 'DELETE').kind).toBe('transient');
    expect(classifyTransportError('a string', 'POST').kind).toBe('ambiguous');
    expect(classifyTransportError(null, 'GET').kind).toBe('transient');
  });

  it('a reset during a GET is just retryable', () => {
    const e = classifyTransportError(undici('ECONNRESET'), 'GET');
    expect(e).toMatchObject({ kind: 'transient', offline: false });
  });
});

describe('classifyTransportError: Chromium net errors (net.fetch is no longer used)', () => {
  // Chromium may already have written, even re-sent, the request: no net::ERR_* proves "before".
  const rows: Array<[string, boolean]> = [
    ['ERR_CONNECTION_REFUSED', true],
    ['ERR_NAME_NOT_RESOLVED', true],
    ['ERR_INTERNET_DISCONNECTED', true],
    ['ERR_ADDRESS_UNREACHABLE', true],
    ['ERR_CERT_AUTHORITY_INVALID', false],
    ['ERR_SSL_PROTOCOL_ERROR', false],
    ['ERR_CONNECTION_RESET', false],
    ['ERR_EMPTY_RESPONSE', false],
    ['ERR_TIMED_OUT', false],
  ];
  it.each(rows)('POST net::%s → ambiguous; GET → transient, offline %s', (code, offlineForGet) => {
    const post = classifyTransportError(chromium(code), 'POST');
    expect(post).toMatchObject({ kind: 'ambiguous', cause: `net::${code}`, offline: false });
    expect(classifyTransportError(chromium(code), 'GET')).toMatchObject({ kind: 'transient', offline: offlineForGet });
  });

  it('finds the net error inside a wrapped message too', () => {
    const e = classifyTransportError(new TypeError('Failed to fetch', { cause: chromium('ERR_NAME_NOT_RESOLVED') }), 'GET');
    expect(e).toMatchObject({ kind: 'transient', offline: true, cause: 'net::ERR_NAME_NOT_RESOLVED' });
  });
});

describe('messages', () => {
  it('offline says nothing was sent and that it waits', () => {
    const e = classifyTransportError(undici('ENOTFOUND', { syscall: 'getaddrinfo' }), 'POST');
    expect(e.message).toMatch(/Nothing was sent/);
    expect(e.message).toMatch(/waiting for the network/);
  });
  it('ambiguous says the outcome is unknown', () => {
    expect(classifyTransportError(undici('ECONNRESET'), 'POST').message).toMatch(/may or may not have been accepted/);
  });
  it('our timeout: ambiguous for POST, transient for GET', () => {
    expect(timeoutError('POST', 30_000)).toMatchObject({ kind: 'ambiguous', cause: 'TIMEOUT' });
    expect(timeoutError('GET', 15_000)).toMatchObject({ kind: 'transient', cause: 'TIMEOUT' });
    expect(timeoutError('POST', 30_000).message).toContain('30 s');
  });
});
