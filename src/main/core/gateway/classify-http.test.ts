import { describe, expect, it } from 'vitest';
import { classifyHttpError, MAX_BODY_CHARS, parseRetryAfter } from './classify-http';
import { describeGatewayError } from './errors';

const noHeaders = new Headers();
const body = (o: unknown) => JSON.stringify(o);

describe('classifyHttpError: the GATEWAYAPI.md error table', () => {
  const rows: Array<[number, string | null, string]> = [
    [400, '0x0220', 'rejected'],
    [400, '0x0222', 'rejected'],
    [400, null, 'rejected'],
    [401, '0x0210', 'auth'],
    [401, '0x0211', 'auth'],
    [401, '0x0229', 'auth'],
    [401, null, 'auth'],
    [403, '0x0216', 'credit'],
    [403, '0x022A', 'frozen'],
    [403, '0x022a', 'frozen'],
    [403, '0x0214', 'recipients'],
    [403, '0x0215', 'recipients'],
    [403, '0x0217', 'recipients'],
    [403, '0x0299', 'rejected'],
    [403, null, 'rejected'],
    [404, null, 'rejected'],
    [422, '0x0310', 'recipients'],
    [422, '0x0312', 'rejected'],
    [422, null, 'rejected'],
    [429, null, 'transient'],
    [503, null, 'transient'],
    [500, null, 'ambiguous'],
    [502, null, 'ambiguous'],
    [504, null, 'ambiguous'],
    [501, null, 'ambiguous'],
    [599, null, 'ambiguous'],
    [405, null, 'rejected'],
    [409, null, 'rejected'],
    [413, null, 'rejected'],
    [418, null, 'rejected'],
  ];
  it.each(rows)('HTTP %i code %s → %s', (status, code, kind) => {
    const text = code ? body({ code, message: 'm', variables: [] }) : body({ message: 'm' });
    const e = classifyHttpError(status, text, noHeaders);
    expect(e.kind).toBe(kind);
    expect(e.httpStatus).toBe(status);
    expect(e.code).toBe(code?.toUpperCase().replace('0X', '0x') ?? null);
  });

  it('408 (the server gave up waiting for our request) is retryable, not a permanent failure', () => {
    expect(classifyHttpError(408, '', noHeaders).kind).toBe('transient');
  });

  it('names the blocked recipients as digit strings, whatever type GatewayAPI used', () => {
    const e = classifyHttpError(
      403,
      body({ code: '0x0214', message: 'Blacklisted', variables: [4512345678, '+4587654321', 'DK'] }),
      noHeaders,
    );
    expect(e.kind).toBe('recipients');
    expect(e.variables).toEqual(['4512345678', '4587654321']);
    expect(e.message).toContain('4512345678');
    expect(e.message).toContain('blacklisted');
  });

  it('a duplicate-recipient 422 names the duplicate', () => {
    const e = classifyHttpError(422, body({ code: '0x0310', message: 'dup', variables: ['4512345678'] }), noHeaders);
    expect(e).toMatchObject({ kind: 'recipients', variables: ['4512345678'], code: '0x0310' });
  });

  it('a per-recipient code without variables leaves the list empty (the sender splits the batch)', () => {
    const e = classifyHttpError(403, body({ code: '0x0217', message: 'Country not allowed' }), noHeaders);
    expect(e.kind).toBe('recipients');
    expect(e.variables).toEqual([]);
  });

  it('keeps incident_uuid and shows it in the description', () => {
    const e = classifyHttpError(
      400,
      body({ code: '0x0220', message: 'Missing message', incident_uuid: 'abc-123' }),
      noHeaders,
    );
    expect(e.incidentUuid).toBe('abc-123');
    expect(e.message).toContain('Missing message');
    expect(describeGatewayError(e)).toContain('abc-123');
  });
});

describe('classifyHttpError: messages a user can act on', () => {
  it('401 asks for a new token', () => {
    const e = classifyHttpError(401, body({ code: '0x0210', message: 'Invalid token' }), noHeaders);
    expect(e.message).toMatch(/^GatewayAPI refused the token \(HTTP 401, 0x0210\)\. Enter a new API token in Settings\./);
  });
  it('credit says top up', () => {
    const e = classifyHttpError(403, body({ code: '0x0216', message: 'No credit' }), noHeaders);
    expect(e.message).toMatch(/^Insufficient credit on the GatewayAPI account \(0x0216\)\. Top up, then resume\./);
  });
  it('frozen says so', () => {
    expect(classifyHttpError(403, body({ code: '0x022A' }), noHeaders).message).toMatch(/frozen/);
  });
  it('5xx tells the user the outcome is unknown', () => {
    expect(classifyHttpError(502, '', noHeaders).message).toMatch(/may or may not have been accepted/);
  });
});

describe('classifyHttpError: body shapes', () => {
  it('flattens {fields:{…}} schema errors into readable paths', () => {
    const e = classifyHttpError(
      422,
      body({ fields: { recipients: [{ '0': { tagvalues: ['Not a valid string.'] } }], sender: ['Too long.'] } }),
      noHeaders,
    );
    expect(e.kind).toBe('rejected');
    expect(e.message).toContain('recipients.0.tagvalues: Not a valid string.');
    expect(e.message).toContain('sender: Too long.');
  });

  it('indexes a list of several per-item error objects', () => {
    const e = classifyHttpError(
      422,
      body({ fields: { recipients: [{}, { msisdn: ['Invalid.'] }] } }),
      noHeaders,
    );
    expect(e.message).toContain('recipients.1.msisdn: Invalid.');
  });

  it('keeps a proxy HTML page only as the raw body, truncated, with a generic message', () => {
    const html = `<html><body>${'x'.repeat(10_000)}</body></html>`;
    const e = classifyHttpError(502, html, noHeaders);
    expect(e.kind).toBe('ambiguous');
    expect(e.body!.length).toBeLessThanOrEqual(MAX_BODY_CHARS + 20);
    expect(e.body!.startsWith('<html>')).toBe(true);
    expect(e.message).toContain('HTTP 502');
    expect(e.message).not.toContain('<html>');
    expect(e.code).toBeNull();
  });

  it('an HTML 400 is still a rejection with the status in the message', () => {
    const e = classifyHttpError(400, '<h1>Bad Request</h1>', noHeaders);
    expect(e).toMatchObject({ kind: 'rejected', httpStatus: 400, code: null });
    expect(e.message).toContain('HTTP 400');
  });

  it('an empty body gives body null', () => {
    expect(classifyHttpError(503, '', noHeaders).body).toBeNull();
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds', () => {
    const e = classifyHttpError(429, '', new Headers({ 'Retry-After': '7' }));
    expect(e).toMatchObject({ kind: 'transient', retryAfterMs: 7000 });
  });
  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    const e = classifyHttpError(503, '', new Headers({ 'Retry-After': 'Wed, 25 Nov 2026 12:00:30 GMT' }), now);
    expect(e).toMatchObject({ kind: 'transient', retryAfterMs: 30_000 });
  });
  it('a date in the past means now; garbage means absent', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(classifyHttpError(429, '', noHeaders).retryAfterMs).toBeNull();
  });
});
