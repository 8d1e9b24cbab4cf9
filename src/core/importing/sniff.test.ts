import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { decodeCsvBytes, decodeWindows1252, sniffDelimiter } from './sniff';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

describe('decodeCsvBytes', () => {
  // The app's preview decodes first: without this an empty file was reported as
  // "No column in this file looks like phone numbers (columns: )".
  it.each([
    ['an empty file', new Uint8Array(0)],
    ['a UTF-8 BOM and nothing else', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['blank lines only', new TextEncoder().encode('\r\n  \r\n\t\n')],
    ['a UTF-16 BOM and nothing else', new Uint8Array([0xff, 0xfe])],
  ])('says the file is empty for %s', (_what, bytes) => {
    let err: unknown;
    try {
      decodeCsvBytes(bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('empty');
    expect((err as ImportError).message).toMatch(/empty/);
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const { text, encoding } = decodeCsvBytes(fixture('utf8-bom.csv'));
    expect(encoding).toBe('utf-8-bom');
    expect(text.startsWith('Name,Phone')).toBe(true);
    expect(text).toContain('Søren Æbelø');
    expect(text).toContain('Åsa Öberg,+46 70 123 45 67,Malmö');
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = decodeCsvBytes(fixture('utf16le.txt'));
    expect(le.encoding).toBe('utf-16le');
    expect(le.text.startsWith('Navn\tMobil')).toBe(true);
    expect(le.text).toContain('Ærbødig Ågård\t30 12 34 56\tØster Ulslev');
    const be = decodeCsvBytes(fixture('utf16be.csv'));
    expect(be.encoding).toBe('utf-16be');
    expect(be.text).toContain('Grüße;0049 170 1234567;Düsseldorf');
  });

  it('reads UTF-16 saved without a BOM instead of calling it binary', () => {
    const bytes = new Uint8Array(Buffer.from('Navn;Mobil\r\nSøren;20123456\r\n', 'utf16le'));
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'Navn;Mobil\r\nSøren;20123456\r\n', encoding: 'utf-16le' });
  });

  it('reads a Danish Excel file as Windows-1252, € and curly quotes included', () => {
    const { text, encoding } = decodeCsvBytes(fixture('cp1252-danish.csv'));
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('Søren Ærø;20 12 34 56;København Ø;12,50 €');
    expect(text).toContain('Bjørn “Bo” Æg');
    expect(text).not.toMatch(/[\u0080-\u009f]/);
  });

  it('maps all 32 Windows-1252 bytes 0x80–0x9F as the WHATWG table does', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const text = decodeWindows1252(bytes);
    expect(text).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ');
    expect(decodeWindows1252(Uint8Array.from([0x61, 0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5]))).toBe('aæøåÆØÅ');
  });

  it('calls plain ASCII utf-8', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('a,b\n1,2\n')).encoding).toBe('utf-8');
  });

  it('refuses binary files with a clear message', () => {
    expect(() => decodeCsvBytes(fixture('binary.png'))).toThrow(ImportError);
    try {
      decodeCsvBytes(fixture('binary.png'));
    } catch (e) {
      expect((e as ImportError).code).toBe('binary');
      expect((e as ImportError).message).toMatch(/not a text \(CSV\) file/);
    }
    // One NUL is enough.
    expect(() => decodeCsvBytes(new TextEncoder().encode('Navn;Mobil\nA\u0000;1\n'))).toThrow(/binary/);
  });

  it('tells the user to save a workbook as CSV', () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(() => decodeCsvBytes(xlsx)).toThrow(/Save As.*CSV/);
  });
});

describe('sniffDelimiter', () => {
  it.each([
    ['comma', 'Name,Phone\nAnna,20123456\nBo,30123456\n', ','],
    ['semicolon', 'Navn;Mobil\nAnna;20123456\nBo;30123456\n', ';'],
    ['tab', 'Name\tPhone\nAnna\t20123456\n', '\t'],
    ['pipe', 'name|phone\nA|1\nB|2\n', '|'],
    ['semicolon with decimal commas', 'Navn;Mobil;Beløb\nAnna;20123456;12,50\nBo;30123456;7,25\n', ';'],
    ['semicolon with quoted commas', 'Name;Phone\n"Hansen, Jens";20123456\n"Olsen, Bo";30123456\n', ';'],
    ['tab with unquoted commas in names', 'Name\tPhone\nHansen, Jens\t20123456\nOlsen, Bo\t30123456\n', '\t'],
    ['comma with a quoted line break', 'a,b,c\n"x\ny;z;w",1,2\n3,4,5\n', ','],
    ['ragged comma rows', 'a,b,c,d\n1,2\n3,4,5\n6\n7,8,9,10\n', ','],
    ['one column of numbers', 'Mobil\n+45 20 12 34 56\n+45 30 12 34 56\n', ','],
  ])('%s', (_name, text, expected) => {
    expect(sniffDelimiter(text)).toBe(expected);
  });
});
