// What one CSV file may hold. A file over these limits is refused whole, with a message naming the
// row (and column), before anything is stored: crafted files must not freeze or exhaust the app.
import { ImportError } from './errors';

// 20 MB is about 450,000 typical contact rows; the whole analysis lives in the main process's memory
// (about 1 GB at this size), so larger files are refused with a clear message instead.
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Outlook's contact export has 92 columns, Google's about 90. */
export const MAX_COLUMNS = 1000;
/** A notes field is the longest real cell; a message is at most 255 SMS parts of 153 characters. */
export const MAX_CELL_CHARS = 40_000;
/** Characters per parse chunk: a record longer than this is refused (see parse.ts). */
export const PARSE_CHUNK_CHARS = 1 << 20;

export function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}

const n = (x: number) => x.toLocaleString('en');

export function tooLarge(bytes: number, fileName?: string): ImportError {
  return new ImportError(
    'too_large',
    `${fileName ?? 'The file'} is ${formatMb(bytes)}; files up to ${formatMb(MAX_IMPORT_BYTES)} can be imported. ` +
      'Split it into smaller files and import them one by one.',
  );
}

export function tooManyColumns(rowNo: number, columns: number): ImportError {
  return new ImportError(
    'too_wide',
    `Row ${rowNo} has ${n(columns)} columns; a file may have at most ${n(MAX_COLUMNS)}. ` +
      'Check that you picked a contacts CSV file, or remove the extra columns and import again.',
  );
}

export function cellTooLarge(rowNo: number, column: number, chars: number): ImportError {
  return new ImportError(
    'too_wide',
    `Row ${rowNo}, column ${column} holds ${n(chars)} characters; a cell may hold at most ${n(MAX_CELL_CHARS)}. ` +
      'Shorten that cell (or check for a quote (") that is never closed) and import again.',
  );
}

export function recordTooLong(rowNo: number): ImportError {
  return new ImportError(
    'too_wide',
    `Row ${rowNo} is longer than ${formatMb(PARSE_CHUNK_CHARS)}, far more than a contact needs. ` +
      'Check that row (a quote (") that is never closed makes the rest of the file one cell) and import again.',
  );
}
