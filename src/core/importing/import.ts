// The whole CSV check: bytes in, accepted recipients and per-row rejections out. Stores nothing.
// Three steps: read the rows (read.ts, shared with the preview and suppression files), resolve the
// column mapping, then check each row on its own.

import type { Message } from '../../shared/i18n/messages';
import { translate } from '../../shared/i18n/translate';
import type { Encoding } from '../../shared/states';
import { MAX_SMS_PARTS, nonGsmChars, smsParts, type SmsParts } from '../../shared/sms';
import { ImportError } from './errors';
import { guessMapping, type MappingConfidence } from './mapping';
import { mergedSmsParts, parseMergeFields, renderMessage, type MergeFields } from './merge';
import { isCountryCode, normaliseMsisdn, type CountryCode } from './phone';
import { readCsvFile, type CsvFile } from './read';
import type { CsvEncoding, Delimiter } from './sniff';
import { REJECT_KINDS, type RejectKind } from '../../shared/rejectKinds';

export { MAX_IMPORT_BYTES } from './limits';
export { REJECT_KINDS, type RejectKind };
export const DEFAULT_MAX_PARTS = 10;
/** Rows checked between two yields to the event loop. */
const CHUNK_ROWS = 2000;

export interface AcceptedRow {
  /** Spreadsheet row number (header = row 1). */
  rowNo: number;
  msisdn: string;
  country: string;
  /**
   * The row's cells, trimmed (read-only: may be the parsed record itself). A short row has fewer
   * cells than there are columns: read `values[c] ?? ''` (padding every row to the widest one let a
   * single very wide row multiply the memory of the whole file).
   */
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
  /** English wording of `text`, for the CLI's JSON and logs. */
  message: string;
  /** Why the row is not sent, as a code (the report and the rejected-rows file say it in the user's language). */
  text: Message;
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
  /** The file's bytes, or the file already read (the preview read it: it is not read twice). */
  bytes?: Uint8Array;
  file?: CsvFile;
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
  const { signal, onProgress } = input;
  const defaultCountry = input.defaultCountry.toUpperCase();
  if (!isCountryCode(defaultCountry)) {
    throw new ImportError('bad_country', { code: 'file_bad_country', country: input.defaultCountry });
  }
  const maxParts = input.maxParts ?? DEFAULT_MAX_PARTS;
  if (!Number.isInteger(maxParts) || maxParts < 1 || maxParts > MAX_SMS_PARTS) {
    throw new RangeError(`maxParts must be a whole number from 1 to ${MAX_SMS_PARTS}`);
  }
  signal?.throwIfAborted();

  const file =
    input.file ??
    (await readCsvFile(input.bytes ?? new Uint8Array(), {
      fileName: input.fileName,
      signal,
      onProgress: onProgress && ((done, total) => onProgress(done, total, 'parsing')),
    }));
  const m = resolveMapping(file, input.mapping);
  const merge = parseMergeFields(input.message ?? '', m.headers);
  const check = rowChecker({ ...m, merge, defaultCountry, maxParts, isSuppressed: input.isSuppressed });

  const { rows, rowNos } = file;
  const accepted: AcceptedRow[] = [];
  const rejected: RejectedRow[] = [];
  const counts = Object.fromEntries(REJECT_KINDS.map((k) => [k, 0])) as Record<RejectKind, number>;
  let excelScientific = 0;
  for (let r = m.firstData; r < rows.length; r++) {
    const done = r - m.firstData;
    if (done > 0 && done % CHUNK_ROWS === 0) {
      onProgress?.(done, m.totalRows, 'checking');
      await yieldToEventLoop();
      signal?.throwIfAborted();
    }
    const result = check(rows[r], rowNos[r]);
    if ('kind' in result) {
      rejected.push(result);
      counts[result.kind]++;
      if (result.detail === 'excel_scientific') excelScientific++;
    } else accepted.push(result);
  }
  onProgress?.(m.totalRows, m.totalRows, 'checking');

  return {
    fileName: input.fileName ?? file.fileName,
    encoding: file.encoding,
    delimiter: file.delimiter,
    hasHeader: m.hasHeader,
    headers: m.headers,
    phoneColumn: m.phoneColumn,
    nameColumn: m.nameColumn,
    confidence: m.confidence,
    totalRows: m.totalRows,
    accepted,
    rejected,
    counts,
    excelScientific,
    merge,
    fileHash: file.fileHash,
  };
}

interface ResolvedMapping {
  hasHeader: boolean;
  headers: string[];
  phoneColumn: number;
  nameColumn: number | null;
  confidence: MappingConfidence;
  /** Index of the first data record in the file's rows. */
  firstData: number;
  totalRows: number;
}

