// Switches and environment a packaged build refuses. The fuses already switch off --inspect (Node CLI
// inspect arguments), NODE_OPTIONS and ELECTRON_RUN_AS_NODE; Chromium's remote-debugging switches
// and the network switches below have no fuse, so the shell checks its own command line and
// environment before anything else runs.
import type { UiLanguage } from '../shared/i18n/languages';
import { translate } from '../shared/i18n/translate';

/** Chromium/Node switches that open a debugger or a remote-control port, or inject V8 flags. */
export const FORBIDDEN_SWITCHES = [
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'auto-open-devtools-for-tabs',
  'js-flags',
] as const;

/**
 * Chromium switches that route traffic through another host, trust any certificate, or write the
 * TLS keys or traffic to a file: each lets another program read the token on its way to GatewayAPI.
 * (The system's own proxy settings still apply: they are read through session.resolveProxy.)
 */
export const NETWORK_SWITCHES = [
  'proxy-server',
  'proxy-pac-url',
  'proxy-auto-detect',
  'winhttp-proxy-resolver',
  'host-resolver-rules',
  'host-rules',
  'ignore-certificate-errors',
  'ignore-certificate-errors-spki-list',
  'ignore-ssl-errors',
  'allow-insecure-localhost',
  'unsafely-treat-insecure-origin-as-secure',
  'disable-web-security',
  'ssl-key-log-file',
  'log-net-log',
  'net-log-capture-mode',
] as const;

/**
 * Environment that turns certificate checks off in main (Node's undici honours it process-wide) or
 * makes Chromium write the TLS session keys to a file.
 */
export function unsafeEnvironment(env: NodeJS.ProcessEnv): string[] {
  const found: string[] = [];
  const tls = env.NODE_TLS_REJECT_UNAUTHORIZED;
  if (tls !== undefined && tls !== '1') found.push(`NODE_TLS_REJECT_UNAUTHORIZED=${tls}`);
  if (env.SSLKEYLOGFILE) found.push('SSLKEYLOGFILE');
  return found;
}

/** Everything a packaged build refuses to start with: debugging and network switches, unsafe environment. */
export function refusedAtStart(argv: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string[] {
  return [...debuggingSwitches(argv, platform), ...matchSwitches(argv, NETWORK_SWITCHES, platform), ...unsafeEnvironment(env)];
}

/**
 * The forbidden switches present in argv (as written), in order. Chromium accepts `--x`, `-x` and,
 * on Windows, `/x`, each optionally with `=value`; names are matched without regard to case.
 */
export function debuggingSwitches(argv: readonly string[], platform: NodeJS.Platform = process.platform): string[] {
  return matchSwitches(argv, FORBIDDEN_SWITCHES, platform);
}

function matchSwitches(argv: readonly string[], names: readonly string[], platform: NodeJS.Platform): string[] {
  const prefixes = platform === 'win32' ? ['--', '-', '/'] : ['--', '-'];
  const found: string[] = [];
  for (const arg of argv) {
    const prefix = prefixes.find((p) => arg.startsWith(p));
    if (!prefix) continue;
    const name = arg.slice(prefix.length).split('=')[0].toLowerCase();
    if (names.includes(name)) found.push(arg.split('=')[0]);
  }
  return found;
}

/** The refusal box's title and text, in the OS language (no outbox is open yet to ask Settings). */
export function refusalMessage(found: readonly string[], lang: UiLanguage = 'en'): { title: string; text: string } {
  return { title: translate(lang, { code: 'start_refused_title' }), text: translate(lang, { code: 'start_refused', found: [...found] }) };
}
