import { describe, expect, it } from 'vitest';
import { analyseImport } from './import';
import { csvSafeCell, rejectedRowsCsv } from './report';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('csvSafeCell', () => {
  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const v of ['=HYPERLINK("http://x")', '+45 20 12 34 56', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvSafeCell(v)).toBe(`'${v}`);
    }
    for (const v of ['Anna', '20 12 34 56', '', "'already"]) expect(csvSafeCell(v)).toBe(v);
  });
});

describe('rejectedRowsCsv', () => {
  const file = utf8('Navn;Mobil;Note\r\nSøren;1234;"a; b"\r\n=cmd|calc;;x\r\nAnna;20123456;ok\r\n');

  it('writes row, reason and the original cells, UTF-8 with BOM, in the file\'s own delimiter', async () => {
    const a = await analyseImport({ bytes: file, defaultCountry: 'DK' });
    const csv = rejectedRowsCsv(a);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('row;reason;Navn;Mobil;Note');
    expect(lines[1]).toBe('2;Too few digits for Denmark (+45);Søren;1234;"a; b"');
    expect(lines[2]).toBe("3;No phone number in this row;'=cmd|calc;;x");
    expect(lines).toHaveLength(4); // two rows, then the final line break
  });

  it('can be imported again after fixing, apostrophes and all', async () => {
    const a = await analyseImport({ bytes: utf8('Navn;Mobil\nAnna;+45 20 12 34 5\n'), defaultCountry: 'DK' });
    const csv = rejectedRowsCsv(a).replace('+45 20 12 34 5\r\n', '+45 20 12 34 56\r\n'); // the user's fix
    expect(csv).toContain("'+45 20 12 34 56");
    const again = await analyseImport({ bytes: utf8(csv), defaultCountry: 'DK' });
    expect(again.accepted.map((r) => r.msisdn)).toEqual(['4520123456']);
    expect(again.headers[again.phoneColumn]).toBe('Mobil');
  });

  it('uses another delimiter when asked', async () => {
    const a = await analyseImport({ bytes: file, defaultCountry: 'DK' });
    expect(rejectedRowsCsv(a, { delimiter: ',' }).split('\r\n')[0]).toBe('\ufeffrow,reason,Navn,Mobil,Note');
  });
});
