// The whole CSV check: bytes in, accepted recipients and per-row rejections out. Stores nothing.

import { createHash } from 'node:crypto';
import type { Encoding } from '../../../shared/states';
import { MAX_SMS_PARTS, nonGsmChars, smsParts } from '../../../shared/sms';
import { ImportError, emptyFileError } from './errors';
import { guessMapping, type MappingConfidence } from './mapping';
import { mergedSmsParts, parseMergeFields, renderMessage, type MergeFields } from './merge';
import { parseCsvAsync } from './parse';
import { isCountryCode, normaliseMsisdn } from './phone';
import { decodeCsvBytes, sniffDelimiter, type CsvEncoding, type Delimiter } from './sniff';

// 20 MB is about 450,000 typical contact rows; the whole analysis lives in the main process's memory
// (about 1 GB at this size), so larger files are refused with a clear message instead.
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_PARTS = 10;
/** Rows checked between two yields to the event loop. */
const CHUNK_ROWS = 2000;

import { REJECT_KINDS, type RejectKind } from '../../../shared/rejectKinds';
export { REJECT_KINDS, type RejectKind };

export interface AcceptedRow {
  /** Spreadsheet row number (header = row 1). */
  rowNo: number;
  msisdn: string;
  country: string;
  /** Every column's cell, trimmed, one per header (read-only: may be the parsed record itself). */
  values: string[];
  /** Of this recipient's merged message ('GSM7' and 0 parts when no message was given). */
  encoding: Encoding;
  parts: number;
}

export interface RejectedRow {
  rowNo: number;
  kind: RejectKind;
  /** 'excel_scientific': an invalid_number that Excel wrote as 4.5201E+09 (the fix differs). */
  detail?: 'excel_scientific';
  message: string;
  /** The record's cells as read from the file. */
  raw: string[];
}

export interface ImportAnalysis {
  fileName?: string;
  encoding: CsvEncoding;
  delimiter: Delimiter;
  hasHeader: boolean;
  headers: string[];
  phoneColumn: number;
  nameColumn: number | null;
  confidence: MappingConfidence;
  /** Data rows (not counting the header or blank lines). */
  totalRows: number;
  accepted: AcceptedRow[];
  rejected: RejectedRow[];
  counts: Record<RejectKind, number>;
  /** How many of the invalid_number rows Excel wrote in scientific notation. */
  excelScientific: number;
  /** The message's merge fields, rewritten to canonical tags (all empty without a message). */
  merge: MergeFields;
  /** sha256 of the file's bytes (hex): lets storage notice the same file imported twice. */
  fileHash: string;
}

export interface ImportInput {
  bytes: Uint8Array;
  fileName?: string;
  /** ISO 3166 code used for numbers written without a country code, e.g. 'DK'. */
  defaultCountry: string;
  message?: string;
  mapping?: Partial<{ hasHeader: boolean; phoneColumn: number }>;
  isSuppressed?: (msisdn: string) => boolean;
  maxParts?: number;
  /** `phase` 'parsing' counts characters, 'checking' counts data rows. */
  onProgress?: (done: number, total: number, phase: 'parsing' | 'checking') => void;
  /** Aborting rejects with the signal's reason (an AbortError unless one was given). */
  signal?: AbortSignal;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function analyseImport(input: ImportInput): Promise<ImportAnalysis> {
  const { bytes, signal, onProgress } = input;
  const defaultCountry = input.defaultCountry.toUpperCase();
  if (!isCountryCode(defaultCountry)) {
    throw new ImportError('bad_country', `"${input.defaultCountry}" is not a country code this app knows (use e.g. DK, SE, DE).`);
  }
  const maxParts = input.maxParts ?? DEFAULT_MAX_PARTS;
  if (!Number.isInteger(maxParts) || maxParts < 1 || maxParts > MAX_SMS_PARTS) {
    throw new RangeError(`maxParts must be a whole number from 1 to ${MAX_SMS_PARTS}`);
  }
  signal?.throwIfAborted();

  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportError(
      'too_large',
      `The file is ${formatMb(bytes.length)}; files up to ${formatMb(MAX_IMPORT_BYTES)} can be imported. ` +
        'Split it into smaller files and import them one by one.',
    );
  }
  if (bytes.length === 0) throw emptyFile();

  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const { text, encoding } = decodeCsvBytes(bytes);
  if (text.trim() === '') throw emptyFile();
  const delimiter = sniffDelimiter(text);
  const { rows, rowNos } = await parseCsvAsync(text, delimiter, {
    signal,
    onProgress: onProgress && ((done, total) => onProgress(done, total, 'parsing')),
  });
  if (rows.length === 0) throw emptyFile();

