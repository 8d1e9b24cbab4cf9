import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { lineBreakOf, parseCsv, parseCsvAsync } from './parse';

const text = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseCsv', () => {
  it('keeps embedded delimiters, doubled quotes and line breaks inside quoted cells (CRLF file)', () => {
    const { rows, rowNos } = parseCsv(text('quoted-multiline.csv'), ',');
    expect(rows).toEqual([
      ['Name', 'Phone', 'Note'],
      ['Hansen, Jens', '20123456', 'He said "hi"'],
      ['Olsen, Bo', '30 12 34 56', 'line one\r\nline two, with comma'],
      ['Carl', '40123456', 'plain'],
    ]);
    // The blank line is spreadsheet row 4, so Carl is row 5; the trailing empty line is no row.
    expect(rowNos).toEqual([1, 2, 3, 5]);
  });

  it('reads LF files and a missing final line break alike', () => {
    expect(parseCsv('a;b\n1;2\n', ';').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a;b\n1;2', ';').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a;b\r\n1;2\r\n\r\n', ';').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('drops rows of blank cells (";;;") but keeps their row numbers counted', () => {
    const { rows, rowNos } = parseCsv('a;b\n ; \n;\n1;2\n', ';');
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(rowNos).toEqual([1, 4]);
  });

  it('keeps ragged rows as they are', () => {
    expect(parseCsv(text('ragged.csv'), ',').rows).toEqual([
      ['Name', 'Phone', 'City'],
      ['Anna', '20123456'],
      ['Bo', '30123456', 'Vejle', 'extra', 'more'],
      ['Carl'],
      ['Dorte', '40123456', 'Ribe'],
    ]);
  });

  it('refuses an unclosed quote, naming its row, rather than swallowing the rest of the file', () => {
    const bad = 'Navn;Mobil\nAnna;20123456\n"Bo;30123456\nCarl;40123456\n';
    expect(() => parseCsv(bad, ';')).toThrow(ImportError);
    expect(() => parseCsv(bad, ';')).toThrow(/Row 3 opens a quote/);
  });
});

describe('parseCsvAsync', () => {
  const big = (() => {
    const lines = ['Navn;Mobil;Note'];
    for (let i = 0; i < 20000; i++) {
      lines.push(i % 997 === 0 ? `"Multi\nline ${i}";${20000000 + i};"a;b"` : `Navn ${i};${20000000 + i};`);
      if (i % 5000 === 0) lines.push('');
    }
    return lines.join('\r\n') + '\r\n';
  })();

  it('gives the same rows and row numbers as the one-go parse, across chunk boundaries', async () => {
    const progress: number[] = [];
    const chunked = await parseCsvAsync(big, ';', { chunkSize: 4096, onProgress: (done) => progress.push(done) });
    expect(chunked).toEqual(parseCsv(big, ';'));
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(big.length);
  });

  it('numbers an unclosed quote by its row in the whole file, not in the chunk', async () => {
    const bad = big + '"open;1\nx;2\n';
    const rowNo = parseCsv(big, ';').rowNos.at(-1)! + 1;
    expect(() => parseCsv(bad, ';')).toThrow(`Row ${rowNo} opens a quote`);
    await expect(parseCsvAsync(bad, ';', { chunkSize: 4096 })).rejects.toThrow(`Row ${rowNo} opens a quote`);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const p = parseCsvAsync(big, ';', {
      chunkSize: 4096,
      signal: controller.signal,
      onProgress: (done) => {
        if (done > 50000) controller.abort(new Error('user cancelled'));
      },
    });
    await expect(p).rejects.toThrow('user cancelled');
  });
});

describe('lineBreakOf', () => {
  it('finds the first line break style', () => {
    expect(lineBreakOf('a\r\nb')).toBe('\r\n');
    expect(lineBreakOf('a\nb\r\n')).toBe('\n');
    expect(lineBreakOf('a\rb')).toBe('\r');
    expect(lineBreakOf('a')).toBe('\n');
  });
});
