// Pure pieces around the HTTP calls: the send body, the base URL, success-body parsing.
import { describe, expect, it } from 'vitest';
import { platformBaseUrl, resolveBaseUrl, validateBaseUrl } from './baseUrl';
import { GatewayError } from './errors';
import { parseAccount, parsePriceList, parseSendResponse, parseStatusResponse } from './responses';
import { buildSendBody } from './sendBody';
import type { SendRequest } from './types';

const base: SendRequest = { sender: 'Shop', message: 'Hi %name%', encoding: 'UTF8', recipients: [], tags: ['%name%'] };

function rejection(fn: () => unknown): GatewayError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GatewayError);
    return e as GatewayError;
  }
  throw new Error('expected a rejection');
}

describe('buildSendBody', () => {
  it('writes msisdn as a JSON integer, tag values as strings, and omits unset fields', () => {
    const text = buildSendBody({
      ...base,
      recipients: [
        { msisdn: '4512345678', tagvalues: ['Anna'] },
        { msisdn: '999999999999999', tagvalues: [42 as unknown as string] },
      ],
    });
    expect(text).toContain('"msisdn":4512345678');
    expect(text).toContain('"msisdn":999999999999999');
    expect(text).toContain('"tagvalues":["42"]');
    expect(text).not.toContain('sendtime');
    expect(text).not.toContain('userref');
    expect(JSON.parse(text)).toMatchObject({ sender: 'Shop', encoding: 'UTF8', tags: ['%name%'] });
  });

  it.each([['+4512345678'], ['004512345678'], ['45 12 34 56 78'], ['1234567890123456'], [''], ['45abc']])(
    'refuses msisdn %j locally, naming it',
    (msisdn) => {
      const e = rejection(() => buildSendBody({ sender: 'Shop', message: 'Hi', encoding: 'UTF8', recipients: [{ msisdn }] }));
      expect(e.kind).toBe('rejected');
      expect(e.httpStatus).toBeNull();
      expect(e.variables).toEqual([msisdn]);
    },
  );

  it('refuses an empty batch, more than 10,000 recipients, and tag values that do not match the tags', () => {
    expect(rejection(() => buildSendBody({ ...base, recipients: [] })).kind).toBe('rejected');
    const many = Array.from({ length: 10_001 }, (_, i) => ({ msisdn: String(4510000000 + i), tagvalues: ['x'] }));
    expect(rejection(() => buildSendBody({ ...base, recipients: many })).message).toMatch(/at most 10,000/);
    expect(rejection(() => buildSendBody({ ...base, recipients: [{ msisdn: '4512345678' }] })).message).toMatch(/merge value/);
  });

  it('builds 10,000 recipients quickly', () => {
    const recipients = Array.from({ length: 10_000 }, (_, i) => ({ msisdn: String(4510000000 + i), tagvalues: [`Name ${i}`] }));
    const t0 = performance.now();
    const text = buildSendBody({ ...base, recipients });
    const ms = performance.now() - t0;
    expect(JSON.parse(text).recipients).toHaveLength(10_000);
    expect(ms).toBeLessThan(200); // ~5 ms in practice; 100 of these must not dominate a 100k send
  });
});

describe('validateBaseUrl', () => {
  it('accepts https anywhere and http on loopback only; strips the trailing slash', () => {
    expect(validateBaseUrl('https://gatewayapi.com/')).toEqual({ ok: true, url: 'https://gatewayapi.com' });
    expect(validateBaseUrl('http://127.0.0.1:8123')).toEqual({ ok: true, url: 'http://127.0.0.1:8123' });
    expect(validateBaseUrl('http://localhost:9/sim/')).toEqual({ ok: true, url: 'http://localhost:9/sim' });
    expect(validateBaseUrl('http://127.0.0.2:80').ok).toBe(true);
    expect(validateBaseUrl('http://sim.localhost:8080').ok).toBe(false); // resolved through DNS: not loopback
  });
  it.each([
    ['http://gatewayapi.com', /https/],
    ['http://192.168.1.5:8080', /https/],
    ['http://127.0.0.1.example.com', /https/],
    ['ftp://x.example', /https/],
    ['not a url', /not a valid URL/],
    ['', /empty/],
    ['https://user:pw@gatewayapi.com', /user name or password/],
    ['https://gatewayapi.com/?token=x', /query/],
  ])('refuses %j with a message naming the setting', (url, why) => {
    const r = validateBaseUrl(url);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(/custom GatewayAPI URL setting/);
      expect(r.message).toMatch(why);
    }
  });
  it('platforms', () => {
    expect(platformBaseUrl('com')).toBe('https://gatewayapi.com');
    expect(platformBaseUrl('eu')).toBe('https://gatewayapi.eu');
    expect(resolveBaseUrl('eu', 'http://ignored')).toEqual({ ok: true, url: 'https://gatewayapi.eu' });
    expect(resolveBaseUrl('custom', null).ok).toBe(false);
  });
});

