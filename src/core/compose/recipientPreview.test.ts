// The compose preview over a real analysis: first, next, a chosen file row, a row that is not sent,
// and the campaign's longest message.
import { describe, expect, it } from 'vitest';
import { analyseImport } from '../importing';
import { previewRecipient } from './recipientPreview';

const CSV = [
  'Navn;Telefon;By',
  'Bo;20123450;Odense', // row 2
  'Åse Østergård-Christensen;20123451;København', // row 3
  'Ib;12;Vejle', // row 4: invalid number
  'Li;20123452;Århus', // row 5
].join('\n');

const analyse = (message: string) =>
  analyseImport({ bytes: Buffer.from(CSV, 'utf8'), defaultCountry: 'DK', message, mapping: { hasHeader: true, phoneColumn: 1 } });

describe('previewRecipient', () => {
  it('steps through the accepted recipients with their merged text, parts and encoding', async () => {
    const a = await analyse('Hej %Navn% i %By%');
    const first = previewRecipient(a, { index: 0 });
    expect(first).toMatchObject({
      total: 3,
      index: 0,
      rowNo: 2,
      msisdn: '4520123450',
      text: 'Hej Bo i Odense',
      encoding: 'GSM7',
      parts: 1,
      rejected: null,
    });
    expect(previewRecipient(a, { index: 1 }).text).toBe('Hej Åse Østergård-Christensen i København');
    // Past the end: the last one, not an error.
    expect(previewRecipient(a, { index: 9 })).toMatchObject({ index: 2, rowNo: 5 });
  });

  it('shows a chosen file row, says why a row is not sent, and refuses a row the file does not have', async () => {
    const a = await analyse('Hej %Navn%');
    expect(previewRecipient(a, { rowNo: 3 })).toMatchObject({ index: 1, rowNo: 3, text: 'Hej Åse Østergård-Christensen' });
    const rejected = previewRecipient(a, { rowNo: 4 });
    expect(rejected).toMatchObject({ index: null, rowNo: 4, text: null });
    expect(rejected.rejected).toBeTruthy();
    expect(() => previewRecipient(a, { rowNo: 40 })).toThrow(
      expect.objectContaining({ field: 'rowNo', message: 'The file has no row 40.' }),
    );
  });

  it('finds the longest message (most parts), and counts a Unicode merge value', async () => {
    // 152 x's, a space and the town: only "København" (row 3) goes past 160 characters.
    const a = await analyse(`${'x'.repeat(152)} %By%`);
    const l = previewRecipient(a, { longest: true });
    expect(l).toMatchObject({ rowNo: 3, parts: 2, index: 1 });
    expect(previewRecipient(a, { index: 0 }).longest).toEqual({ index: 1, rowNo: 3, parts: 2 });
    const b = await analyse('Hej %Navn% 🙂');
    const p = previewRecipient(b, { index: 1 });
    expect(p).toMatchObject({ encoding: 'UCS2', parts: 1 });
  });
});
