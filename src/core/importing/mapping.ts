// Guess which column holds the phone number (and the name), and whether row 1 is a header.
import { columnNames } from '../../shared/columns';

export type MappingConfidence = 'high' | 'medium' | 'low' | 'none';

export interface ColumnMapping {
  hasHeader: boolean;
  /** One name per column (the widest row decides the count); unique, case-insensitively. */
  headers: string[];
  phoneColumn: number | null;
  nameColumn: number | null;
  /** high: header and content agree; medium: one of them is clear; low: a guess; none: no phone column. */
  confidence: MappingConfidence;
}

// Headers are compared after normaliseHeader: lower case, accents dropped, æ→ae ø→o ß→ss,
// and everything but letters and digits removed ("Tlf.nr" → "tlfnr", "Phone 1 - Value" → "phone1value").
const PHONE_HEADERS: Record<string, number> = {};
function phoneHeaders(score: number, names: string): void {
  for (const n of names.split(' ')) PHONE_HEADERS[n] = score;
}
// Mobile numbers first: SMS needs them (Outlook exports carry Home/Business/Mobile side by side).
phoneHeaders(
  100,
  'mobile mobil mobilephone mobilenumber mobileno mobilenr mobilnummer mobilnr mobilno mobiltelefon ' +
    'mobiltelefonnummer mobiltelefonnr mobiltlf mobiltlfnr mobiltel mobilfunk mobilfunknummer cell ' +
    'cellphone cellular cellnumber handy handynummer handynr msisdn sms smsnummer smsnumber gsm mobilephonenumber',
);
phoneHeaders(
  80,
  'phone phonenumber phoneno telephone telephonenumber tel telnr telno telefon telefonnummer telefonnr ' +
    'tlf tlfnr tlfnummer tlfno nummer number nr no rufnummer fon recipient recipients modtager empfanger ' +
    'mottagare mottaker kontaktnummer primaryphone phone1value',
);
phoneHeaders(
  55,
  'homephone homephone2 businessphone businessphone2 workphone otherphone privattelefon hjemmetelefon ' +
    'arbejdstelefon festnetz telefonprivat telefongeschaftlich phone2value phone3value ' +
    'phone4value companymainphone carphone',
);
const PHONE_EXCLUDE = /fax|type|label|typ$|art$|extension|durchwahl|lokal/;

const NAME_HEADERS: Record<string, number> = {};
function nameHeaders(score: number, names: string): void {
  for (const n of names.split(' ')) NAME_HEADERS[n] = score;
}
// A full name reads better in the recipient list; a first name is the usual greeting.
nameHeaders(
  100,
  'name navn namn fullname fuldtnavn fulltnavn fulltnamn fullstandigtnamn displayname kontaktnavn ' +
    'kontaktnamn contactname contact kontakt kundenavn kundnamn kundenname vollstandigername',
);
nameHeaders(90, 'firstname fornavn fornamn vorname givenname first rufname');
const NAME_EXCLUDE = /last|sur|efter|nach|middle|mellem|user|bruger|company|firma|file|phonetic|yomi|nick/;

export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');
}

function phoneHeaderScore(header: string): number {
  const h = normaliseHeader(header);
  if (h === '' || PHONE_EXCLUDE.test(h)) return 0;
  const exact = PHONE_HEADERS[h];
  if (exact) return exact;
  if (/mobil|handy|cell/.test(h)) return 90;
  if (/phone|telefon|^tlf|^tel(?!l)/.test(h)) return 60;
  return 0;
}

function nameHeaderScore(header: string): number {
  const h = normaliseHeader(header);
  if (h === '' || NAME_EXCLUDE.test(h)) return 0;
  const exact = NAME_HEADERS[h];
  if (exact) return exact;
  if (/name|navn|namn/.test(h)) return 50;
  return 0;
}

const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;

/** Cheap check: could this cell be a phone number (or one Excel mangled into 4.5E+09)? */
export function looksLikePhoneNumber(cell: string): boolean {
  let s = cell.trim();
  if (s.includes(':::')) s = s.slice(0, s.indexOf(':::')).trim(); // Google Contacts: several in one cell
  if (s.charCodeAt(0) === 0x27) s = s.slice(1);
  if (s.length < 4 || s.length > 40) return false;
  if (/^\d+(?:[.,]\d+)?[eE]\+?\d+$/.test(s)) return true;
  if (DATE_LIKE.test(s)) return false;
  s = s.replace(/\(0\)/g, '');
  const digits = s.replace(/[\s\-./()\u00a0]/g, '');
  if (!/^\+?\d+$/.test(digits)) return false;
  const n = digits.length - (digits[0] === '+' ? 1 : 0);
  return n >= 6 && n <= 15;
}

const SAMPLE_ROWS = 200;

interface ColumnStats {
  filled: number;
  plausible: number;
}

function columnStats(rows: string[][], col: number): ColumnStats {
  let filled = 0;
  let plausible = 0;
  for (const row of rows) {
    const cell = row[col];
    if (cell === undefined || cell.trim() === '') continue;
    filled++;
    if (looksLikePhoneNumber(cell)) plausible++;
  }
  return { filled, plausible };
}

function ratio(s: ColumnStats): number {
  return s.filled === 0 ? 0 : s.plausible / s.filled;
}

/**
 * For "Phone N - Value" columns (Google Contacts), a matching "Phone N - Type/Label" column that says
 * Mobile for most rows makes that the better column.
 */
