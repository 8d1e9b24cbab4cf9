// Which SQLite failures are worth retrying: another connection holding the write lock past
// busy_timeout, or an I/O hiccup. A constraint or a closed database is a bug: retrying cannot help.
const RETRYABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|PROTOCOL|CANTOPEN)/;

export function isRetryableDbError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.test(code);
}
