// The rejected rows as a CSV the user can open in Excel, fix and import again.

import Papa from 'papaparse';
import type { ImportAnalysis } from './import';
import type { Delimiter } from './sniff';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell that Excel (or LibreOffice, Google Sheets) would run as a formula gets a leading
 * apostrophe (OWASP "CSV injection"). The importer strips that apostrophe again from phone cells.
 */
export function csvSafeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * UTF-8 with a BOM (so Excel reads æøå right) and, by default, the delimiter of the imported file:
 * the user's Excel wrote that file, so it splits this one the same way (a Danish Excel expects ';').
 * Columns: row, reason, then the file's own columns as they were read.
 */
export function rejectedRowsCsv(
  analysis: Pick<ImportAnalysis, 'rejected' | 'headers' | 'delimiter'>,
  options: { delimiter?: Delimiter } = {},
): string {
  const width = analysis.headers.length;
  const fields = ['row', 'reason', ...analysis.headers].map(csvSafeCell);
  const data = analysis.rejected.map((r) => {
    const cells = [String(r.rowNo), r.message];
    for (let c = 0; c < width; c++) cells.push(r.raw[c] ?? '');
    return cells.map(csvSafeCell);
  });
  const csv = Papa.unparse({ fields, data }, { delimiter: options.delimiter ?? analysis.delimiter, newline: '\r\n' });
  return '\uFEFF' + csv + '\r\n';
}
