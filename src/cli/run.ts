// argv → command → exit code. Every failure becomes one line on stderr (a stack trace only with
// SMS_OUTBOX_DEBUG=1) and a documented exit code; nothing here ever prints the token.
import { isImportError } from '../core/importing';
import { AppError } from '../shared/result';
import { DEFAULT_TIMEOUT_SEC, parseCommand, UsageError } from './args';
import { importCommand, resolveCommand, resumeCommand, sendCommand, statusCommand } from './commands';
import { CliError, type CliDeps } from './deps';
import { EXIT, type ExitCode } from './exitCodes';
// The version is package.json's, as the app's (app.getVersion()): one number to change.
import { version as VERSION } from '../../package.json';
import { printable } from './printable';
import { cliLanguage, say, setCliLanguage, takeLangOption } from './language';
import { isGatewayError } from '../core/gateway/errors';
import { isDiskFull, isReadOnlyError } from '../core/db/errors';
import { ReadOnlyFolderError } from '../core/db/readOnlyFolder';

export async function runCli(argv: readonly string[], rawDeps: CliDeps): Promise<ExitCode> {
  // Nothing printed may carry a terminal escape sequence from a CSV cell or the outbox.
  const deps: CliDeps = {
    ...rawDeps,
    stdout: (text) => rawDeps.stdout(printable(text)),
    stderr: (text) => rawDeps.stderr(printable(text)),
  };
  try {
    const [langFlag, args] = takeLangOption(argv);
    setCliLanguage(cliLanguage(langFlag, deps.env));
    const cmd = parseCommand(args);
    switch (cmd.kind) {
      case 'help':
        if (args.length === 0) {
          deps.stderr(say({ code: 'cli_help', topic: 'main', defaultTimeoutSec: DEFAULT_TIMEOUT_SEC }) + '\n');
          return EXIT.usage;
        }
        deps.stdout(say({ code: 'cli_help', topic: cmd.topic ?? 'main', defaultTimeoutSec: DEFAULT_TIMEOUT_SEC }) + '\n');
        return EXIT.ok;
      case 'version':
        deps.stdout(`sms-outbox ${VERSION}\n`);
        return EXIT.ok;
      case 'send':
        return await sendCommand(cmd, deps);
      case 'resume':
        return await resumeCommand(cmd, deps);
      case 'status':
        return await statusCommand(cmd, deps);
      case 'import':
        return await importCommand(cmd, deps);
      case 'resolve':
        return await resolveCommand(cmd, deps);
    }
  } catch (e) {
    const { code, message } = describe(e);
    deps.stderr(`sms-outbox: ${message}\n`);
    if (deps.env.SMS_OUTBOX_DEBUG === '1' && e instanceof Error && e.stack) deps.stderr(e.stack + '\n');
    return code;
  }
}

function describe(e: unknown): { code: ExitCode; message: string } {
  if (e instanceof UsageError) return { code: EXIT.usage, message: say(e.text) };
  if (e instanceof CliError) return { code: e.code, message: say(e.text) };
  // The file as a whole cannot be imported (binary, empty, unclosed quote, …): nothing is stored.
  if (isImportError(e)) return { code: EXIT.usage, message: e.text ? say(e.text) : e.message };
  if (e instanceof AppError) {
    return { code: e.kind === 'invalid_input' || e.kind === 'import' ? EXIT.usage : EXIT.other, message: say(e.text) };
  }
  if (isGatewayError(e)) return { code: EXIT.other, message: say(e.text) };
  if (e instanceof ReadOnlyFolderError) return { code: EXIT.other, message: say({ code: 'folder_read_only', folder: e.folder }) };
  const err = e as { code?: unknown; message?: unknown };
  // The low-level detail (SQLite's or Node's own words) stays as it is, inside our sentence.
  const detail = firstLine(typeof err?.message === 'string' ? err.message : String(e));
  if (isDiskFull(e)) return { code: EXIT.diskFull, message: say({ code: 'cli_disk_full', detail }) };
  if (isReadOnlyError(e)) return { code: EXIT.other, message: say({ code: 'cli_read_only', detail }) };
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_')) {
    return { code: EXIT.other, message: say({ code: 'cli_database_failed', detail, busy: err.code === 'SQLITE_BUSY' }) };
  }
  return { code: EXIT.other, message: say({ code: 'cli_unexpected', detail: detail || null }) };
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? '').slice(0, 500);
}
