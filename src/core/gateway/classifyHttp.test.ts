import { describe, expect, it } from 'vitest';
import { classifyHttpError, MAX_BODY_CHARS, parseRetryAfter } from './classifyHttp';
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
    [401, '0x0212', 'account'],
    [403, '0x0216', 'credit'],
    [403, '0x022A', 'frozen'],
    [403, '0x022a', 'frozen'],
    [403, '0x0213', 'account'],
    [403, '0x0219', 'account'],
    [403, '0x021A', 'account'],
    [403, '0x021B', 'account'],
    [403, '0x021C', 'account'],
    [403, '0x021D', 'account'],
    [403, '0x0214', 'retry_recipient'],
    [403, '0x0215', 'recipients'],
    [403, '0x021F', 'recipients'],
    [403, '0x0217', 'country'],
    [403, '0x0299', 'account'],
    [403, null, 'account'],
    [404, null, 'account'],
    [402, null, 'account'],
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
    [405, null, 'account'],
    [409, null, 'account'],
    [413, null, 'account'],
    [418, null, 'account'],
    [408, null, 'ambiguous'],
  ];
  it.each(rows)('HTTP %i code %s → %s', (status, code, kind) => {
    const text = code ? body({ code, message: 'm', variables: [] }) : body({ message: 'm' });
    const e = classifyHttpError(status, text, noHeaders);
    expect(e.kind).toBe(kind);
    expect(e.httpStatus).toBe(status);
    expect(e.code).toBe(code?.toUpperCase().replace('0X', '0x') ?? null);
  });

  it('408 on a POST is ambiguous: a proxy may have forwarded the request before timing out', () => {
    const e = classifyHttpError(408, '', noHeaders);
    expect(e.kind).toBe('ambiguous');
    expect(e.message).toMatch(/may or may not have been accepted/);
  });

  it('0x0215 names the blacklisted recipients as digit strings, whatever type GatewayAPI used', () => {
    const e = classifyHttpError(
      403,
      body({ code: '0x0215', message: 'Blacklisted', variables: [4512345678, '+4587654321', 'DK'] }),
      noHeaders,
    );
    expect(e.kind).toBe('recipients');
    expect(e.variables).toEqual(['4512345678', '4587654321']);
    expect(e.message).toContain('4512345678');
    expect(e.message).toContain('blacklisted');
  });

  it('0x0214 (temporary blacklist, variables [msisdn, hash]) → retry_recipient naming only the msisdn', () => {
    const e = classifyHttpError(403, body({ code: '0x0214', message: 'Blacklisted', variables: ['4512345678', '4a1f90c2'] }), noHeaders);
    expect(e).toMatchObject({ kind: 'retry_recipient', variables: ['4512345678'], code: '0x0214' });
    expect(e.message).toMatch(/temporarily blacklisted 4512345678.*retried later/);
  });

  it.each([
    [['SE'], 'SE'],
    [['se'], 'SE'],
    [['46'], 'SE'],
    [[46], 'SE'],
    [['+45'], 'DK'],
    [['1'], 'US'],
    [['44'], 'GB'],
    [['XX'], null],
    [['800'], null],
    [[], null],
  ] as Array<[unknown[], string | null]>)('0x0217 with variables %j → kind country, country %s', (variables, country) => {
    const e = classifyHttpError(403, body({ code: '0x0217', message: 'Unauthorized destination', variables }), noHeaders);
    expect(e.kind).toBe('country');
    expect(e.country).toBe(country);
    if (country) expect(e.message).toContain(`country ${country}`);
  });

  it('0x0217 without variables reads the country from the message', () => {
    const e = classifyHttpError(403, body({ code: '0x0217', message: 'Unauthorized destination: country 46' }), noHeaders);
    expect(e).toMatchObject({ kind: 'country', country: 'SE' });
  });

  it('0x021F (operator: variables are MCC and MNC, not numbers) names no recipients: the sender splits', () => {
    const e = classifyHttpError(403, body({ code: '0x021F', message: 'Unauthorized operator', variables: ['240', '1'] }), noHeaders);
    expect(e).toMatchObject({ kind: 'recipients', variables: [] });
  });

  it.each([
    ['0x0212', 401, /allow this computer's IP address/i],
    ['0x0213', 403, /allow this computer's IP address/i],
    ['0x021D', 403, /SMS sending is not enabled/],
    ['0x021B', 403, /not enabled on the GatewayAPI account/],
  ])('account-level %s (HTTP %i) says what to fix, not "new token"', (code, status, fix) => {
    const e = classifyHttpError(status, body({ code, message: 'Unauthorized IP' }), noHeaders);
    expect(e.kind).toBe('account');
    expect(e.message).toMatch(fix);
    expect(e.message).not.toMatch(/new API token/);
  });

  it('an undocumented 4xx (a proxy page) shows the status and a short, tag-free excerpt of the body', () => {
    const html = `<html><head><title>Blocked</title><style>h1{color:red}</style></head><body><h1>Access denied</h1><p>Your request was blocked by policy 42.${' padding'.repeat(200)}</p></body></html>`;
    const e = classifyHttpError(403, html, noHeaders);
    expect(e.kind).toBe('account');
    expect(e.message).toContain('HTTP 403');
    expect(e.message).toContain('Access denied Your request was blocked by policy 42.');
    expect(e.message).not.toMatch(/<|color:red/);
    expect(e.message.length).toBeLessThan(600);
    expect(e.body!.startsWith('<html>')).toBe(true);
  });

  it.each([402, 413])('HTTP %i without a GatewayAPI body pauses everything rather than failing the batch', (status) => {
    const e = classifyHttpError(status, '', noHeaders);
    expect(e.kind).toBe('account');
    expect(e.message).toContain(`HTTP ${status}`);
  });

  it('a duplicate-recipient 422 names the duplicate', () => {
    const e = classifyHttpError(422, body({ code: '0x0310', message: 'dup', variables: ['4512345678'] }), noHeaders);
    expect(e).toMatchObject({ kind: 'recipients', variables: ['4512345678'], code: '0x0310' });
  });

  it('a per-recipient code without variables leaves the list empty (the sender splits the batch)', () => {
    const e = classifyHttpError(403, body({ code: '0x0215', message: 'Blacklisted' }), noHeaders);
    expect(e.kind).toBe('recipients');
    expect(e.variables).toEqual([]);
  });

  it('keeps incident_uuid and shows it in the description', () => {
    const e = classifyHttpError(400, body({ code: '0x0220', message: 'Missing message', incident_uuid: 'abc-123' }), noHeaders);
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
    const e = classifyHttpError(422, body({ fields: { recipients: [{}, { msisdn: ['Invalid.'] }] } }), noHeaders);
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

  it('an HTML 400 is not GatewayAPI speaking: pause with the status and the page text', () => {
    const e = classifyHttpError(400, '<h1>Bad Request</h1>', noHeaders);
    expect(e).toMatchObject({ kind: 'account', httpStatus: 400, code: null });
    expect(e.message).toContain('HTTP 400');
    expect(e.message).toContain('"Bad Request"');
  });

  it('an empty body gives body null', () => {
    expect(classifyHttpError(503, '', noHeaders).body).toBeNull();
  });
});

describe('redirects are refused, never followed', () => {
  it.each([301, 302, 303, 307, 308])('HTTP %i → account-level pause naming the Location host', (status) => {
    const e = classifyHttpError(status, '', new Headers({ location: 'http://collector.example:8080/rest/mtsms' }));
    expect(e.kind).toBe('account');
    expect(e.message).toContain('collector.example:8080');
    expect(e.message).toMatch(/not followed/);
  });
  it('an opaque redirect (status 0) or a missing Location still reads as a redirect', () => {
    expect(classifyHttpError(0, '', noHeaders)).toMatchObject({ kind: 'account' });
    expect(classifyHttpError(307, '', noHeaders).message).toMatch(/redirect \(HTTP 307\), which was not followed/);
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
  it('is capped at one hour, whatever a proxy asks', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(parseRetryAfter('86400', now)).toBe(3_600_000);
    expect(parseRetryAfter('999999999999', now)).toBe(3_600_000);
    expect(parseRetryAfter('Fri, 25 Dec 2026 12:00:00 GMT', now)).toBe(3_600_000);
    expect(classifyHttpError(429, '', new Headers({ 'Retry-After': '7200' })).retryAfterMs).toBe(3_600_000);
    expect(parseRetryAfter('3599', now)).toBe(3_599_000);
  });
  it('a date in the past means now; garbage means absent', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(classifyHttpError(429, '', noHeaders).retryAfterMs).toBeNull();
  });
});
