import { describe, expect, it } from 'vitest';
import { GatewayError } from '../gateway/errors';
import { REDACTED, Redactor, redactingClient } from './redact';

const TOKEN = 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z';
const r = new Redactor();
r.remember(TOKEN);

describe('Redactor', () => {
  it('removes the whole token and any piece of 8+ characters, wherever it is cut', () => {
    expect(r.text(`Token ${TOKEN}!`)).toBe(`Token ${REDACTED}!`);
    for (let start = 0; start + 8 <= TOKEN.length; start += 5) {
      for (const len of [8, 9, 13, 20]) {
        const piece = TOKEN.slice(start, start + len);
        if (piece.length < 8) continue;
        expect(r.text(`x ${piece} y`)).toBe(`x ${REDACTED} y`);
        expect(r.text(`${piece}`)).toBe(REDACTED);
      }
    }
    expect(r.text(`${TOKEN.slice(0, 12)}…${TOKEN.slice(-9)}`)).toBe(`${REDACTED}…${REDACTED}`);
  });
  it('leaves 7-character pieces and ordinary text alone', () => {
    expect(r.text(TOKEN.slice(3, 10))).toBe(TOKEN.slice(3, 10));
    expect(r.text('Insufficient credit on the account (0x0216)')).toBe('Insufficient credit on the account (0x0216)');
  });
  it('works for a token with non-ASCII characters too', () => {
    const x = new Redactor();
    x.remember('ææææøøøøåååå1234');
    expect(x.text('a øøøøåååå b')).toBe(`a ${REDACTED} b`);
  });
  it('rebuilds errors with their class and every field cleaned; objects and arrays deep', () => {
    const e = new GatewayError({
      kind: 'rejected',
      message: `echo ${TOKEN}`,
      httpStatus: 400,
      code: `0x0220${TOKEN.slice(0, 10)}`,
      variables: [TOKEN.slice(5)],
      body: `{"h":"Token ${TOKEN.slice(1, 30)}"}`,
      retryAfterMs: null,
      cause: null,
      incidentUuid: TOKEN.slice(2, 12),
    });
    const clean = r.deep(e);
    expect(clean).toBeInstanceOf(GatewayError);
    expect(JSON.stringify(clean)).not.toContain(TOKEN.slice(10, 18));
    expect(clean).toMatchObject({ kind: 'rejected', httpStatus: 400, code: `0x0220${REDACTED}`, message: `echo ${REDACTED}` });
    expect(clean.stack ?? '').not.toContain(TOKEN.slice(0, 8));
    const plain = { a: [1, { b: TOKEN }], c: 'ok' };
    expect(r.deep(plain)).toEqual({ a: [1, { b: REDACTED }], c: 'ok' });
    expect(plain.a[1]).toEqual({ b: TOKEN }); // the original is not changed
    const untouched = { a: ['x'] };
    expect(r.deep(untouched)).toBe(untouched);
  });
  it('a client wrapped in it cleans answers and errors', async () => {
    const client = redactingClient(
      {
        async status() {
          return [{ recipients: [{ dsnerror: `header ${TOKEN}` }] }];
        },
        async send(): Promise<never> {
          throw new GatewayError({
            kind: 'auth',
            message: TOKEN,
            httpStatus: 401,
            code: null,
            variables: [],
            body: null,
            retryAfterMs: null,
          });
        },
      },
      r,
    );
    expect(await client.status()).toEqual([{ recipients: [{ dsnerror: `header ${REDACTED}` }] }]);
    await expect(client.send()).rejects.toMatchObject({ message: REDACTED, kind: 'auth' });
  });
  it('cleans an 8 MB export in slices, letting the event loop turn between them', async () => {
    const line = '"12","4520123456","Søren Østergård","submitted","DELIVERED","2026-11-30T12:00:00.000Z","","",1\r\n';
    const text = line.repeat(Math.ceil((8 << 20) / line.length));
    const withToken = text + `"${TOKEN.slice(3, 15)}"`;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const t0 = performance.now();
    const out = await r.deepAsync({ csv: withToken, n: 1 });
    clearInterval(timer);
    expect(out.csv).toBe(text + `"${REDACTED}"`);
    expect(ticks).toBeGreaterThan(3);
    expect(performance.now() - t0).toBeLessThan(10_000); // linear: ~100 ms on an idle machine
  });
});