/** The guessed mapping with the user's choices on top; refuses a file with no usable phone column. */
function resolveMapping(file: CsvFile, chosen: ImportInput['mapping']): ResolvedMapping {
  const mapping = guessMapping(file.rows, { hasHeader: chosen?.hasHeader });
  const { hasHeader, headers } = mapping;
  const firstData = hasHeader ? 1 : 0;
  const totalRows = file.rows.length - firstData;
  if (totalRows === 0) {
    throw new ImportError('header_only', { code: 'file_header_only', headers: shortList(headers) });
  }
  let phoneColumn = mapping.phoneColumn;
  let confidence = mapping.confidence;
  if (chosen?.phoneColumn !== undefined) {
    phoneColumn = chosen.phoneColumn;
    confidence = 'high'; // the user chose it
    if (!Number.isInteger(phoneColumn) || phoneColumn < 0 || phoneColumn >= headers.length) {
      throw new ImportError(
        'bad_mapping',
        { code: 'file_bad_column', columns: headers.length, column: phoneColumn + 1 },
        {
          headers,
        },
      );
    }
  }
  if (phoneColumn === null) {
    throw new ImportError('no_phone_column', { code: 'file_no_phone_column', headers: shortList(headers) }, { headers });
  }
  const nameColumn = mapping.nameColumn === phoneColumn ? null : mapping.nameColumn;
  return { hasHeader, headers, phoneColumn, nameColumn, confidence, firstData, totalRows };
}

interface CheckContext {
  headers: string[];
  phoneColumn: number;
  merge: MergeFields;
  defaultCountry: CountryCode;
  maxParts: number;
  isSuppressed?: (msisdn: string) => boolean;
}

/** A function that checks one row: its number, duplicates of earlier rows, suppression, merge values, length. */
function rowChecker(ctx: CheckContext): (raw: string[], rowNo: number) => AcceptedRow | RejectedRow {
  const { headers, phoneColumn, merge, maxParts } = ctx;
  // Without merge fields every recipient gets the same text: count its parts once.
  const fixedParts = merge.tags.length > 0 ? null : smsParts(merge.rewritten);
  const firstRowOf = new Map<string, number>();
  const reject = (rowNo: number, kind: RejectKind, text: Message, raw: string[]): RejectedRow => ({
    rowNo,
    kind,
    message: translate('en', text),
    text,
    raw,
  });

  return (raw, rowNo) => {
    const phone = normaliseMsisdn(raw[phoneColumn] ?? '', ctx.defaultCountry);
    if (!phone.ok) {
      const r = reject(rowNo, phone.reason === 'missing' ? 'missing_number' : 'invalid_number', phone.problem, raw);
      if (phone.reason === 'excel_scientific') r.detail = 'excel_scientific';
      return r;
    }
    const earlier = firstRowOf.get(phone.msisdn);
    if (earlier !== undefined) {
      return reject(rowNo, 'duplicate', { code: 'row_duplicate', earlierRow: earlier, msisdn: phone.msisdn }, raw);
    }
    if (ctx.isSuppressed?.(phone.msisdn)) return reject(rowNo, 'suppressed', { code: 'row_suppressed', msisdn: phone.msisdn }, raw);
    const values = cellValues(raw);
    let sms: SmsParts | null = fixedParts;
    if (!sms) {
      let missing: number[] | null = null;
      for (const c of merge.columns) if ((values[c] ?? '') === '') (missing ??= []).push(c);
      if (missing) {
        return reject(rowNo, 'missing_merge_value', { code: 'row_missing_merge', columns: missing.map((c) => headers[c] ?? '') }, raw);
      }
      sms = mergedSmsParts(merge, values);
    }
    if (sms.parts > maxParts) {
      const text = renderMessage(
        merge.rewritten,
        merge.tags,
        merge.columns.map((c) => values[c] ?? ''),
      );
      const ucs2Chars = sms.encoding === 'UCS2' ? nonGsmChars(text).slice(0, 5) : null;
      return reject(rowNo, 'too_long', { code: 'row_too_long', parts: sms.parts, maxParts, ucs2Chars }, raw);
    }
    firstRowOf.set(phone.msisdn, rowNo);
    return { rowNo, msisdn: phone.msisdn, country: phone.country, values, encoding: sms.encoding, parts: sms.parts };
  };
}

/** The row's cells, trimmed; the record itself when none needs trimming. */
function cellValues(raw: string[]): string[] {
  const width = raw.length;
  let clean = true;
  for (let c = 0; c < width && clean; c++) {
    const v = raw[c];
    if (v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32)) clean = false;
  }
  if (clean) return raw;
  const values = new Array<string>(width);
  for (let c = 0; c < width; c++) values[c] = raw[c].trim();
  return values;
}

/** Headers for a message: an Outlook export has 90 of them. */
function shortList(headers: string[]): string[] {
  return headers.length <= 8 ? headers : [...headers.slice(0, 8), '…'];
}
