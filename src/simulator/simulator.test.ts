import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { startBlackhole, startSimulator, type Simulator, type SimulatorOptions } from './';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const running: Simulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** A simulator on a fake clock, plus small fetch helpers. */
async function setup(opts: SimulatorOptions = {}) {
  const clock = { t: T0 };
  const sim = await startSimulator({ now: () => clock.t, ...opts });
  running.push(sim);
  const auth = { authorization: `Token ${opts.token ?? 'demo-token'}` };
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = auth) => {
    const res = await fetch(sim.url + path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      /* HTML error pages stay as text */
    }
    return { status: res.status, json, text, headers: res.headers };
  };
  const send = (body: unknown, headers?: Record<string, string>) => call('POST', '/rest/mtsms', body, headers);
  return { sim, clock, call, send };
}

const msg = (msisdns: (string | number)[], extra: Record<string, unknown> = {}) => ({
  sender: 'Shop',
  message: 'Hello',
  recipients: msisdns.map((msisdn) => ({ msisdn })),
  ...extra,
});

describe('auth', () => {
  it('accepts Token and Basic (token as user name), refuses others with 0x0210', async () => {
    const { sim, send, call } = await setup({ token: 'sekret' });
    expect((await send(msg([4512345678]), { authorization: 'Token sekret' })).status).toBe(200);
    const basic = 'Basic ' + Buffer.from('sekret:').toString('base64');
    expect((await send(msg([4512345679]), { authorization: basic })).status).toBe(200);

    const wrong = await send(msg([4512345670]), { authorization: 'Token nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ code: '0x0210', message: 'Unauthorized' });
    expect((await send(msg([4512345670]), {})).status).toBe(401);
    expect((await call('GET', '/rest/me', undefined, {})).status).toBe(401);
    expect(sim.log).toHaveLength(2);

    sim.setToken('fresh');
    expect((await send(msg([4512345671]), { authorization: 'Token sekret' })).status).toBe(401);
    expect((await send(msg([4512345671]), { authorization: 'Token fresh' })).status).toBe(200);
  });

  it('serves the price list without auth', async () => {
    const { call } = await setup();
    const res = await call('GET', '/api/prices/list/sms/json', undefined, {});
    expect(res.status).toBe(200);
    expect(res.json.standard.find((e: any) => e.country === 'DK')).toMatchObject({ prefix: 45, dkk: 0.25 });
    expect(res.json.premium.length).toBeGreaterThan(0);
  });
});

describe('POST /rest/mtsms', () => {
  it('replaces tags per recipient and charges parts × price', async () => {
    const { sim, send, call } = await setup({ credit: 10, pricePerPart: 0.25 });
    const res = await send({
      sender: 'Shop',
      message: 'Hi %name%! %name%, your code is %code%.',
      tags: ['%name%', '%code%'],
      recipients: [
        { msisdn: 4512345678, tagvalues: ['Anna', '42'] },
        { msisdn: '4612345670', tagvalues: ['x'.repeat(150), '7'] }, // 322 characters: 3 parts
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json.ids).toHaveLength(1);
    expect(res.json.usage).toEqual({ countries: { DK: 1, SE: 1 }, currency: 'DKK', total_cost: 1 });
    expect(sim.log.map((e) => [e.msisdn, e.text, e.parts, e.encoding])).toEqual([
      ['4512345678', 'Hi Anna! Anna, your code is 42.', 1, 'UTF8'],
      ['4612345670', `Hi ${'x'.repeat(150)}! ${'x'.repeat(150)}, your code is 7.`, 3, 'UTF8'],
    ]);
    // 1 + 3 parts at 0.25
    expect(sim.getCredit()).toBe(9);
    expect((await call('GET', '/rest/me')).json).toEqual({ credit: '9.00000', currency: 'DKK', id: 1 });
  });

  it('counts UCS2 parts by UCS-2 rules and charges for them', async () => {
    const { sim, send } = await setup({ credit: 100, pricePerPart: 1 });
    const res = await send(msg([4512345678, 4512345679], { message: 'Привет '.repeat(10), encoding: 'UCS2' }));
    expect(res.status).toBe(200);
    // 70 code units: one part each; the same 70 characters in GSM-7 would be lossy
    expect(sim.log.map((e) => e.parts)).toEqual([1, 1]);
    expect(res.json.usage.total_cost).toBe(2);
    await send(msg([4512345670], { message: 'Привет '.repeat(10) + '!', encoding: 'UCS2' }));
    expect(sim.log[2].parts).toBe(2);
    expect(sim.getCredit()).toBe(96);
  });

  it('sends an array of messages in one request, one id each', async () => {
    const { sim, send } = await setup();
    const res = await send([msg([4512345678]), msg([4712345678, 4912345678])]);
    expect(res.status).toBe(200);
    expect(res.json.ids).toHaveLength(2);
    expect(res.json.ids[1]).toBe(res.json.ids[0] + 1);
    expect(res.json.usage.countries).toEqual({ DK: 1, NO: 1, DE: 1 });
    expect(sim.log.map((e) => e.messageId)).toEqual([res.json.ids[0], res.json.ids[1], res.json.ids[1]]);
  });

  it('refuses a duplicate msisdn in one message with 0x0310, accepting nothing', async () => {
    const { sim, send } = await setup();
    const res = await send(msg([4512345678, 4511111111, '4512345678']));
    expect(res.status).toBe(422);
    expect(res.json).toEqual({ code: '0x0310', message: 'Duplicate recipient', variables: ['4512345678'] });
    expect(sim.log).toHaveLength(0);
    expect(sim.getCredit()).toBe(1000);
  });

  it('refuses with 0x0216 when the cost exceeds the credit, accepting nothing', async () => {
    const { sim, send } = await setup({ credit: 1, pricePerPart: 0.25 });
    expect((await send(msg([4512345671, 4512345672, 4512345673]))).status).toBe(200); // 0.75
    const res = await send(msg([4512345674, 4512345675]));
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ code: '0x0216', message: 'Insufficient credit' });
    expect(sim.log).toHaveLength(3);
    expect(sim.getCredit()).toBe(0.25);
    expect((await send(msg([4512345676]))).status).toBe(200); // exactly the credit left
    expect(sim.getCredit()).toBe(0);
  });

  it('refuses the whole request on blacklisted (0x0215) numbers or a disallowed country (0x0217 names the country)', async () => {
    const { sim, send } = await setup();
    const black = await send(msg([4512345678, 4512345666, 4699999666]));
    expect(black.status).toBe(403);
    expect(black.json).toEqual({ code: '0x0215', message: 'Blacklisted recipient', variables: ['4512345666', '4699999666'] });
    // Icelandic numbers are refused by default: the variable is the country, not a number.
    const country = await send(msg([4512345678, 3541234567, 3541234568]));
    expect(country.status).toBe(403);
    expect(country.json).toEqual({ code: '0x0217', message: 'Unauthorized destination: country IS', variables: ['IS'] });
    sim.faults.countryAsCallingCode = true;
    expect((await send(msg([3541234567]))).json).toMatchObject({ code: '0x0217', variables: ['354'] });
    expect(sim.log).toHaveLength(0);
    expect(sim.getCredit()).toBe(1000);
  });

  it('blockedCountries decides which destinations 0x0217 refuses', async () => {
    const { sim, send } = await setup({ blockedCountries: ['se'] });
    expect((await send(msg([12025550123]))).status).toBe(200);
    expect((await send(msg([4512345678, 46701234567]))).json).toMatchObject({ code: '0x0217', variables: ['SE'] });
    expect(sim.log.map((e) => e.msisdn)).toEqual(['12025550123']);
  });

  it('a temporary blacklisting (0x0214) names one number and a hash, and ends by itself', async () => {
    const { sim, send, clock } = await setup();
    sim.blacklistTemporarily(['4512345670', '4512345671'], 60_000);
    const first = await send(msg([4512345678, 4512345670, 4512345671]));
    expect(first.status).toBe(403);
    expect(first.json.code).toBe('0x0214');
    expect(first.json.variables).toHaveLength(2);
    expect(first.json.variables[0]).toBe('4512345670');
    expect(sim.log).toHaveLength(0);
    clock.t += 60_001;
    expect((await send(msg([4512345678, 4512345670, 4512345671]))).status).toBe(200);
  });

  it('takes validity_period (whole seconds, at least 60) and keeps it in the log', async () => {
    const { sim, send } = await setup();
    expect((await send(msg([4512345678], { validity_period: 59 }))).json).toEqual({
      fields: { validity_period: ['Must be greater than or equal to 60.'] },
    });
    expect((await send(msg([4512345678], { validity_period: 'soon' }))).status).toBe(422);
    expect((await send(msg([4512345678], { validity_period: 259200 }))).status).toBe(200);
    expect((await send(msg([4512345679]))).status).toBe(200);
    expect(sim.log.map((e) => e.validityPeriod)).toEqual([259200, null]);
  });

  it('accepts every sender the app allows (letters, digits, space . _ & -, or +digits)', async () => {
    const { send } = await setup();
    for (const sender of ['Shop & Co', 'A.B-C_D', '+4512345678', '4512345678']) {
      expect((await send(msg([4512345678], { sender }))).status, sender).toBe(200);
    }
    expect((await send(msg([4512345678], { sender: 'Shop!' }))).status).toBe(400);
  });

  it('answers schema errors in the {fields: ...} shape', async () => {
    const { sim, send } = await setup();
    const tags = await send({
      sender: 'Shop',
      message: 'Hi %name%',
      tags: ['%name%'],
      recipients: [
        { msisdn: 4512345678, tagvalues: [] },
        { msisdn: 4512345679, tagvalues: ['Bo'] },
      ],
    });
    expect(tags.status).toBe(422);
    expect(Object.keys(tags.json)).toEqual(['fields']);
    expect(tags.json.fields.recipients).toHaveLength(1);
    expect(Object.keys(tags.json.fields.recipients[0])).toEqual(['0']);
    expect(tags.json.fields.recipients[0]['0'].tagvalues[0]).toMatch(/tagvalues/);

    const numbers = await send(msg([4512345678, '+4512345679', 1234567890123456]));
    expect(numbers.status).toBe(422);
    expect(Object.keys(numbers.json.fields.recipients[0])).toEqual(['1', '2']);

    const tooMany = await send(msg(Array.from({ length: 10_001 }, (_, i) => 4500000000 + i)));
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.fields.recipients).toBeDefined();
    expect(sim.log).toHaveLength(0);
  });

  it('answers 400 0x0220 for a bad sender, an empty message or no recipients', async () => {
    const { sim, send } = await setup();
    for (const body of [
      msg([4512345678], { sender: 'TwelveLetter' }),
      msg([4512345678], { sender: '1234567890123456' }),
      msg([4512345678], { message: '' }),
      msg([]),
    ]) {
      const res = await send(body);
      expect(res.status).toBe(400);
      expect(res.json.code).toBe('0x0220');
      expect(res.json.message).toBeTruthy();
    }
    expect((await send(msg([4512345678], { sender: '123456789012345' }))).status).toBe(200);
    const notJson = await fetch(sim.url + '/rest/mtsms', {
      method: 'POST',
      headers: { authorization: 'Token demo-token' },
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
  });

  it('charges what the price list shows, country by country', async () => {
    const { sim, send, call } = await setup({ pricePerPart: 0.25, countryPrices: { SE: 0.5 } });
    const prices = (await call('GET', '/api/prices/list/sms/json')).json;
    const se = prices.standard.find((e: any) => e.country === 'SE');
    expect(se.dkk).toBe(0.5);
    const res = await send(msg([4612345678, 4612345679, 4512345678]));
    expect(res.json.usage.total_cost).toBe(1.25);
    expect(sim.getCredit()).toBe(998.75);
  });
});

describe('GET /rest/mtsms/{id}', () => {
  it('answers 404, then ENROUTE, then the final status by last digit', async () => {
    const { send, call, clock } = await setup({ notFoundUntilMs: 1000, statusDelayMs: 3000 });
    const [id] = (await send(msg([4512345670, 4512345677, 4512345678, 4512345679]))).json.ids;
    expect((await call('GET', `/rest/mtsms/${id}`)).status).toBe(404);
    expect((await call('GET', `/rest/mtsms/99`)).status).toBe(404);

    clock.t += 1000;
    const enroute = await call('GET', `/rest/mtsms/${id}`);
    expect(enroute.status).toBe(200);
    expect(enroute.json).toHaveLength(1);
    expect(enroute.json[0]).toMatchObject({ id, message: 'Hello', sender: 'Shop' });
    expect(enroute.json[0].recipients.map((r: any) => r.dsnstatus)).toEqual(['ENROUTE', 'ENROUTE', 'ENROUTE', 'ENROUTE']);

    clock.t += 2000;
    const final = (await call('GET', `/rest/mtsms/${id}`)).json[0].recipients;
    expect(final.map((r: any) => r.dsnstatus)).toEqual(['DELIVERED', 'UNDELIVERABLE', 'EXPIRED', 'REJECTED']);
    expect(final[0]).toEqual({
      msisdn: 4512345670,
      dsnstatus: 'DELIVERED',
      dsnerror: null,
      dsnerrorcode: null,
      dsntime: (T0 + 3000) / 1000,
      senttime: T0 / 1000,
      country: 'DK',
      mcc: 238,
      mnc: 1,
    });
    expect(final[1]).toMatchObject({ dsnerror: 'Absent subscriber', dsnerrorcode: '0x0001' });
  });

  it('with outOfOrder, serves ENROUTE again after a final status was served', async () => {
    const { sim, send, call, clock } = await setup();
    const [id] = (await send(msg([4512345670, 4512345671, 4512345672]))).json.ids;
    clock.t += 10_000;
    sim.faults.outOfOrder = { count: 1 };
    const statuses = async () => (await call('GET', `/rest/mtsms/${id}`)).json[0].recipients.map((r: any) => r.dsnstatus);
    expect(await statuses()).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']); // first final read is honest
    expect(await statuses()).toEqual(['ENROUTE', 'DELIVERED', 'ENROUTE']);
    expect(sim.faults.outOfOrder).toBeUndefined();
    expect(await statuses()).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);
  });
});

describe('scheduled messages and DELETE', () => {
  it('are not found (404) until sendtime; DELETE refunds before, 410 after', async () => {
    const { sim, send, call, clock } = await setup({ credit: 10, pricePerPart: 1 });
    const sendtime = T0 / 1000 + 3600;
    const [a] = (await send(msg([4512345670, 4512345671], { sendtime }))).json.ids;
    const [b] = (await send(msg([4512345672], { sendtime }))).json.ids;
    expect(sim.getCredit()).toBe(7);
    expect(sim.log.map((e) => e.sendtime)).toEqual([sendtime, sendtime, sendtime]);

    clock.t += 5000;
    // GatewayAPI stores a message for status reads only once it has been sent.
    expect((await call('GET', `/rest/mtsms/${a}`)).status).toBe(404);

    expect((await call('DELETE', `/rest/mtsms/${a}`)).status).toBe(204);
    expect(sim.getCredit()).toBe(9);
    expect(sim.log.map((e) => e.msisdn)).toEqual(['4512345672']);
    expect((await call('DELETE', `/rest/mtsms/${a}`)).status).toBe(410);
    expect((await call('GET', `/rest/mtsms/${a}`)).json[0].recipients[0].dsnstatus).toBe('DELETED');

    clock.t = sendtime * 1000 + 1;
    expect((await call('DELETE', `/rest/mtsms/${b}`)).status).toBe(410);
    expect(sim.getCredit()).toBe(9);
    expect((await call('GET', `/rest/mtsms/${b}`)).json[0].recipients[0].dsnstatus).toBe('ENROUTE');
    expect((await call('DELETE', '/rest/mtsms/12345')).status).toBe(404);
  });
});

describe('account', () => {
  it('GET /rest/me: credit as a decimal string, as GatewayAPI sends it (creditAsNumber switches)', async () => {
    const { sim, call } = await setup({ credit: 12.5 });
    expect((await call('GET', '/rest/me')).json).toEqual({ credit: '12.50000', currency: 'DKK', id: 1 });
    sim.faults.creditAsNumber = true;
    expect((await call('GET', '/rest/me')).json.credit).toBe(12.5);
    sim.setCredit(3);
    expect(sim.getCredit()).toBe(3);
  });

  it('refuses to send from a frozen account with 0x022A', async () => {
    const { sim, send } = await setup();
    sim.faults.frozen = true;
    const res = await send(msg([4512345678]));
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('0x022A');
    expect(sim.log).toHaveLength(0);
  });
});

describe('faults', () => {
  it('status5xx: 503 never accepts; 502 with acceptBeforeFail does; count switches it off', async () => {
    const { sim, send } = await setup();
    sim.faults.status5xx = { code: 503, count: 1 };
    expect((await send(msg([4512345670]))).status).toBe(503);
    expect(sim.log).toHaveLength(0);
    expect(sim.faults.status5xx).toBeUndefined();

    sim.faults.status5xx = { code: 502, acceptBeforeFail: true, count: 1 };
    const r502 = await send(msg([4512345671]));
    expect(r502.status).toBe(502);
    expect(r502.headers.get('content-type')).toContain('text/html');
    expect(sim.log.map((e) => e.msisdn)).toEqual(['4512345671']); // accepted and charged anyway
    expect(sim.getCredit()).toBe(999.75);

    sim.faults.status5xx = { code: 500, acceptBeforeFail: false };
    expect((await send(msg([4512345672]))).status).toBe(500);
    expect((await send(msg([4512345672]))).status).toBe(500); // no count: stays on
    expect(sim.log).toHaveLength(1);
    sim.faults.status5xx = null;
    expect((await send(msg([4512345672]))).status).toBe(200);
  });

  it('rateLimit: 429 with Retry-After, nothing accepted', async () => {
    const { sim, send } = await setup();
    sim.faults.rateLimit = { retryAfterSec: 7, count: 2 };
    const r = await send(msg([4512345670]));
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    expect((await send(msg([4512345670]))).status).toBe(429);
    expect((await send(msg([4512345670]))).status).toBe(200);
    sim.faults.rateLimit = {};
    expect((await send(msg([4512345671]))).headers.get('retry-after')).toBeNull();
    expect(sim.log).toHaveLength(1);
  });

  it('dropBeforeAccept / dropAfterAccept: the client sees a dropped connection either way', async () => {
    const { sim, send } = await setup();
    sim.faults.dropBeforeAccept = { count: 1 };
    await expect(send(msg([4512345670]))).rejects.toThrow();
    expect(sim.log).toHaveLength(0);

    sim.faults.dropAfterAccept = { count: 1 };
    await expect(send(msg([4512345671]))).rejects.toThrow();
    expect(sim.log.map((e) => e.msisdn)).toEqual(['4512345671']);
    expect(sim.getCredit()).toBe(999.75);
    expect(sim.requests.map((r) => r.status)).toEqual([0, 0]);
    expect((await send(msg([4512345672]))).status).toBe(200);
  });

  it('latencyMs delays the response (after the message was accepted)', async () => {
    const { sim, send } = await setup();
    sim.faults.latencyMs = 150;
    const started = performance.now();
    const pending = send(msg([4512345670]));
    await new Promise((r) => setTimeout(r, 50));
    expect(sim.log).toHaveLength(1); // accepted already, answer still on its way
    expect((await pending).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('hang never answers; close() still ends the request', async () => {
    const { sim, send } = await setup();
    sim.faults.hang = { count: 1 };
    await expect(
      fetch(sim.url + '/rest/mtsms', {
        method: 'POST',
        headers: { authorization: 'Token demo-token' },
        body: JSON.stringify(msg([4512345670])),
        signal: AbortSignal.timeout(150),
      }),
    ).rejects.toThrow();
    expect(sim.log).toHaveLength(0);
    expect((await send(msg([4512345670]))).status).toBe(200); // count used up

    sim.faults.hang = {};
    const hanging = send(msg([4512345671]));
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    await sim.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(hanging).rejects.toThrow();
  });

  it('goOffline refuses connections; goOnline listens again on the same port', async () => {
    const { sim, send } = await setup();
    expect((await send(msg([4512345670]))).status).toBe(200); // leaves a keep-alive socket
    await sim.goOffline();
    expect(sim.online).toBe(false);
    const err = await send(msg([4512345671])).catch((e: any) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.cause?.code).toBe('ECONNREFUSED');
    await sim.goOnline();
    expect((await send(msg([4512345671]))).status).toBe(200);
    expect(sim.log).toHaveLength(2);
  });

  it('hit only POST /rest/mtsms unless applyTo is "all"', async () => {
    const { sim, call } = await setup();
    sim.faults.rateLimit = {};
    expect((await call('GET', '/rest/me')).status).toBe(200);
    sim.faults.applyTo = 'all';
    expect((await call('GET', '/rest/me')).status).toBe(429);
    expect((await call('GET', '/api/prices/list/sms/json')).status).toBe(429);
  });
});

describe('faults a network and a real account produce', () => {
  it('redirect: a 3xx with a Location elsewhere, nothing accepted', async () => {
    const { sim, send } = await setup();
    sim.faults.redirect = { count: 1, status: 308, location: 'http://evil.example/collect' };
    const res = await fetch(sim.url + '/rest/mtsms', {
      method: 'POST',
      headers: { authorization: 'Token demo-token' },
      body: JSON.stringify(msg([4512345670])),
      redirect: 'manual',
    });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('http://evil.example/collect');
    expect(sim.log).toHaveLength(0);
    expect((await send(msg([4512345670]))).status).toBe(200);
  });

  it('proxyStatus: an HTML page with the status; 408 with acceptBeforeFail was accepted first', async () => {
    const { sim, send } = await setup();
    sim.faults.proxyStatus = { count: 1, status: 403 };
    const blocked = await send(msg([4512345670]));
    expect(blocked.status).toBe(403);
    expect(blocked.headers.get('content-type')).toBe('text/html');
    expect(blocked.text).toContain('<h1>403 Forbidden</h1>');
    expect(sim.log).toHaveLength(0);
    sim.faults.proxyStatus = { count: 1, status: 408, acceptBeforeFail: true };
    expect((await send(msg([4512345671]))).status).toBe(408);
    expect(sim.log.map((e) => e.msisdn)).toEqual(['4512345671']);
  });

  it('accountRefusal: 0x0212 is a 401, 0x0213 and 0x021D are 403s; nothing accepted', async () => {
    const { sim, send } = await setup();
    for (const [code, status] of [
      ['0x0212', 401],
      ['0x0213', 403],
      ['0x021D', 403],
    ] as const) {
      sim.faults.accountRefusal = { count: 1, code };
      const res = await send(msg([4512345670]));
      expect(res.status).toBe(status);
      expect(res.json.code).toBe(code);
    }
    expect(sim.log).toHaveLength(0);
  });

  it('echoToken: the token comes back in the code, message, variables and incident id', async () => {
    const { sim, send } = await setup({ token: 'canary-0123456789abcdef' });
    sim.faults.echoToken = { count: 1 };
    const res = await send(msg([4512345670]), { authorization: 'Token canary-0123456789abcdef' });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('canary-0123456789abcdef');
    expect(res.json.variables).toEqual(['canary-0123456789abcdef', 'canary-01234']);
  });

  it('dropOnReuse: the second request on a kept-alive connection is read, then the connection closes unanswered', async () => {
    const { sim } = await setup();
    sim.faults.dropOnReuse = { count: 1, accept: true };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (n: number) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          sim.url + '/rest/mtsms',
          { method: 'POST', agent, headers: { authorization: 'Token demo-token', 'content-type': 'application/json' } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(msg([n])));
      });
    try {
      expect(await post(4512345670)).toBe(200); // a fresh connection is never dropped
      await expect(post(4512345671)).rejects.toThrow(); // reused: accepted, then dropped
      expect(sim.log.map((e) => e.msisdn)).toEqual(['4512345670', '4512345671']);
      expect(sim.requests.map((r) => r.status)).toEqual([200, 0]);
    } finally {
      agent.destroy();
    }
  });

  it('startBlackhole: accepts TCP connections and never answers (a stalled TLS handshake)', async () => {
    const hole = await startBlackhole();
    try {
      const err = await fetch(hole.url, { signal: AbortSignal.timeout(300) }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(hole.connections).toBe(1);
      expect(hole.received()[0]).toBe(0x16); // a TLS handshake record: the request itself never left
    } finally {
      await hole.close();
    }
  });
});

describe('log, duplicates(), requests, reset()', () => {
  it('tracks msisdns accepted more than once across messages', async () => {
    const { sim, send, call } = await setup();
    await send(msg([4512345670, 4512345671]));
    await send(msg([4512345671, 4512345672]));
    await send(msg([4512345671, 4512345670]));
    expect(sim.log).toHaveLength(6);
    expect(sim.duplicates().sort()).toEqual(['4512345670', '4512345671']);
    await call('GET', '/rest/me?x=1');
    expect(sim.requests.at(-1)).toEqual({ method: 'GET', path: '/rest/me', status: 200 });

    sim.faults.latencyMs = 10;
    sim.reset();
    expect(sim.log).toHaveLength(0);
    expect(sim.duplicates()).toEqual([]);
    expect(sim.requests).toHaveLength(0);
    expect(sim.faults).toEqual({});
    expect(sim.getCredit()).toBe(1000 - 6 * 0.25); // credit is not part of reset
  });
});
