// The last line of defence, for the app's main process and the CLI alike: an error nobody caught
// (an unhandled promise rejection, an uncaught exception) is reported as one clear sentence and
// logged, instead of Node printing a stack trace and exiting mid-write. The process goes on: every
// write is one SQLite transaction, so what is stored is whole, and the caller decides whether to stop.
import { isDiskFull, isReadOnlyError } from '../core/db/errors';

export interface CrashReport {
  kind: 'rejection' | 'exception';
  /** One sentence for a person: no stack trace. */
  message: string;
  error: unknown;
}

export function describeUnexpected(error: unknown): string {
  if (isDiskFull(error)) return 'The disk holding the data folder is full. Free some space; nothing stored is lost.';
  if (isReadOnlyError(error)) return 'The data folder cannot be written (it is read-only). Nothing stored is lost.';
  const text = error instanceof Error ? error.message : String(error);
  const first = (text.split('\n')[0] ?? '').slice(0, 300);
  return `Unexpected error: ${first || 'unknown'}.`.replace(/\.\.$/, '.');
}

/** Installs the handlers on `proc` (process); returns a function that removes them. */
export function installCrashGuard(proc: NodeJS.EventEmitter, onCrash: (r: CrashReport) => void): () => void {
  const report = (kind: CrashReport['kind']) => (error: unknown) => {
    try {
      onCrash({ kind, message: describeUnexpected(error), error });
    } catch {
      // Reporting must never throw from here: that would end the process after all.
    }
  };
  const onRejection = report('rejection');
  const onException = report('exception');
  proc.on('unhandledRejection', onRejection);
  proc.on('uncaughtException', onException);
  return () => {
    proc.off('unhandledRejection', onRejection);
    proc.off('uncaughtException', onException);
  };
}
