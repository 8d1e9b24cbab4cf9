#!/usr/bin/env node
// Runs a command (e.g. `vitest run`) inside a private D-Bus session with a fresh, unlocked,
// throw-away GNOME keyring, and sets SMS_OUTBOX_TEST_KEYRING=1 so the keychain tests run against it
// instead of a developer's own keychain. Where the programs are missing (macOS, Windows, bare
// Linux) it runs the command directly and says the keychain tests will be skipped.
//
//   node scripts/with-test-keyring.mjs vitest run [args…]
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('usage: node scripts/with-test-keyring.mjs <command> [args…]');
  process.exit(2);
}

// Like `npm run`, so `vitest` resolves when this script is started with plain `node`.
const PATH = [path.join(root, 'node_modules', '.bin'), process.env.PATH ?? ''].join(path.delimiter);

function onPath(name) {
  for (const dir of PATH.split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      // keep looking
    }
  }
  return false;
}

function whyNoKeyring() {
  if (process.platform !== 'linux') return `this is ${process.platform}, not Linux with a Secret Service`;
  for (const tool of ['dbus-run-session', 'gnome-keyring-daemon']) {
    if (!onPath(tool)) return `${tool} is not installed (apt-get install dbus gnome-keyring)`;
  }
  return null;
}

function run(command, commandArgs, env) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { stdio: 'inherit', env });
    const forward = (sig) => child.kill(sig);
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, forward);
    child.on('error', (err) => {
      console.error(`with-test-keyring: could not start ${command}: ${err.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => {
      for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(sig, forward);
      // A child killed by a signal must not look like success.
      resolve(code ?? (signal ? 128 + (signalNumber(signal) ?? 1) : 1));
    });
  });
}

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal];
}

async function main() {
  const reason = whyNoKeyring();
  if (reason) {
    console.log(`with-test-keyring: keychain tests will be skipped: ${reason}.`);
    const env = { ...process.env, PATH };
    delete env.SMS_OUTBOX_TEST_KEYRING;
    return run(args[0], args.slice(1), env);
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'sms-outbox-keyring-'));
  try {
    const runtime = path.join(dir, 'run');
    mkdirSync(runtime, { mode: 0o700 });
    // Every folder the keyring could write to points into the temp folder, so neither a developer's
    // keyrings (XDG_DATA_HOME/keyrings) nor their session bus are touched.
    const env = {
      ...process.env,
      PATH,
      HOME: dir,
      XDG_RUNTIME_DIR: runtime,
      XDG_DATA_HOME: path.join(dir, 'data'),
      XDG_CONFIG_HOME: path.join(dir, 'config'),
      XDG_CACHE_HOME: path.join(dir, 'cache'),
      SMS_OUTBOX_TEST_KEYRING: '1',
    };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.GNOME_KEYRING_CONTROL;
    // Fresh folder, so any password unlocks the new "login" keyring; the command gets "$@" verbatim.
    const script = [
      'out=$(printf test | gnome-keyring-daemon --unlock --components=secrets) ||',
      '{ echo "with-test-keyring: gnome-keyring-daemon did not start" >&2; exit 1; }',
      'eval "$out"',
      'exec "$@"',
    ].join('\n');
    return await run('dbus-run-session', ['--', 'sh', '-c', script, 'sh', ...args], env);
  } finally {
    // The daemon may still be closing files when the bus goes away: retry briefly.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

process.exitCode = await main();