describe('success bodies', () => {
  it('send: ids (even as strings) and usage', () => {
    expect(parseSendResponse({ ids: ['421332671'], usage: { countries: { DK: 2 }, currency: 'DKK', total_cost: '0.30' } })).toEqual({
      ids: [421332671],
      usage: { countries: { DK: 2 }, currency: 'DKK', total_cost: 0.3 },
    });
    expect(parseSendResponse({ ids: [] })).toBeNull();
    expect(parseSendResponse({ usage: {} })).toBeNull();
    expect(parseSendResponse({ ids: [1] })).toEqual({ ids: [1], usage: null });
  });

  it('status: the array of message objects, recipients with dsn fields', () => {
    const r = parseStatusResponse(
      [
        {
          id: 7,
          recipients: [
            { msisdn: 4512345678, dsnstatus: 'DELIVERED', dsnerror: null, dsnerrorcode: null, dsntime: 1700000000, country: 'DK' },
            { msisdn: 4587654321 },
          ],
        },
      ],
      7,
    );
    expect(r).toEqual({
      id: 7,
      recipients: [
        { msisdn: '4512345678', status: 'DELIVERED', error: null, code: null, time: 1700000000, country: 'DK' },
        { msisdn: '4587654321', status: 'UNKNOWN', error: null, code: null, time: null, country: null },
      ],
    });
    expect(
      parseStatusResponse({ id: 7, recipients: [{ msisdn: '1', dsnstatus: 'enroute', dsntime: '2026-01-01T00:00:00Z' }] }, 7)!
        .recipients[0],
    ).toMatchObject({ status: 'ENROUTE', time: 1767225600 });
    expect(
      parseStatusResponse({ id: 7, recipients: [{ msisdn: '+45 12 34 56 78', dsnstatus: 'DELIVERED' }] }, 7)!.recipients[0].msisdn,
    ).toBe('4512345678');
    expect(parseStatusResponse('nope', 7)).toBeNull();
  });

  it('account: credit as number or string; garbage → null', () => {
    expect(parseAccount({ credit: '1234.56', currency: 'DKK', id: 1 })).toEqual({ credit: 1234.56, currency: 'DKK', id: 1 });
    expect(parseAccount({ credit: 5, currency: 'EUR' })).toEqual({ credit: 5, currency: 'EUR', id: null });
    expect(parseAccount({ credit: 'lots' })).toBeNull();
  });

  it('prices: tiers, currencies in lower case, numbers from strings, junk skipped', () => {
    const list = parsePriceList({
      standard: [
        { country: 'DK', prefix: 45, eur: 0.04, DKK: '0.31', mcc: 238, country_name: 'Denmark' },
        { country: '??', prefix: 1 },
        'junk',
      ],
      premium: [{ country: 'se', prefix: '46', eur: 0.05 }],
      updated: '2026-01-01',
    });
    expect(list).toEqual({
      tiers: {
        standard: [{ country: 'DK', prefix: 45, prices: { eur: 0.04, dkk: 0.31 } }],
        premium: [{ country: 'SE', prefix: 46, prices: { eur: 0.05 } }],
      },
    });
    expect(parsePriceList('html')).toBeNull();
  });
});
