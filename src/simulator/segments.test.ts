import { describe, expect, it } from 'vitest';
import { countParts, isGsm7 } from './segments';
import { compileTemplate } from './tags';
import { countryOf } from './countries';
import { finalReportFor, finalStatusFor } from './statuses';

describe('countParts', () => {
  it('GSM-7: 160 characters in one part, then 153 per part', () => {
    expect(countParts('a'.repeat(160), 'UTF8').parts).toBe(1);
    expect(countParts('a'.repeat(161), 'UTF8').parts).toBe(2);
    expect(countParts('a'.repeat(306), 'UTF8').parts).toBe(2);
    expect(countParts('a'.repeat(307), 'UTF8').parts).toBe(3);
  });

  it('GSM-7 extension characters count double and are not split across parts', () => {
    expect(countParts('€'.repeat(80), 'UTF8').parts).toBe(1);
    expect(countParts('€'.repeat(81), 'UTF8').parts).toBe(2);
    // 152 septets then an escape pair: it cannot straddle the 153 boundary, so it starts part 2.
    expect(countParts('a'.repeat(152) + '{' + 'a'.repeat(10), 'UTF8').parts).toBe(2);
    expect(countParts('a'.repeat(152) + '{' + 'a'.repeat(152), 'UTF8').parts).toBe(3);
  });

  it('UCS-2: 70 code units in one part, then 67; emoji are never split', () => {
    expect(countParts('ж'.repeat(70), 'UCS2').parts).toBe(1);
    expect(countParts('ж'.repeat(71), 'UCS2').parts).toBe(2);
    expect(countParts('ж'.repeat(134), 'UCS2').parts).toBe(2);
    expect(countParts('ж'.repeat(135), 'UCS2').parts).toBe(3);
    expect(countParts('😀'.repeat(35), 'UCS2').parts).toBe(1); // 70 code units
    expect(countParts('ж' + '😀'.repeat(35), 'UCS2').parts).toBe(2); // 66 + pair straddles 67
    expect(countParts('ж' + '😀'.repeat(34), 'UCS2').parts).toBe(1);
  });

  it('flags UTF8 text holding characters outside GSM-7 as lossy', () => {
    expect(countParts('Hej Åse, 50€', 'UTF8').lossy).toBe(false);
    expect(countParts('Привет', 'UTF8').lossy).toBe(true);
    expect(isGsm7('æøå ÆØÅ {}')).toBe(true);
    expect(isGsm7('ç')).toBe(false); // only the capital Ç is in GSM-7
  });
});

describe('compileTemplate', () => {
  it('replaces every occurrence literally, longest tag first', () => {
    const r = compileTemplate('Hi %name%, %name%2 owes %amount%', ['%name%', '%name%2', '%amount%']);
    expect(r(['Anna', 'Bo', '$5'])).toBe('Hi Anna, Bo owes $5');
    expect(compileTemplate('no tags here', ['%x%'])(['y'])).toBe('no tags here');
    expect(compileTemplate('$1 and $&', ['$1'])(['$&'])).toBe('$& and $&'); // no regex semantics
  });
});

describe('countryOf / finalStatusFor', () => {
  it('maps calling codes to ISO countries, unknown to XX', () => {
    expect(countryOf('4512345678').iso).toBe('DK');
    expect(countryOf('3581234567').iso).toBe('FI');
    expect(countryOf('3541234567').iso).toBe('IS');
    expect(countryOf('12025550123').iso).toBe('US');
    expect(countryOf('8612345678').iso).toBe('XX');
  });

  it('decides the final status by the last digit', () => {
    expect(['4512345670', '4512345676'].map(finalStatusFor)).toEqual(['DELIVERED', 'DELIVERED']);
    expect(finalStatusFor('4512345677')).toBe('UNDELIVERABLE');
    expect(finalStatusFor(4512345678)).toBe('EXPIRED');
    expect(finalStatusFor('4512345679')).toBe('REJECTED');
    expect(finalReportFor('4512345677').error).toBe('Absent subscriber');
  });
});
