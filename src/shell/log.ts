// The app's log file in the data folder (Help → About shows where). Plain lines, appended; one old
// generation is kept. The core's logger contract says it is never given the token; as a second
// layer, values under secret-looking keys are dropped before anything is written.
import { appendFileSync, chmodSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/types';

export const LOG_FILE_NAME = 'sms-outbox.log';
const SECRET_KEY = /token|authori[sz]ation|secret|password|api[-_]?key/i;

export function logFilePath(dataDir: string): string {
  return path.join(dataDir, LOG_FILE_NAME);
}

/** JSON of `data` with secret-looking keys replaced, at any depth. */
export function safeData(data: unknown): string {
  if (data === undefined) return '';
  try {
    return JSON.stringify(data, (key, value) => (key && SECRET_KEY.test(key) ? '[redacted]' : value));
  } catch {
    return '"[unserialisable]"';
  }
}

export interface FileLoggerOptions {
  file: string;
  /** Rotate to `<file>.1` past this size. */
  maxBytes?: number;
  /** Also print to the console (development runs). */
  echo?: boolean;
  now?: () => Date;
}

export function createFileLogger(opts: FileLoggerOptions): Logger {
  const maxBytes = opts.maxBytes ?? 2 * 1024 * 1024;
  const now = opts.now ?? (() => new Date());
  let broken = false;
  const write = (level: 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>) => {
    // One line per entry: a message with a newline must not forge another entry.
    const line = `${now().toISOString()} ${level.toUpperCase()} ${msg.replace(/[\r\n]+/g, ' ')} ${safeData(data)}`.trimEnd();
    if (opts.echo) (level === 'info' ? console.log : level === 'warn' ? console.warn : console.error)(line);
    if (broken) return;
    try {
      mkdirSync(path.dirname(opts.file), { recursive: true, mode: 0o700 });
      if (existsSync(opts.file) && statSync(opts.file).size > maxBytes) renameSync(opts.file, `${opts.file}.1`);
      appendFileSync(opts.file, `${line}\n`, { mode: 0o600 });
    } catch (err) {
      // A full or read-only disk must not take the app down; say so once on the console.
      broken = true;
      console.error(`sms-outbox: cannot write the log file ${opts.file}: ${String(err)}`);
    }
  };
  // appendFileSync's mode applies only when it creates the file; tighten one made by an older version.
  try {
    if (existsSync(opts.file) && process.platform !== 'win32') chmodSync(opts.file, 0o600);
  } catch {
    /* not ours to fix */
  }
  return {
    info: (msg, data) => write('info', msg, data),
    warn: (msg, data) => write('warn', msg, data),
    error: (msg, data) => write('error', msg, data),
  };
}
