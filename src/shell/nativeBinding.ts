// What the user reads when the database module cannot load. better-sqlite3 13 and keytar are
// Node-API modules: one binary serves Node (tests, CLI) and Electron, so a load failure means a
// broken or foreign-platform install, not a second ABI to build.
export const ABI_HINT = 'The database module (better-sqlite3) does not load on this machine: run npm install again';

/** True when a native module failed to load because it targets another ABI or platform. */
export function isNativeLoadError(err: unknown): boolean {
  const msg = err instanceof Error ? err.message : String(err);
  return /NODE_MODULE_VERSION|compiled against a different Node\.js version|invalid ELF header|not a valid Win32 application|wrong ELF class|incompatible architecture|Could not locate the bindings file|better_sqlite3\.node/i.test(
    msg,
  );
}

/** The text of the error box shown when the core cannot open. */
export function explainOpenError(err: unknown, isPackaged: boolean): string {
  const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
  if (!isNativeLoadError(err)) return detail;
  const advice = isPackaged
    ? 'This copy of SMS Outbox lacks a working database module for this computer: reinstall the app.'
    : `${ABI_HINT}.`;
  return `${advice}\n\nDetails: ${detail}`;
}
