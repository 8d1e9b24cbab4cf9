import { describe, expect, it } from 'vitest';
import { GatewayError, redactSecret, scrubSecret } from './errors';

const TOKEN = 'gw_live_4f9c2a7e1b3d8c6a';

describe('scrubSecret', () => {
  it.each([
    [`Token ${TOKEN}`, 'Token [redacted]'],
    [`cut: ${TOKEN.slice(0, 12)}…`, 'cut: [redacted]…'],
    [`tail ${TOKEN.slice(-8)} end`, 'tail [redacted] end'],
    [`${TOKEN.slice(2, 10)}${TOKEN.slice(14, 22)}`, '[redacted]'], // two pieces side by side
    [`short ${TOKEN.slice(0, 7)} stays`, `short ${TOKEN.slice(0, 7)} stays`], // 7 characters prove nothing
    ['nothing here', 'nothing here'],
  ])('%j → %j', (text, clean) => {
    expect(scrubSecret(text, TOKEN)).toBe(clean);
  });

  it('a token shorter than 8 characters is scrubbed whole only', () => {
    expect(scrubSecret('abc12 and abc12x', 'abc12')).toBe('[redacted] and [redacted]x');
  });
});

describe('redactSecret', () => {
  it('scrubs every field, code and country included, and the stack', () => {
    const piece = TOKEN.slice(5, 17);
    const e = new GatewayError({
      kind: 'country',
      message: `m ${piece}`,
      httpStatus: 403,
      code: piece,
      variables: [piece, 'SE'],
      body: `{"x":"${TOKEN}"}`,
      retryAfterMs: null,
      cause: piece,
      incidentUuid: piece,
      country: piece,
    });
    const clean = redactSecret(e, TOKEN);
    const json = JSON.stringify(clean);
    for (let i = 0; i + 8 <= TOKEN.length; i++) {
      expect(json).not.toContain(TOKEN.slice(i, i + 8));
      expect(clean.stack ?? '').not.toContain(TOKEN.slice(i, i + 8));
    }
    expect(clean).toMatchObject({
      kind: 'country',
      httpStatus: 403,
      code: '[redacted]',
      variables: ['[redacted]', 'SE'],
      country: '[redacted]',
    });
  });

  it('returns the same error when there is nothing to scrub', () => {
    const e = new GatewayError({
      kind: 'transient',
      message: 'x',
      httpStatus: null,
      code: null,
      variables: [],
      body: null,
      retryAfterMs: null,
    });
    expect(redactSecret(e, TOKEN)).toBe(e);
  });
});
