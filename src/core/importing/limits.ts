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

/** Megabytes, one decimal at most (the catalogs format the number). */
const mb = (bytes: number) => Math.ceil((bytes / (1024 * 1024)) * 10) / 10;

export function tooLarge(bytes: number, fileName?: string): ImportError {
  return new ImportError('too_large', { code: 'file_too_large', fileName: fileName ?? null, mb: mb(bytes), maxMb: mb(MAX_IMPORT_BYTES) });
}

export function tooManyColumns(rowNo: number, columns: number): ImportError {
  return new ImportError('too_wide', { code: 'file_too_many_columns', rowNo, columns, max: MAX_COLUMNS });
}

export function cellTooLarge(rowNo: number, column: number, chars: number): ImportError {
  return new ImportError('too_wide', { code: 'file_cell_too_large', rowNo, column, chars, max: MAX_CELL_CHARS });
}

export function recordTooLong(rowNo: number): ImportError {
  return new ImportError('too_wide', { code: 'file_row_too_long', rowNo, mb: mb(PARSE_CHUNK_CHARS) });
}
