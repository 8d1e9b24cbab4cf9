// The `sms-outbox` command's entry point (built to out/main/cli.js, started by bin/sms-outbox.js;
// in development `node --import tsx src/cli/index.ts …`). Wires the real process into runCli.
import { createInterface } from 'node:readline/promises';
import { createKeytarStore, type SecretStore } from '../core/secrets/secretStore';
import { runCli } from './run';
import { createHttpFetch } from '../core/http/undiciFetch';
import { installCrashGuard, unexpectedText } from '../app/crashGuard';
import { say } from './language';

const controller = new AbortController();
/** After Ctrl-C / SIGTERM the process ends within this long, whatever still runs (a hung write). */
const STOP_DEADLINE_MS = 10_000;
let interrupts = 0;
const interrupt = () => {
  interrupts++;
  if (interrupts === 1) {
    process.stderr.write(`\n${say({ code: 'cli_stopping' })}\n`);
    controller.abort();
    // A send stuck on something (a full disk gives writes 3 s, a request its own deadline) must not
    // keep the folder's lease for minutes: the next run would only say "busy".
    setTimeout(() => {
      process.stderr.write(`sms-outbox: ${say({ code: 'cli_stop_deadline', seconds: STOP_DEADLINE_MS / 1000 })}\n`);
      process.exit(130);
    }, STOP_DEADLINE_MS).unref();
  } else process.exit(130);
};
process.on('SIGINT', interrupt);
process.on('SIGTERM', interrupt);
// Nothing may end this process with a stack trace and a half-finished run: say what happened in one
// line; an uncaught exception also stops the run the orderly way (outcomes recorded, summary printed).
installCrashGuard(process, ({ kind, text, error }) => {
  process.stderr.write(`sms-outbox: ${say(text)}\n`);
  if (process.env.SMS_OUTBOX_DEBUG === '1' && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
  if (kind === 'exception') {
    process.exitCode = 1;
    if (!controller.signal.aborted) controller.abort();
  }
});
// `sms-outbox status --json | head` closes the pipe early: that is not an error. Output stops, but
// the command goes on (a send must record every outcome; exiting here would strand work in flight).
let stdoutClosed = false;
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') stdoutClosed = true;
  else throw e;
});

let secrets: SecretStore | null = null;
const interactive = !!process.stdout.isTTY;

runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (s) => {
    if (!stdoutClosed) process.stdout.write(s);
  },
  stderr: (s) => void process.stderr.write(s),
  interactive,
  ask: process.stdin.isTTY
    ? async (q) => {
        const rl = createInterface({ input: process.stdin, output: process.stdout });
        try {
          return await rl.question(q);
        } finally {
          rl.close();
        }
      }
    : null,
  secrets: () => (secrets ??= createKeytarStore()),
  // undici with HTTPS_PROXY / HTTP_PROXY / NO_PROXY; it never re-sends a POST by itself.
  fetch: createHttpFetch({ env: process.env }).fetch,
  signal: controller.signal,
}).then(
  (code) => {
    // An uncaught exception during the run (reported above) is never an exit 0.
    process.exitCode = code === 0 && process.exitCode ? process.exitCode : code;
    // Nothing should be left running; if something is (a keychain call that never answers), do not hang.
    setTimeout(() => process.exit(), 2000).unref();
  },
  (e: unknown) => {
    process.stderr.write(`sms-outbox: ${say(unexpectedText(e))}\n`);
    process.exit(1);
  },
);
