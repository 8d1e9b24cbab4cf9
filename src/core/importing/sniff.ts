// Work out how a CSV file was written: its text encoding and its delimiter.

import { ImportError, emptyFileError } from './errors';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t' | '|';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes the bytes of a CSV file. A BOM decides; without one, valid UTF-8 is UTF-8 and anything
 * else is Windows-1252 (what Excel writes for "CSV" in Danish, German and Swedish locales; its
 * superset of ISO-8859-1 decodes those files too). Throws ImportError('binary') for non-text.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  rejectKnownBinary(bytes);
  let text: string;
  let encoding: CsvEncoding;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2));
  } else {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) {
      encoding = utf16;
      text = new TextDecoder(utf16, { ignoreBOM: true }).decode(bytes);
    } else {
      try {
        text = utf8Strict.decode(bytes);
        encoding = 'utf-8';
      } catch {
        text = decodeWindows1252(bytes);
        encoding = 'windows-1252';
      }
    }
  }
  // Some tools write the BOM twice (a BOM-less decoder followed by a BOM-writing encoder).
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Here rather than only in analyseImport: the preview runs first and would otherwise report an
  // empty file as "no column looks like phone numbers".
  if (text.trim() === '') throw emptyFileError();
  rejectControlCharacters(text);
  return { text, encoding };
}

// Node ≥ 20.18.3 decodes 'windows-1252' as ISO-8859-1 (nodejs/node#60888), so € and curly quotes
// (bytes 0x80–0x9F) would come out as control characters. So: Latin-1 (which is Windows-1252 but
// for those 32 bytes), and if any of them occur, map every byte through the table into UTF-16.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'; // bytes 0x80..0x9F
const CP1252 = new Uint16Array(256);
for (let b = 0; b < 256; b++) CP1252[b] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b;

export function decodeWindows1252(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const latin1 = buf.toString('latin1');
  if (!/[\u0080-\u009f]/.test(latin1)) return latin1;
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = CP1252[bytes[i]];
  // Uint16Array is in platform byte order; every platform Node and Electron run on is little-endian.
  return Buffer.from(units.buffer, 0, units.byteLength).toString('utf16le');
}

/** UTF-16 saved without a BOM shows as a NUL byte beside nearly every ASCII character. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function rejectKnownBinary(bytes: Uint8Array): void {
  // Users often pick the workbook instead of the CSV saved from it: say so.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ImportError('binary', { code: 'file_workbook' });
  }
}

/** NUL, or more than 1% control characters in the first 64K characters: not a text file. */
function rejectControlCharacters(text: string): void {
  const n = Math.min(text.length, 65536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) {
      controls = n;
      break;
    }
    // Tab, LF, FF and CR occur in real CSV files; the other C0/C1 controls do not.
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) controls++;
  }
  if (controls > 0 && controls >= Math.max(1, n * 0.01)) {
    throw new ImportError('binary', { code: 'file_binary' });
  }
}

/**
 * Picks the delimiter that splits the first ~20 records into the most consistent number of fields,
 * counting only delimiters outside quoted fields. Papa Parse's own guess is not used: with
 * delimitersToGuess [',', ';', '\t', '|'] it answers ',' for `"Hansen, Jens";20123456`, for a tab
 * file whose names hold commas, and for a small '|' file (checked with papaparse 5.7.1).
 */
export function sniffDelimiter(text: string): Delimiter {
  const declared = excelSepLine(text);
  if (declared) return declared.delimiter;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  const counts = countPerRecord(sample, 20);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const perLine = counts.map((c) => c[d]);
    if (perLine.length === 0) continue;
    const mode = modeOf(perLine);
    if (mode === 0) continue;
    const consistent = perLine.filter((c) => c === mode).length / perLine.length;
    const present = perLine.filter((c) => c > 0).length / perLine.length;
    // Consistency first, then presence; the field count breaks near-ties (a ';' file whose data
    // rows each hold one decimal comma: the header row has no comma, so ';' still wins).
    const score = consistent * 2 + present + Math.min(mode, 50) / 1000;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/**
 * Excel's "sep=;" first line, which names the delimiter (written by some exports, and added by
 * users so that Excel opens the file right). Excel hides that line, so parsing skips it too.
 */
export function excelSepLine(text: string): { delimiter: Delimiter; length: number } | null {
  const m = /^sep=([,;\t|])[ ]*(?:\r\n|\n|\r|$)/i.exec(text);
  return m ? { delimiter: m[1] as Delimiter, length: m[0].length } : null;
}

type Counts = Record<Delimiter, number>;

function countPerRecord(text: string, maxRecords: number): Counts[] {
  const records: Counts[] = [];
  let cur: Counts = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let inQuotes = false;
  let fieldStart = true; // a quote only opens a quoted field at the start of a field
  let nonEmpty = false;
  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      nonEmpty = true;
    } else if (ch === ',' || ch === ';' || ch === '\t' || ch === '|') {
      cur[ch]++;
      fieldStart = true;
      nonEmpty = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (nonEmpty) records.push(cur);
      cur = { ',': 0, ';': 0, '\t': 0, '|': 0 };
      fieldStart = true;
      nonEmpty = false;
    } else if (ch !== ' ') {
      fieldStart = false;
      nonEmpty = true;
    }
  }
  if (nonEmpty && records.length < maxRecords) records.push(cur);
  return records;
}

function modeOf(values: number[]): number {
  const freq = new Map<number, number>();
  let mode = 0;
  let best = 0;
  for (const v of values) {
    const f = (freq.get(v) ?? 0) + 1;
    freq.set(v, f);
    // Ties go to the larger count: ragged rows are usually short, not long.
    if (f > best || (f === best && v > mode)) {
      best = f;
      mode = v;
    }
  }
  return mode;
}
