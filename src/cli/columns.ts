// --phone-column: a header name (any case) or a 1-based column number, checked against the file.
import { UsageError } from './args';

export function resolvePhoneColumn(
  option: string | null,
  file: { fileName: string; headers: string[]; hasHeader: boolean; guessed: number | null },
): number {
  const list = file.headers.map((h, i) => (file.hasHeader ? `"${h}"` : String(i + 1))).join(', ');
  if (option === null) {
    if (file.guessed !== null) return file.guessed;
    throw new UsageError(`No column in ${file.fileName} looks like phone numbers (columns: ${list}); name it with --phone-column.`);
  }
  const want = option.trim().toLowerCase();
  if (file.hasHeader) {
    const i = file.headers.findIndex((h) => h.trim().toLowerCase() === want);
    if (i >= 0) return i;
  }
  if (/^\d+$/.test(want)) {
    const n = Number(want);
    if (n >= 1 && n <= file.headers.length) return n - 1;
    throw new UsageError(`--phone-column ${option}: ${file.fileName} has ${file.headers.length} columns.`);
  }
  throw new UsageError(
    file.hasHeader
      ? `--phone-column "${option}": ${file.fileName} has no such column (columns: ${list}).`
      : `--phone-column "${option}": ${file.fileName} has no header row; give the column's number (1-${file.headers.length}).`,
  );
}
