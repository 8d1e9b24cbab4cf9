// The last line of defence, for the app's main process and the CLI alike: an error nobody caught
// (an unhandled promise rejection, an uncaught exception) is reported as one clear sentence and
// logged, instead of Node printing a stack trace and exiting mid-write. The process goes on: every
// write is one SQLite transaction, so what is stored is whole, and the caller decides whether to stop.
import { isDiskFull, isReadOnlyError } from '../core/db/errors';
import type { Message } from '../shared/i18n/messages';
import { translate } from '../shared/i18n/translate';

export interface CrashReport {
  kind: 'rejection' | 'exception';
  /** One sentence in English, for the log: no stack trace. */
  message: string;
  /** The same as a code, for the person (main's box, the CLI) in their language. */
  text: Message;
  error: unknown;
}

export function describeUnexpected(error: unknown): string {
  return translate('en', unexpectedText(error));
}

/** What went wrong, as a code; the error's own first line stays as its detail. */
export function unexpectedText(error: unknown): Message {
  if (isDiskFull(error)) return { code: 'crash_disk_full' };
  if (isReadOnlyError(error)) return { code: 'crash_read_only' };
  const text = error instanceof Error ? error.message : String(error);
  return { code: 'crash_unexpected', detail: (text.split('\n')[0] ?? '').slice(0, 300) };
}

/** Installs the handlers on `proc` (process); returns a function that removes them. */
export function installCrashGuard(proc: NodeJS.EventEmitter, onCrash: (r: CrashReport) => void): () => void {
  const report = (kind: CrashReport['kind']) => (error: unknown) => {
    try {
      onCrash({ kind, message: describeUnexpected(error), text: unexpectedText(error), error });
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
