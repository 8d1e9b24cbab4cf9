import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { analyseImport, MAX_IMPORT_BYTES, REJECT_KINDS, type ImportInput } from './import';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const run = (bytes: Uint8Array, more: Partial<ImportInput> = {}) => analyseImport({ bytes, defaultCountry: 'DK', ...more });
const msisdns = (a: { accepted: { msisdn: string }[] }) => a.accepted.map((r) => r.msisdn);

async function importError(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('analyseImport: file formats', () => {
  it('an Excel "sep=;" first line names the delimiter and is not taken for the header', async () => {
    const bytes = new Uint8Array(Buffer.from('sep=;\r\nNavn;Mobil\r\nSøren, Ærø;20123456\r\nÅse;20123457\r\n', 'latin1'));
    const a = await run(bytes, { message: 'Hej %navn%' });
    expect(a).toMatchObject({ delimiter: ';', hasHeader: true, headers: ['Navn', 'Mobil'], phoneColumn: 1, nameColumn: 0 });
    expect(a.rejected).toEqual([]);
    expect(msisdns(a)).toEqual(['4520123456', '4520123457']);
    expect(a.accepted[0]).toMatchObject({ rowNo: 2, values: ['Søren, Ærø', '20123456'] });
    expect(a.merge.tags).toEqual(['%Navn%']);
  });

  it('Danish Excel file (Windows-1252, semicolons): letters intact, all number formats read', async () => {
    const a = await run(fixture('cp1252-danish.csv'));
    expect(a).toMatchObject({ encoding: 'windows-1252', delimiter: ';', hasHeader: true, phoneColumn: 1, nameColumn: 0, totalRows: 4 });
    expect(a.headers).toEqual(['Navn', 'Mobil', 'By', 'Beløb']);
    expect(msisdns(a)).toEqual(['4520123456', '4530123456', '4540123456', '4550123456']);
    expect(a.accepted[0].values).toEqual(['Søren Ærø', '20 12 34 56', 'København Ø', '12,50 €']);
    expect(a.accepted[2].values[0]).toBe('Bjørn “Bo” Æg');
    expect(a.rejected).toEqual([]);
  });

  it.each([
    ['utf8-bom.csv', 'utf-8-bom', ',', ['4520123456', '4915112345678', '46701234567'], 'Åsa Öberg'],
    ['utf16le.txt', 'utf-16le', '\t', ['4520123456', '4530123456'], 'Ærbødig Ågård'],
    ['utf16be.csv', 'utf-16be', ';', ['4915112345678', '491701234567'], 'Grüße'],
    ['tab.tsv', 'utf-8', '\t', ['4520123456', '4530123456'], 'Bo'],
    ['pipe.csv', 'utf-8', '|', ['4520123456', '4530123456', '4540123456'], 'Carl'],
  ])('%s', async (name, encoding, delimiter, numbers, lastName) => {
    const a = await run(fixture(name));
    expect(a.encoding).toBe(encoding);
    expect(a.delimiter).toBe(delimiter);
    expect(msisdns(a)).toEqual(numbers);
    expect(a.accepted.at(-1)!.values[a.nameColumn!]).toBe(lastName);
  });

  it('quoted cells with delimiters, quotes and line breaks; row numbers as a spreadsheet shows them', async () => {
    const a = await run(fixture('quoted-multiline.csv'));
    expect(a.accepted.map((r) => [r.rowNo, r.values[0], r.values[2]])).toEqual([
      [2, 'Hansen, Jens', 'He said "hi"'],
      [3, 'Olsen, Bo', 'line one\r\nline two, with comma'],
      [5, 'Carl', 'plain'],
    ]);
  });

  it('a file without a header row', async () => {
    const a = await run(fixture('no-header.csv'));
    expect(a).toMatchObject({ hasHeader: false, headers: ['Column 1', 'Column 2', 'Column 3'], phoneColumn: 1, nameColumn: 0 });
    expect(a.accepted.map((r) => [r.rowNo, r.msisdn])).toEqual([
      [1, '4520123456'],
      [2, '4530123456'],
      [3, '4540123456'],
    ]);
  });

  it('Google Contacts and Outlook exports', async () => {
    const g = await run(fixture('google-contacts.csv'));
    expect(g.headers[g.phoneColumn]).toBe('Phone 2 - Value');
    expect(msisdns(g)).toEqual(['4520123456', '4530123456', '4540123456']);
    const o = await run(fixture('outlook.csv'));
    expect(o.headers[o.phoneColumn]).toBe('Mobile Phone');
    expect(msisdns(o)).toEqual(['4520123456', '4530123456']);
    expect(o.rejected).toMatchObject([{ rowNo: 4, kind: 'missing_number' }]);
  });

  it('ragged rows: short rows kept short (not padded to the widest row), long rows kept whole', async () => {
    const a = await run(fixture('ragged.csv'));
    expect(a.headers).toEqual(['Name', 'Phone', 'City', 'Column 4', 'Column 5']);
    expect(a.accepted.map((r) => r.values)).toEqual([
      ['Anna', '20123456'],
      ['Bo', '30123456', 'Vejle', 'extra', 'more'],
      ['Dorte', '40123456', 'Ribe'],
    ]);
    expect(a.rejected).toMatchObject([{ rowNo: 4, kind: 'missing_number', raw: ['Carl'] }]);
  });

  it('numbers Excel wrote in scientific notation are reported as such', async () => {
    const a = await run(fixture('excel-scientific.csv'));
    expect(msisdns(a)).toEqual(['4520123456', '4530123456']);
    expect(a.rejected.map((r) => [r.rowNo, r.kind, r.detail])).toEqual([
      [2, 'invalid_number', 'excel_scientific'],
      [4, 'invalid_number', 'excel_scientific'],
    ]);
    expect(a.rejected[0].message).toMatch(/scientific notation \(4,5201E\+09\)/);
    expect(a.excelScientific).toBe(2);
  });

  it('returns the sha256 of the bytes', async () => {
    const bytes = fixture('pipe.csv');
    expect((await run(bytes)).fileHash).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('analyseImport: every kind of rejected row', () => {
  const file = utf8(
    [
      'Navn;Mobil;By',
      'Anna;20 12 34 56;Odense', // 2 accepted
      'Bo;;Vejle', // 3 missing_number
      'Carl;1234;Ribe', // 4 invalid_number
      'Dorte;+45 20123456;Køge', // 5 duplicate of row 2
      'Erik;30 12 34 56;Aarhus', // 6 suppressed
      ';40 12 34 56;Aalborg', // 7 missing_merge_value (Navn)
      'Frida;50 12 34 56;' + 'Ærø'.repeat(200), // 8 too_long
      'Gert;60 12 34 56;Hjørring', // 9 accepted
    ].join('\r\n'),
  );
  const input = {
    message: 'Hej %navn% i %by%',
    isSuppressed: (m: string) => m === '4530123456',
    maxParts: 3,
  };

  it('reports each row under its kind, with a reason, and keeps the rest', async () => {
    const a = await run(file, input);
    expect(a.accepted.map((r) => [r.rowNo, r.msisdn])).toEqual([
      [2, '4520123456'],
      [9, '4560123456'],
    ]);
    expect(a.rejected.map((r) => [r.rowNo, r.kind])).toEqual([
      [3, 'missing_number'],
      [4, 'invalid_number'],
      [5, 'duplicate'],
      [6, 'suppressed'],
      [7, 'missing_merge_value'],
      [8, 'too_long'],
    ]);
    const reason = (rowNo: number) => a.rejected.find((r) => r.rowNo === rowNo)!.message;
    expect(reason(4)).toMatch(/Too few digits for Denmark/);
    expect(reason(5)).toMatch(/Same number as row 2/);
    expect(reason(6)).toMatch(/suppression list/);
    expect(reason(7)).toMatch(/Empty "Navn".*%Navn%/);
    expect(reason(8)).toMatch(/4 SMS parts; the limit is 3/);
    expect(a.counts).toEqual(Object.fromEntries(REJECT_KINDS.map((k) => [k, 1])));
    expect(a.rejected[0].raw).toEqual(['Bo', '', 'Vejle']);
    expect(a.merge).toMatchObject({ tags: ['%Navn%', '%By%'], rewritten: 'Hej %Navn% i %By%' });
  });

  it('keeps a later duplicate when the first occurrence was rejected for its own reason', async () => {
    const a = await run(utf8('Navn;Mobil\n;20123456\nAnna;+4520123456\n'), { message: 'Hej %navn%' });
    expect(a.accepted.map((r) => r.rowNo)).toEqual([3]);
    expect(a.rejected.map((r) => r.kind)).toEqual(['missing_merge_value']);
  });

  it('counts parts per recipient: one non-GSM name makes only that message UCS-2', async () => {
    const a = await run(utf8('Navn;Mobil\nSøren;20123456\nĜorĝo;30123456\n'), { message: 'Hej %navn%' });
    expect(a.accepted.map((r) => [r.encoding, r.parts])).toEqual([
      ['GSM7', 1],
      ['UCS2', 1],
    ]);
  });

  it('applies the part limit to a message without merge fields too', async () => {
    const a = await run(utf8('Mobil\n20123456\n30123456\n'), { message: 'x'.repeat(400), maxParts: 2 });
    expect(a.accepted).toEqual([]);
    expect(a.counts.too_long).toBe(2);
    const b = await run(utf8('Mobil\n20123456\n'), { message: 'x'.repeat(400) });
    expect(b.accepted).toMatchObject([{ encoding: 'GSM7', parts: 3 }]);
  });

  it('without a message every row is 0 parts and no merge check runs', async () => {
    const a = await run(utf8('Navn;Mobil\n;20123456\n'));
    expect(a.accepted).toMatchObject([{ parts: 0, encoding: 'GSM7' }]);
    expect(a.merge).toEqual({ tags: [], columns: [], rewritten: '', unknown: [] });
  });
});

describe('analyseImport: the user overrides the mapping', () => {
  it('takes the phone column and header setting it is given', async () => {
    const bytes = utf8('Ref;Tlf;Kontakt\n20123456;30123456;Anna\n');
    const guessed = await run(bytes);
    expect(guessed.hasHeader).toBe(true);
    const a = await run(bytes, { mapping: { hasHeader: false, phoneColumn: 0 } });
    expect(a.hasHeader).toBe(false);
    expect(a.accepted.map((r) => [r.rowNo, r.msisdn])).toEqual([[2, '4520123456']]);
    expect(a.rejected).toMatchObject([{ rowNo: 1, kind: 'invalid_number' }]); // "Ref"
  });

  it('refuses a column that does not exist', async () => {
    const e = await importError(run(utf8('Navn;Mobil\nA;20123456\n'), { mapping: { phoneColumn: 5 } }));
    expect(e.code).toBe('bad_mapping');
  });
});

describe('analyseImport: files refused as a whole', () => {
  it.each([
    ['empty.csv', 'empty', /empty/],
    ['header-only.csv', 'header_only', /header row \(Navn, Mobil, By\) but no contacts/],
    ['binary.png', 'binary', /not a text \(CSV\) file/],
    ['no-phone.csv', 'no_phone_column', /No column in this file looks like phone numbers \(columns: Name, City, Age\)/],
  ])('%s', async (name, code, message) => {
    const e = await importError(run(fixture(name)));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('offers the columns when none looks like phone numbers, so the user can pick one', async () => {
    const e = await importError(run(fixture('no-phone.csv')));
    expect(e.headers).toEqual(['Name', 'City', 'Age']);
  });

  it('a file of blank lines is empty', async () => {
    expect((await importError(run(utf8('\r\n\r\n;;\r\n')))).code).toBe('empty');
    expect((await importError(run(utf8('\ufeff')))).code).toBe('empty');
  });

  it(`a file over ${MAX_IMPORT_BYTES / 1048576} MB, saying the limit`, async () => {
    const e = await importError(run(new Uint8Array(MAX_IMPORT_BYTES + 1)));
    expect(e.code).toBe('too_large');
    expect(e.message).toContain(`up to ${MAX_IMPORT_BYTES / 1048576} MB`);
  });

  it('an unknown default country', async () => {
    expect((await importError(analyseImport({ bytes: utf8('Mobil\n20123456\n'), defaultCountry: 'XX' }))).code).toBe('bad_country');
  });
});

describe('analyseImport: large files', () => {
  const big = (() => {
    const lines = ['Navn;Mobil'];
    for (let i = 0; i < 10000; i++) lines.push(`Navn ${i};${20000000 + i * 7}`);
    return utf8(lines.join('\n'));
  })();

  it('reports progress and lets the event loop run between chunks', async () => {
    const progress: [number, number, string][] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const a = await run(big, { onProgress: (d, t, phase) => progress.push([d, t, phase]) });
    clearInterval(timer);
    expect(a.totalRows).toBe(10000);
    const checking = progress.filter((p) => p[2] === 'checking');
    expect(checking.map((p) => p[0])).toEqual([2000, 4000, 6000, 8000, 10000]);
    expect(checking.every((p) => p[1] === 10000)).toBe(true);
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops with the abort reason when cancelled', async () => {
    const controller = new AbortController();
    const p = run(big, {
      signal: controller.signal,
      onProgress: (done, _total, phase) => {
        if (phase === 'checking' && done >= 4000) controller.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});
