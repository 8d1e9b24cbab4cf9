// Debugging switches a packaged build refuses. The fuses already switch off --inspect (Node CLI
// inspect arguments), NODE_OPTIONS and ELECTRON_RUN_AS_NODE; Chromium's remote-debugging switches
// have no fuse, so the shell checks its own command line before anything else runs.

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
 * The forbidden switches present in argv (as written), in order. Chromium accepts `--x`, `-x` and,
 * on Windows, `/x`, each optionally with `=value`; names are matched without regard to case.
 */
export function debuggingSwitches(argv: readonly string[], platform: NodeJS.Platform = process.platform): string[] {
  const prefixes = platform === 'win32' ? ['--', '-', '/'] : ['--', '-'];
  const found: string[] = [];
  for (const arg of argv) {
    const prefix = prefixes.find((p) => arg.startsWith(p));
    if (!prefix) continue;
    const name = arg.slice(prefix.length).split('=')[0].toLowerCase();
    if ((FORBIDDEN_SWITCHES as readonly string[]).includes(name)) found.push(arg.split('=')[0]);
  }
  return found;
}

export function refusalMessage(found: readonly string[]): string {
  return `SMS Outbox does not start with debugging switches (${found.join(', ')}): they would let another program read the API token.`;
}
