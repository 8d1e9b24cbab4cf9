// --phone-column: a header name (any case) or a 1-based column number, checked against the file.
import { UsageError } from './args';

export function resolvePhoneColumn(
  option: string | null,
  file: { fileName: string; headers: string[]; hasHeader: boolean; guessed: number | null },
): number {
  const { fileName } = file;
  if (option === null) {
    if (file.guessed !== null) return file.guessed;
    const columns = file.hasHeader ? file.headers : file.headers.map((_, i) => String(i + 1));
    throw new UsageError({ code: 'cli_no_phone_column', fileName, columns, hasHeader: file.hasHeader });
  }
  const want = option.trim().toLowerCase();
  if (file.hasHeader) {
    const i = file.headers.findIndex((h) => h.trim().toLowerCase() === want);
    if (i >= 0) return i;
  }
  if (/^\d+$/.test(want)) {
    const n = Number(want);
    if (n >= 1 && n <= file.headers.length) return n - 1;
    throw new UsageError({ code: 'cli_phone_column_range', option, fileName, count: file.headers.length });
  }
  throw new UsageError(
    file.hasHeader
      ? { code: 'cli_phone_column_unknown', option, fileName, columns: file.headers }
      : { code: 'cli_phone_column_no_header', option, fileName, count: file.headers.length },
  );
}
