// CSV for spreadsheets, written so that no cell can run as a formula whichever separator the reader
// splits on (OWASP "CSV injection"). Excel in a Danish or German locale splits on ';', an English one
// on ','; LibreOffice asks; a careless script splits on both and ignores quotes.

// Any whitespace a spreadsheet may skip before reading a formula: JavaScript's \s covers the space,
// tab, line breaks, no-break space U+00A0, the U+2000–U+200A spaces, U+202F, U+205F, ideographic
// space U+3000 and U+FEFF; plus zero-width space U+200B and Mongolian vowel separator U+180E.
const SPACE = '[\\s\\u200b\\u180e]';
// = + - @ and their full-width forms (a Japanese or Chinese input method types those).
const FORMULA_CHAR = '[=+\\-@\\uff1d\\uff0b\\uff0d\\uff20]';
const FORMULA_START = new RegExp(`^(${SPACE}*)(${FORMULA_CHAR})`);
const STARTS_WITH_CONTROL = /^[\t\r]/;
// A formula character after a separator a spreadsheet may guess (`,` `;` tab `|`) or a line break,
// whitespace between allowed: a reader that splits there, or ignores our quotes, would see a cell
// that starts with it.
const FORMULA_AFTER_SEPARATOR = new RegExp(`([,;\\t|\\r\\n]${SPACE}*)(${FORMULA_CHAR})`, 'g');

/**
 * The cell's text made inert: an apostrophe (which spreadsheets read as "this is text") before a
 * formula character at the start, after any leading whitespace, and before one that follows a
 * separator or line break inside the cell; a cell starting with a tab or CR gets one in front. The
 * importer strips a leading apostrophe from phone cells again, so a fixed rejected-rows file imports.
 */
export function csvSafeCell(value: string): string {
  const inner = value.replace(FORMULA_AFTER_SEPARATOR, "$1'$2");
  if (STARTS_WITH_CONTROL.test(inner)) return `'${inner}`;
  const m = FORMULA_START.exec(inner);
  if (!m) return inner;
  return m[1] === '' ? `'${inner}` : `${m[1]}'${inner.slice(m[1].length)}`;
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
