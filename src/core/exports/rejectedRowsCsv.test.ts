import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { analyseImport } from '../importing/import';
import { rejectedRowsCsv } from './rejectedRowsCsv';
import { csvSafeCell } from './safeCsv';
import { HOSTILE, formulaCells } from './formulaCheck';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('csvSafeCell', () => {
  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const v of ['=HYPERLINK("http://x")', '+45 20 12 34 56', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvSafeCell(v)).toBe(`'${v}`);
    }
    for (const v of ['Anna', '20 12 34 56', '', "'already", 'a; b', 'Hansen, Jens']) expect(csvSafeCell(v)).toBe(v);
  });
  it('defuses a formula character after a separator or line break inside the cell', () => {
    expect(csvSafeCell('Hansen;=WEBSERVICE(x)')).toBe("Hansen;'=WEBSERVICE(x)");
    expect(csvSafeCell('a,  +1')).toBe("a,  '+1");
    expect(csvSafeCell('x\n@y')).toBe("x\n'@y");
  });
  it('defuses a formula after leading whitespace of any kind, and after tab or | (OWASP CSV injection)', () => {
    expect(csvSafeCell(' =1+1')).toBe(" '=1+1");
    expect(csvSafeCell('\u00a0=HYPERLINK("x")')).toBe('\u00a0\'=HYPERLINK("x")');
    expect(csvSafeCell('\u3000@SUM(A1)')).toBe("\u3000'@SUM(A1)");
    expect(csvSafeCell('a\t=1')).toBe("a\t'=1");
    expect(csvSafeCell('a| +1')).toBe("a| '+1");
    expect(csvSafeCell('Anna Hansen')).toBe('Anna Hansen');
  });
});

describe('rejectedRowsCsv', () => {
  const file = utf8('Navn;Mobil;Note\r\nSøren;1234;"a; b"\r\n=cmd|calc;;x\r\nAnna;20123456;ok\r\n');

  it("writes row, reason and the original cells, UTF-8 with BOM, in the file's own delimiter, text quoted", async () => {
    const a = await analyseImport({ bytes: file, defaultCountry: 'DK' });
    const csv = await rejectedRowsCsv(a);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('"Row";"Reason";"Navn";"Mobil";"Note"');
    expect(lines[1]).toBe('2;"Too few digits for Denmark (+45)";"Søren";"1234";"a; b"');
    expect(lines[2]).toBe(`3;"No phone number in this row";"'=cmd|calc";"";"x"`);
    expect(lines).toHaveLength(4); // two rows, then the final line break
  });

  it('can be imported again after fixing, apostrophes and all', async () => {
    const a = await analyseImport({ bytes: utf8('Navn;Mobil\nAnna;+45 20 12 34 5\n'), defaultCountry: 'DK' });
    const csv = (await rejectedRowsCsv(a)).replace('+45 20 12 34 5"', '+45 20 12 34 56"'); // the user's fix
    expect(csv).toContain("'+45 20 12 34 56");
    const again = await analyseImport({ bytes: utf8(csv), defaultCountry: 'DK' });
    expect(again.accepted.map((r) => r.msisdn)).toEqual(['4520123456']);
    expect(again.headers[again.phoneColumn]).toBe('Mobil');
  });

  it('uses another delimiter when asked', async () => {
    const a = await analyseImport({ bytes: file, defaultCountry: 'DK' });
    expect((await rejectedRowsCsv(a, { delimiter: ',' })).split('\r\n')[0]).toBe('\ufeff"Row","Reason","Navn","Mobil","Note"');
    // In the window's language: a Danish user's Excel shows Danish headings and reasons.
    const da = (await rejectedRowsCsv(a, { lang: 'da' })).split('\r\n');
    expect(da[0]).toBe('\ufeff"Række";"Årsag";"Navn";"Mobil";"Note"');
  });

  it('no cell starts a formula when read back split on "," or on ";", quotes honoured or not', async () => {
    const body = HOSTILE.map((v) => `"${v.replace(/"/g, '""')}";12;"${v.replace(/"/g, '""')}"`).join('\r\n');
    const a = await analyseImport({ bytes: utf8(`Name;Phone;=Header\r\n${body}\r\n`), defaultCountry: 'DK', mapping: { phoneColumn: 1 } });
    expect(a.rejected).toHaveLength(HOSTILE.length);
    for (const delimiter of [',', ';'] as const) {
      const csv = await rejectedRowsCsv(a, { delimiter });
      expect(formulaCells(csv)).toEqual([]);
      // The old writer (bare cells, prefix only at the start) fails this same check.
      const old = Papa.unparse(
        a.rejected.map((r) => r.raw.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c))),
        { delimiter },
      );
      expect(formulaCells(old).length).toBeGreaterThan(0);
      // Nothing lost: a spreadsheet reading it back sees every cell, neutralised only by apostrophes.
      const back = Papa.parse<string[]>(csv.slice(1), { delimiter, newline: '\r\n' }).data;
      expect(back[1][2].replace(/'/g, '')).toBe(HOSTILE[0].replace(/'/g, ''));
    }
  });
});
