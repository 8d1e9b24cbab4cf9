// Split decoded CSV text into records with Papa Parse.

import Papa from 'papaparse';
import { ImportError } from './errors';
import { MAX_CELL_CHARS, MAX_COLUMNS, PARSE_CHUNK_CHARS, cellTooLarge, recordTooLong, tooManyColumns } from './limits';
import { excelSepLine, type Delimiter } from './sniff';

export interface ParsedCsv {
  /** Records that hold at least one non-blank cell, cells as written (not trimmed). */
  rows: string[][];
  /**
   * For each record, its row number in a spreadsheet (1-based). Blank lines are rows there too,
   * and a quoted cell with line breaks stays one row, so this is not the text line number.
   */
  rowNos: number[];
}

export interface ParseOptions {
  signal?: AbortSignal;
  /** Called after each chunk with the number of characters parsed so far. */
  onProgress?: (charsDone: number, charsTotal: number) => void;
  /** Characters per chunk; between chunks the event loop runs (Electron's main process stays live). */
  chunkSize?: number;
}

/** Parses the whole text in one go (for a preview, or small files). */
export function parseCsv(text: string, delimiter: Delimiter): ParsedCsv {
  text = withoutSepLine(text);
  const result = Papa.parse<string[]>(text, { header: false, delimiter, newline: lineBreakOf(text), skipEmptyLines: false });
  const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) throw unclosedQuote((unclosed.row ?? 0) + 1);
  const out: ParsedCsv = { rows: [], rowNos: [] };
  keepNonBlank(result.data, 0, out);
  return out;
}

/**
 * The same, in chunks: Papa Parse is paused between chunks so the event loop runs (a 50 MB file
 * takes about a second to parse, too long to freeze Electron's main process).
 */
export function parseCsvAsync(text: string, delimiter: Delimiter, options: ParseOptions = {}): Promise<ParsedCsv> {
  const { signal, onProgress, chunkSize = PARSE_CHUNK_CHARS } = options;
  text = withoutSepLine(text);
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const out: ParsedCsv = { rows: [], rowNos: [] };
    let recordCount = 0; // all records so far, blank ones included
    let failed = false;
    const fail = (e: unknown, parser: Papa.Parser) => {
      failed = true;
      parser.abort();
      reject(e);
    };
    Papa.parse<string[]>(text, {
      header: false,
      delimiter,
      newline: lineBreakOf(text),
      skipEmptyLines: false,
      chunkSize,
      // The typings say `chunk` is for files only; Papa Parse's StringStreamer runs it for strings too.
      chunk(result: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        // Papa Parse numbers error rows within the chunk.
        const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
        if (unclosed) return fail(unclosedQuote(recordCount + (unclosed.row ?? 0) + 1), parser);
        // No whole record in a whole chunk: Papa Parse would carry the growing partial record into
        // every following chunk and parse it again each time (quadratic, and a long freeze).
        if (result.data.length === 0 && Math.min(result.meta.cursor, text.length) < text.length) {
          return fail(recordTooLong(recordCount + 1), parser);
        }
        try {
          keepNonBlank(result.data, recordCount, out);
        } catch (e) {
          return fail(e, parser);
        }
        recordCount += result.data.length;
        onProgress?.(Math.min(result.meta.cursor, text.length), text.length);
        parser.pause();
        setImmediate(() => {
          if (signal?.aborted) return fail(signal.reason, parser);
          parser.resume();
        });
      },
      complete() {
        if (!failed) resolve(out);
      },
    });
  });
}

// Blank records are dropped here (as skipEmptyLines: 'greedy' would) rather than by Papa Parse, so
// that each kept record still knows its spreadsheet row number. The size limits are checked here too.
function keepNonBlank(data: string[][], firstIndex: number, out: ParsedCsv): void {
  for (let i = 0; i < data.length; i++) {
    const record = data[i];
    if (isBlank(record)) continue;
    const rowNo = firstIndex + i + 1;
    if (record.length > MAX_COLUMNS) throw tooManyColumns(rowNo, record.length);
    for (let c = 0; c < record.length; c++) {
      if (record[c].length > MAX_CELL_CHARS) throw cellTooLarge(rowNo, c + 1, record[c].length);
    }
    out.rows.push(record);
    out.rowNos.push(rowNo);
  }
}

function withoutSepLine(text: string): string {
  const sep = excelSepLine(text);
  return sep ? text.slice(sep.length) : text;
}

function unclosedQuote(rowNo: number): ImportError {
  return new ImportError('unclosed_quote', { code: 'file_unclosed_quote', rowNo });
}

function isBlank(record: string[]): boolean {
  for (let i = 0; i < record.length; i++) {
    const cell = record[i];
    if (cell.length > 0 && (cell.charCodeAt(0) > 32 || cell.trim() !== '')) return false;
  }
  return true;
}

/**
 * The text's line break, given to Papa Parse so that it does not guess again for every chunk
 * (its guess scans the first megabyte each time).
 */
export function lineBreakOf(text: string): '\r\n' | '\n' | '\r' {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  if (r >= 0 && (n < 0 || r < n)) return text[r + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}
