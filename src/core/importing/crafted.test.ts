// Hostile files: each is refused (or read) quickly, with a message naming the row and column, and
// without multiplying memory.
import { describe, expect, it } from 'vitest';
import { analyseImport } from './import';
import { ImportError } from './errors';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_IMPORT_BYTES } from './limits';
import { ImportSessions } from './sessions';
import { importSuppressionFile } from './suppressionFile';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(p: Promise<unknown>): Promise<ImportError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

describe('crafted CSV files', () => {
  it('20,000 header cells are refused by the column limit, quickly', async () => {
    const file = utf8(`${Array(20_000).fill('x').join(';')}\n${Array(20_000).fill('20123456').join(';')}\n`);
    const t0 = performance.now();
    const e = await refusal(analyseImport({ bytes: file, defaultCountry: 'DK' }));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(e.code).toBe('too_wide');
    expect(e.message).toMatch(/^Row 1 has 20,000 columns; a file may have at most 1,000/);
  });

  it(`${MAX_COLUMNS} duplicate header cells are read in linear time and named uniquely`, async () => {
    const file = utf8(
      `Mobil;${Array(MAX_COLUMNS - 1)
        .fill('x')
        .join(';')}\n20123456\n30123456;a\n`,
    );
    const t0 = performance.now();
    const a = await analyseImport({ bytes: file, defaultCountry: 'DK' });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(a.headers).toHaveLength(MAX_COLUMNS);
    expect(a.headers.at(-1)).toBe(`x (${MAX_COLUMNS - 1})`);
    expect(a.accepted).toHaveLength(2);
  });

  it('a cell over the limit is refused naming its row and column', async () => {
    const big = 'a'.repeat(MAX_CELL_CHARS + 1);
    const e = await refusal(analyseImport({ bytes: utf8(`Navn;Mobil;Note\nA;20123456;ok\nB;30123456;${big}\n`), defaultCountry: 'DK' }));
    expect(e.code).toBe('too_wide');
    expect(e.message).toMatch(/^Row 3, column 3 holds 40,001 characters; a cell may hold at most 40,000/);
  });

  it('an unclosed quote that swallows megabytes is refused at once, naming the row (no re-parsing per chunk)', async () => {
    const rows = ['Navn;Mobil', 'A;20123456', '"B;30123456'];
    for (let i = 0; i < 200_000; i++) rows.push(`C${i};${40000000 + i}`);
    const text = rows.join('\n');
    const t0 = performance.now();
    const e = await refusal(analyseImport({ bytes: utf8(text), defaultCountry: 'DK' }));
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(e.message).toMatch(/^Row 3 (is longer than 1 MB|opens a quote)/);
  });

  it('one very wide row does not make every short row as wide (memory stays proportional to the file)', async () => {
    const lines = [
      `Mobil;${Array(MAX_COLUMNS - 1)
        .fill('')
        .join(';')}`,
    ];
    for (let i = 0; i < 50_000; i++) lines.push(String(20100000 + i));
    const a = await analyseImport({ bytes: utf8(lines.join('\n')), defaultCountry: 'DK' });
    expect(a.accepted.length).toBe(50_000);
    // Each accepted row holds its own cells only: 1, not 1,000.
    expect(Math.max(...a.accepted.map((r) => r.values.length))).toBe(1);
  });

  it('preview, analysis and suppression files give the same "too large" message', async () => {
    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1);
    const messages = [
      (await refusal(new ImportSessions().preview('big.csv', huge, () => null))).message,
      (await refusal(analyseImport({ bytes: huge, fileName: 'big.csv', defaultCountry: 'DK' }))).message,
      (await refusal(importSuppressionFile(huge, 'big.csv', 'DK', () => 0))).message,
    ];
    expect(new Set(messages).size).toBe(1);
    expect(messages[0]).toMatch(/^big\.csv is 20\.1 MB; files up to 20 MB can be imported/);
  });

  it('a suppression file is read with the same limits and keeps the event loop turning', async () => {
    const wide = utf8(
      `${Array(MAX_COLUMNS + 1)
        .fill('20123456')
        .join(';')}\n`,
    );
    expect((await refusal(importSuppressionFile(wide, 'optout.csv', 'DK', () => 0))).code).toBe('too_wide');
    const lines = ['Mobil'];
    for (let i = 0; i < 10_000; i++) lines.push(String(20100000 + i));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const stored: string[] = [];
    const r = await importSuppressionFile(utf8(lines.join('\n')), 'optout.csv', 'DK', (m) => (stored.push(...m), m.length));
    clearInterval(timer);
    expect(r.added).toBe(stored.length);
    expect(stored.length).toBe(10_000);
    expect(ticks).toBeGreaterThan(0);
  });
});