  const mapping = guessMapping(rows, { hasHeader: input.mapping?.hasHeader });
  const { hasHeader, headers } = mapping;
  const firstData = hasHeader ? 1 : 0;
  const totalRows = rows.length - firstData;
  if (totalRows === 0) {
    throw new ImportError(
      'header_only',
      `The file has a header row (${listHeaders(headers)}) but no contacts below it.`,
    );
  }
  let phoneColumn = mapping.phoneColumn;
  let confidence = mapping.confidence;
  if (input.mapping?.phoneColumn !== undefined) {
    phoneColumn = input.mapping.phoneColumn;
    confidence = 'high'; // the user chose it
    if (!Number.isInteger(phoneColumn) || phoneColumn < 0 || phoneColumn >= headers.length) {
      throw new ImportError('bad_mapping', `The file has ${headers.length} columns; column ${phoneColumn + 1} does not exist.`, {
        headers,
      });
    }
  }
  if (phoneColumn === null) {
    throw new ImportError(
      'no_phone_column',
      `No column in this file looks like phone numbers (columns: ${listHeaders(headers)}). ` +
        'Choose the phone number column yourself, or check that you picked the right file.',
      { headers },
    );
  }
  const nameColumn = mapping.nameColumn === phoneColumn ? null : mapping.nameColumn;

  const merge = parseMergeFields(input.message ?? '', headers);
  // Without merge fields every recipient gets the same text: count its parts once.
  const fixedParts = merge.tags.length > 0 ? null : smsParts(merge.rewritten);

  const accepted: AcceptedRow[] = [];
  const rejected: RejectedRow[] = [];
  const counts = Object.fromEntries(REJECT_KINDS.map((k) => [k, 0])) as Record<RejectKind, number>;
  const firstRowOf = new Map<string, number>();
  const width = headers.length;
  const reject = (rowNo: number, kind: RejectKind, message: string, raw: string[]) => {
    rejected.push({ rowNo, kind, message, raw });
    counts[kind]++;
  };
  let excelScientific = 0;

  for (let r = firstData; r < rows.length; r++) {
    const done = r - firstData;
    if (done > 0 && done % CHUNK_ROWS === 0) {
      onProgress?.(done, totalRows, 'checking');
      await yieldToEventLoop();
      signal?.throwIfAborted();
    }
    const raw = rows[r];
    const rowNo = rowNos[r];
    const phone = normaliseMsisdn(raw[phoneColumn] ?? '', defaultCountry);
    if (!phone.ok) {
      reject(rowNo, phone.reason === 'missing' ? 'missing_number' : 'invalid_number', phone.message, raw);
      if (phone.reason === 'excel_scientific') {
        rejected[rejected.length - 1].detail = 'excel_scientific';
        excelScientific++;
      }
      continue;
    }
    const earlier = firstRowOf.get(phone.msisdn);
    if (earlier !== undefined) {
      reject(rowNo, 'duplicate', `Same number as row ${earlier} (+${phone.msisdn}); only row ${earlier} is kept`, raw);
      continue;
    }
    if (input.isSuppressed?.(phone.msisdn)) {
      reject(rowNo, 'suppressed', `+${phone.msisdn} is on the suppression list (opted out)`, raw);
      continue;
    }
    const values = cellValues(raw, width);

    let sms = fixedParts;
    if (!sms) {
      let missing: number[] | null = null;
      for (const c of merge.columns) if (values[c] === '') (missing ??= []).push(c);
      if (missing) {
        const what = missing.map((c) => `"${headers[c]}"`).join(', ');
        const tags = missing.map((c) => `%${headers[c]}%`).join(', ');
        reject(rowNo, 'missing_merge_value', `Empty ${what}, which the message uses (${tags})`, raw);
        continue;
      }
      sms = mergedSmsParts(merge, values);
    }
    if (sms.parts > maxParts) {
      const text = renderMessage(merge.rewritten, merge.tags, merge.columns.map((c) => values[c]));
      reject(rowNo, 'too_long', tooLongMessage(sms.parts, maxParts, sms.encoding, text), raw);
      continue;
    }
    firstRowOf.set(phone.msisdn, rowNo);
    accepted.push({ rowNo, msisdn: phone.msisdn, country: phone.country, values, encoding: sms.encoding, parts: sms.parts });
  }
  onProgress?.(totalRows, totalRows, 'checking');

  return {
    fileName: input.fileName,
    encoding,
    delimiter,
    hasHeader,
    headers,
    phoneColumn,
    nameColumn,
    confidence,
    totalRows,
    accepted,
    rejected,
    counts,
    excelScientific,
    merge,
    fileHash,
  };
}

/** The row's cells, trimmed, one per column; the record itself when it already is that. */
function cellValues(raw: string[], width: number): string[] {
  if (raw.length === width) {
    let clean = true;
    for (let c = 0; c < width && clean; c++) {
      const v = raw[c];
      if (v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32)) clean = false;
    }
    if (clean) return raw;
  }
  const values = new Array<string>(width);
  for (let c = 0; c < width; c++) values[c] = (raw[c] ?? '').trim();
  return values;
}

function tooLongMessage(parts: number, maxParts: number, encoding: Encoding, text: string): string {
  let why = '';
  if (encoding === 'UCS2') {
    const chars = nonGsmChars(text).slice(0, 5).join(' ');
    why = ` (sent as UCS-2, 70 characters per SMS, because of ${chars})`;
  }
  return `The message for this row is ${parts} SMS parts${why}; the limit is ${maxParts}`;
}

/** Headers for a message: an Outlook export has 90 of them. */
function listHeaders(headers: string[]): string {
  return headers.length <= 8 ? headers.join(', ') : `${headers.slice(0, 8).join(', ')} and ${headers.length - 8} more`;
}

const emptyFile = emptyFileError;

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}
