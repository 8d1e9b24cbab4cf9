// Which better-sqlite3 binary the Electron app loads. node_modules holds the Node-ABI build (tests,
// CLI); the Electron-ABI copy lives apart (native/electron in a checkout, resources/native when
// packaged) and is passed to better-sqlite3 as `nativeBinding`, so the two never overwrite each other.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';
export const ABI_HINT = 'better-sqlite3 was built for Node, not Electron: run npm install again';

export interface BindingLocation {
  isPackaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  /** The checkout's root (out/main/../..) when running unpackaged. */
  repoRoot: string;
  exists?: (file: string) => boolean;
}

export function sqliteBindingPath(loc: BindingLocation): string | undefined {
  const exists = loc.exists ?? existsSync;
  const file = loc.isPackaged
    ? join(loc.resourcesPath, 'native', NATIVE_FILE)
    : join(loc.repoRoot, 'native', 'electron', NATIVE_FILE);
  return exists(file) ? file : undefined;
}

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
    ? 'This copy of SMS Outbox lacks a working database module for its Electron version: reinstall the app.'
    : `${ABI_HINT}.`;
  return `${advice}\n\nDetails: ${detail}`;
}
