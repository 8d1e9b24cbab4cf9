import { describe, expect, it } from 'vitest';
import { classifyTransportError, timeoutError } from './classify-transport';

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

describe('classifyTransportError: Node fetch (undici)', () => {
  const rows: Array<[string, string | undefined, 'transient' | 'ambiguous', boolean]> = [
    ['ECONNREFUSED', 'connect', 'transient', true],
    ['ENOTFOUND', 'getaddrinfo', 'transient', true],
    ['EAI_AGAIN', 'getaddrinfo', 'transient', true],
    ['ENETUNREACH', 'connect', 'transient', true],
    ['EHOSTUNREACH', 'connect', 'transient', true],
    ['UND_ERR_CONNECT_TIMEOUT', undefined, 'transient', true],
    ['CERT_HAS_EXPIRED', undefined, 'transient', false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', undefined, 'transient', false],
    ['SELF_SIGNED_CERT_IN_CHAIN', undefined, 'transient', false],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', undefined, 'transient', false],
    ['ETIMEDOUT', 'connect', 'transient', true],
    ['ECONNRESET', 'read', 'ambiguous', false],
    ['EPIPE', 'write', 'ambiguous', false],
    ['UND_ERR_SOCKET', undefined, 'ambiguous', false],
    ['UND_ERR_HEADERS_TIMEOUT', undefined, 'ambiguous', false],
    ['UND_ERR_BODY_TIMEOUT', undefined, 'ambiguous', false],
    ['ETIMEDOUT', 'read', 'ambiguous', false],
    ['SOMETHING_NEW', undefined, 'ambiguous', false],
  ];
  it.each(rows)('POST %s (syscall %s) → %s, offline %s', (code, syscall, kind, offline) => {
    const e = classifyTransportError(undici(code, syscall ? { syscall } : {}), 'POST');
    expect(e.kind).toBe(kind);
    expect(e.offline).toBe(offline);
    expect(e.cause).toBe(code);
    expect(e.httpStatus).toBeNull();
  });

  it('happy-eyeballs AggregateError with every attempt refused → transient, offline', () => {
    const sub = (addr: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${addr}`), { code: 'ECONNREFUSED', syscall: 'connect' });
    const agg = Object.assign(new AggregateError([sub('::1:443'), sub('127.0.0.1:443')], ''), { code: 'ECONNREFUSED' });
    const e = classifyTransportError(new TypeError('fetch failed', { cause: agg }), 'POST');
    expect(e).toMatchObject({ kind: 'transient', offline: true, cause: 'ECONNREFUSED' });
  });

  it('mixed clues (one before, one after the write) → ambiguous for POST', () => {
    const err = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), {
        code: 'ECONNRESET',
        cause: Object.assign(new Error('y'), { code: 'ECONNREFUSED' }),
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

describe('classifyTransportError: Electron net.fetch (Chromium net errors)', () => {
  const rows: Array<[string, 'transient' | 'ambiguous', boolean]> = [
    ['ERR_CONNECTION_REFUSED', 'transient', true],
    ['ERR_NAME_NOT_RESOLVED', 'transient', true],
    ['ERR_INTERNET_DISCONNECTED', 'transient', true],
    ['ERR_ADDRESS_UNREACHABLE', 'transient', true],
    ['ERR_CERT_AUTHORITY_INVALID', 'transient', false],
    ['ERR_CERT_DATE_INVALID', 'transient', false],
    ['ERR_SSL_PROTOCOL_ERROR', 'transient', false],
    ['ERR_SSL_VERSION_OR_CIPHER_MISMATCH', 'transient', false],
    ['ERR_CONNECTION_RESET', 'ambiguous', false],
    ['ERR_EMPTY_RESPONSE', 'ambiguous', false],
    ['ERR_TIMED_OUT', 'ambiguous', false],
    ['ERR_CONNECTION_CLOSED', 'ambiguous', false],
    ['ERR_HTTP2_PROTOCOL_ERROR', 'ambiguous', false],
  ];
  it.each(rows)('POST net::%s → %s, offline %s', (code, kind, offline) => {
    const e = classifyTransportError(chromium(code), 'POST');
    expect(e.kind).toBe(kind);
    expect(e.offline).toBe(offline);
    expect(e.cause).toBe(`net::${code}`);
  });

  it('finds the net error inside a wrapped message too', () => {
    const e = classifyTransportError(new TypeError('Failed to fetch', { cause: chromium('ERR_NAME_NOT_RESOLVED') }), 'POST');
    expect(e).toMatchObject({ kind: 'transient', offline: true });
  });

  it('any net error on a GET is retryable', () => {
    expect(classifyTransportError(chromium('ERR_CONNECTION_RESET'), 'GET').kind).toBe('transient');
  });
});

describe('messages', () => {
  it('offline says nothing was sent and that it waits', () => {
    const e = classifyTransportError(chromium('ERR_INTERNET_DISCONNECTED'), 'POST');
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
