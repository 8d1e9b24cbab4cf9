// Which SQLite failures are worth retrying: another connection holding the write lock past
// busy_timeout, or an I/O hiccup. A constraint or a closed database is a bug: retrying cannot help.
const RETRYABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|PROTOCOL|CANTOPEN)/;

export function isRetryableDbError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.test(code);
}

/**
 * The disk holding the data folder is full: SQLite reports SQLITE_FULL (for the database and its
 * -wal file alike, and for PRAGMA max_page_count, which tests use), the file system ENOSPC/EDQUOT.
 */
export function isDiskFull(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/** The database cannot be written at all (a read-only mount, folder or file). */
export function isReadOnlyError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'SMS_OUTBOX_READ_ONLY');
}
