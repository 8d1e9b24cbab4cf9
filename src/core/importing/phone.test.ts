import { describe, expect, it } from 'vitest';
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';
import { isCountryCode, normaliseMsisdn } from './phone';

const ok = (msisdn: string, country: string) => ({ ok: true, msisdn, country });

describe('normaliseMsisdn', () => {
  it.each([
    '20 12 34 56',
    '20123456',
    '+45 20123456',
    '+4520123456',
    '0045 20 12 34 56',
    '(0) 20-12-34-56',
    '4520123456',
    '+45 (0) 20 12 34 56',
    '20.12.34.56',
    '20\u00a012\u00a034\u00a056',
    "'+45 20 12 34 56", // Excel's text marker, and our report's formula guard
    ' 20 12 34 56 ',
  ])('reads %j as 4520123456 with DK as default', (raw) => {
    expect(normaliseMsisdn(raw, 'DK')).toEqual(ok('4520123456', 'DK'));
  });

  it('uses the default country only for numbers without a country code', () => {
    expect(normaliseMsisdn('+46 70 123 45 67', 'DK')).toEqual(ok('46701234567', 'SE'));
    expect(normaliseMsisdn('070-123 45 67', 'SE')).toEqual(ok('46701234567', 'SE'));
    expect(normaliseMsisdn('0171 1234567', 'DE')).toEqual(ok('491711234567', 'DE'));
    expect(normaliseMsisdn('+49 (0)171 1234567', 'DK')).toEqual(ok('491711234567', 'DE'));
    expect(normaliseMsisdn('+49 0171 1234567', 'DK')).toEqual(ok('491711234567', 'DE'));
    expect(normaliseMsisdn('912 34 567', 'NO')).toEqual(ok('4791234567', 'NO'));
  });

  it('reads a long digit string with a foreign country code but no + as international', () => {
    expect(normaliseMsisdn('4915112345678', 'DK')).toEqual(ok('4915112345678', 'DE'));
    expect(normaliseMsisdn('46701234567', 'DK')).toEqual(ok('46701234567', 'SE'));
  });

  it('takes the first valid number of a Google Contacts " ::: " cell', () => {
    expect(normaliseMsisdn('1234 ::: +45 30 12 34 56', 'DK')).toEqual(ok('4530123456', 'DK'));
  });

  it('reports an empty cell as missing', () => {
    expect(normaliseMsisdn('', 'DK')).toMatchObject({ ok: false, reason: 'missing' });
    expect(normaliseMsisdn('   ', 'DK')).toMatchObject({ ok: false, reason: 'missing' });
  });

  it.each(['4.5201E+09', '4,5201E+09', '4.52012E+9', '4,52E+10'])('recognises %s as Excel scientific notation', (raw) => {
    const r = normaliseMsisdn(raw, 'DK');
    expect(r).toMatchObject({ ok: false, reason: 'excel_scientific' });
    expect(r.ok === false && r.message).toMatch(/Excel.*scientific notation.*Format the column as Text/);
  });

  it.each([
    ['1234', /Too few digits for Denmark \(\+45\)/],
    ['20 12 34 567', /Too many digits for Denmark/],
    ['10 12 34 56', /No such number for Denmark/], // 8 digits, but no Danish number starts with 1
    ['+999 1234567', /Unknown country code/],
    ['ring mig', /Not a phone number/],
    ['20123456 (mobil)', /Not a phone number/],
    ['+45 123', /Too few digits for Denmark \(\+45\)/],
    ['+1 212 555', /Too few digits for \+1 numbers/],
  ])('rejects %j with the reason', (raw, message) => {
    const r = normaliseMsisdn(raw, 'DK');
    expect(r).toMatchObject({ ok: false, reason: 'invalid' });
    expect(r.ok === false && r.message).toMatch(message);
  });

  it('never accepts a number libphonenumber calls invalid (fast path vs libphonenumber alone)', () => {
    // Random digits in the formats people type, for countries with and without a trunk prefix and
    // with shared calling codes; the fast path must agree with libphonenumber on every one.
    const countries: CountryCode[] = ['DK', 'SE', 'DE', 'NO', 'FI', 'GB', 'US', 'NL', 'PL', 'IT', 'FR', 'CH', 'AT', 'ES', 'AR', 'BR', 'MX'];
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
    let checked = 0;
    let valid = 0;
    for (const country of countries) {
      const cc = getCountryCallingCode(country, maxMetadata);
      for (let i = 0; i < 600; i++) {
        const len = 6 + Math.floor(rand() * 7);
        const national = (rand() < 0.3 ? '0' : '') + digits(len);
        const f = rand();
        const raw =
          f < 0.25
            ? national
            : f < 0.45
              ? `+${cc} ${national}`
              : f < 0.6
                ? `00${cc}${national}`
                : f < 0.75
                  ? `${cc}${national}`
                  : f < 0.9
                    ? national.replace(/(\d\d)(?=\d)/g, '$1 ')
                    : `+${cc} (0) ${national}`;
        for (const dflt of [country, 'DK' as CountryCode]) {
          const fast = normaliseMsisdn(raw, dflt);
          expect(fast, `${raw} with default ${dflt}`).toEqual(normaliseMsisdn(raw, dflt, { fastPath: false }));
          checked++;
          if (fast.ok) valid++;
        }
      }
    }
    expect(checked).toBe(countries.length * 1200);
    expect(valid).toBeGreaterThan(checked * 0.15); // the sample holds plenty of valid numbers too
  });
});

describe('isCountryCode', () => {
  it('knows ISO codes the metadata covers', () => {
    expect(isCountryCode('DK')).toBe(true);
    expect(isCountryCode('dk')).toBe(false);
    expect(isCountryCode('XX')).toBe(false);
  });
});