function mobileLabelBonus(headers: string[], col: number, sample: string[][]): number {
  const m = /^phone(\d+)value$/.exec(normaliseHeader(headers[col] ?? ''));
  if (!m) return 0;
  const labelCol = headers.findIndex((h) => {
    const n = normaliseHeader(h);
    return n === `phone${m[1]}type` || n === `phone${m[1]}label`;
  });
  if (labelCol < 0) return 0;
  let filled = 0;
  let mobile = 0;
  for (const row of sample) {
    const v = (row[labelCol] ?? '').trim().toLowerCase();
    if (!v) continue;
    filled++;
    if (/mobil|cell|handy/.test(v)) mobile++;
  }
  return filled > 0 && mobile / filled >= 0.5 ? 30 : 0;
}

export function guessMapping(rows: string[][], options: { hasHeader?: boolean } = {}): ColumnMapping {
  let width = 0;
  for (const row of rows) if (row.length > width) width = row.length;
  if (rows.length === 0 || width === 0) {
    return { hasHeader: false, headers: [], phoneColumn: null, nameColumn: null, confidence: 'none' };
  }
  const first = rows[0];
  const afterFirst = rows.slice(1, 1 + SAMPLE_ROWS);
  const withFirst = rows.slice(0, SAMPLE_ROWS);

  // 1. A header cell names a phone column, and row 1's own cell there is not a number.
  const byHeader = bestByHeader(first, width, afterFirst);
  let hasHeader: boolean;
  if (options.hasHeader !== undefined) hasHeader = options.hasHeader;
  else if (byHeader && !looksLikePhoneNumber(first[byHeader.col] ?? '')) hasHeader = true;
  else {
    // 2. Otherwise the content decides: if row 1's cell in the phone-looking column is itself a
    //    plausible number, there is no header row.
    const byContent = bestByContent(withFirst, width, 0.6);
    if (byContent !== null) hasHeader = !looksLikePhoneNumber(first[byContent.col] ?? '');
    else hasHeader = !first.some((c) => looksLikePhoneNumber(c)) && rows.length > 1;
  }

  const headers = hasHeader ? columnNames(first, width) : defaultNames(width);
  const data = hasHeader ? afterFirst : withFirst;

  let phoneColumn: number | null = null;
  let confidence: MappingConfidence = 'none';
  const fromHeader = hasHeader ? bestByHeader(first, width, data) : null;
  if (fromHeader) {
    phoneColumn = fromHeader.col;
    const r = fromHeader.stats.filled === 0 ? 1 : ratio(fromHeader.stats);
    confidence = fromHeader.score >= 80 && r >= 0.8 ? 'high' : r >= 0.5 ? 'medium' : 'low';
  } else {
    const fromContent = bestByContent(data, width, 0.6);
    if (fromContent) {
      phoneColumn = fromContent.col;
      confidence = fromContent.ratio >= 0.9 ? 'medium' : 'low';
    }
  }
  const nameColumn = hasHeader ? bestNameByHeader(headers, phoneColumn) : nameByContent(data, width, phoneColumn);
  return { hasHeader, headers, phoneColumn, nameColumn, confidence };
}

function bestByHeader(header: string[], width: number, sample: string[][]): { col: number; score: number; stats: ColumnStats } | null {
  let best: { col: number; score: number; stats: ColumnStats } | null = null;
  let bestRank = -1;
  for (let col = 0; col < width; col++) {
    const score = phoneHeaderScore(header[col] ?? '');
    if (score === 0) continue;
    const stats = columnStats(sample, col);
    // An empty column (Outlook's unused "Mobile Phone") or one without numbers is no phone column,
    // unless there are no data rows to look at yet.
    if (sample.length > 0 && (stats.filled === 0 || ratio(stats) < 0.3)) continue;
    const rank = score + mobileLabelBonus(header, col, sample) + ratio(stats) * 10 + stats.filled / (sample.length || 1);
    if (rank > bestRank) {
      bestRank = rank;
      best = { col, score, stats };
    }
  }
  return best;
}

function bestByContent(sample: string[][], width: number, minRatio: number): { col: number; ratio: number } | null {
  let best: { col: number; ratio: number } | null = null;
  let bestRank = 0;
  for (let col = 0; col < width; col++) {
    const stats = columnStats(sample, col);
    const r = ratio(stats);
    if (r < minRatio) continue;
    const rank = r * stats.filled;
    if (rank > bestRank) {
      bestRank = rank;
      best = { col, ratio: r };
    }
  }
  return best;
}

function bestNameByHeader(headers: string[], phoneColumn: number | null): number | null {
  let best: number | null = null;
  let bestScore = 0;
  headers.forEach((h, col) => {
    if (col === phoneColumn) return;
    const score = nameHeaderScore(h);
    if (score > bestScore) {
      bestScore = score;
      best = col;
    }
  });
  return best;
}

// A comma too: "Hansen, Jens" is how many address books write a name.
const NAME_LIKE = /^[\p{L}][\p{L}\p{M} .,'-]*$/u;

/** Without a header: the first column that holds words, not numbers or e-mail addresses. */
function nameByContent(sample: string[][], width: number, phoneColumn: number | null): number | null {
  for (let col = 0; col < width; col++) {
    if (col === phoneColumn) continue;
    let filled = 0;
    let named = 0;
    for (const row of sample) {
      const v = (row[col] ?? '').trim();
      if (!v) continue;
      filled++;
      if (NAME_LIKE.test(v)) named++;
    }
    if (filled > 0 && named / filled >= 0.8) return col;
  }
  return null;
}

function defaultNames(width: number): string[] {
  return Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
}
