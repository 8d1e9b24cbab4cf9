// CSV for spreadsheets, written so that no cell can run as a formula whichever separator the reader
// splits on (OWASP "CSV injection"). Excel in a Danish or German locale splits on ';', an English one
// on ','; LibreOffice asks; a careless script splits on both and ignores quotes.

const FORMULA_START = /^[=+\-@\t\r]/;
// A formula character after a separator or line break (spaces between allowed): a reader that splits
// there, or ignores our quotes, would see a cell that starts with it.
const FORMULA_AFTER_SEPARATOR = /([,;\r\n] *)([=+\-@\t\r])/g;

/**
 * The cell's text made inert: an apostrophe (which spreadsheets read as "this is text") before a
 * leading formula character and before one that follows a `,` `;` or line break inside the cell. The
 * importer strips a leading apostrophe from phone cells again, so a fixed rejected-rows file imports.
 */
export function csvSafeCell(value: string): string {
  const inner = value.replace(FORMULA_AFTER_SEPARATOR, "$1'$2");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

export type CsvValue = string | number | null;

/**
 * One record: every text cell quoted (so no separator inside it splits it for a reader that honours
 * quotes) and made inert; numbers (row numbers, part counts) written bare.
 */
export function csvRecord(cells: readonly CsvValue[], delimiter: string): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += delimiter;
    const v = cells[i];
    if (typeof v === 'number') line += Number.isFinite(v) ? String(v) : '';
    else line += `"${csvSafeCell(v ?? '').replace(/"/g, '""')}"`;
  }
  return line;
}

/** UTF-8 byte order mark: without it Excel reads æøå as Windows-1252. */
export const BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';

/** Rows written between two turns of the event loop (a 100k-row export must not freeze the window). */
export const EXPORT_CHUNK_ROWS = 2000;
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
