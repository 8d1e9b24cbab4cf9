// The one CSV reader: preview, analysis and suppression files all come through here, so a file gets
// the same limits and the same messages wherever it is imported. Bytes in, records out; in chunks,
// with the event loop turning in between (Electron's main process answers the window meanwhile).
import { createHash } from 'node:crypto';
import { emptyFileError } from './errors';
import { MAX_IMPORT_BYTES, tooLarge } from './limits';
import { parseCsvAsync } from './parse';
import { decodeCsvBytes, sniffDelimiter, type CsvEncoding, type Delimiter } from './sniff';

export interface CsvFile {
  fileName?: string;
  encoding: CsvEncoding;
  delimiter: Delimiter;
  /** Records that hold at least one non-blank cell, cells as written (not trimmed). */
  rows: string[][];
  /** Each record's spreadsheet row number (1-based). */
  rowNos: number[];
  /** sha256 of the file's bytes (hex): lets storage notice the same file imported twice. */
  fileHash: string;
  byteLength: number;
}

export interface ReadOptions {
  fileName?: string;
  signal?: AbortSignal;
  /** Characters parsed so far, of all. */
  onProgress?: (done: number, total: number) => void;
}

const HASH_CHUNK = 1 << 20;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Throws ImportError for a file too large, empty, binary, with an unclosed quote or over a limit. */
export async function readCsvFile(bytes: Uint8Array, options: ReadOptions = {}): Promise<CsvFile> {
  const { fileName, signal } = options;
  signal?.throwIfAborted();
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw tooLarge(bytes.byteLength, fileName);
  if (bytes.byteLength === 0) throw emptyFileError();
  const fileHash = await sha256InChunks(bytes);
  signal?.throwIfAborted();
  const { text, encoding } = decodeCsvBytes(bytes);
  const delimiter = sniffDelimiter(text);
  const { rows, rowNos } = await parseCsvAsync(text, delimiter, { signal, onProgress: options.onProgress });
  if (rows.length === 0) throw emptyFileError();
  return { fileName, encoding, delimiter, rows, rowNos, fileHash, byteLength: bytes.byteLength };
}

async function sha256InChunks(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let i = 0; i < bytes.byteLength; i += HASH_CHUNK) {
    if (i > 0) await yieldToEventLoop();
    hash.update(bytes.subarray(i, i + HASH_CHUNK));
  }
  return hash.digest('hex');
}
