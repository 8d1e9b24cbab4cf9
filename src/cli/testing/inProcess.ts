// The CLI run in-process for tests: real parsing, folder, engine and HTTP; a fake terminal and keychain.
import { createMemoryStore } from '../../core/secrets/secretStore';
import type { CliDeps } from '../deps';
import { runCli } from '../run';

export async function cliInProcess(
  argv: string[],
  o: { env?: NodeJS.ProcessEnv; signal?: AbortSignal; demo?: CliDeps['demo'] } = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    env: o.env ?? {},
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    interactive: false,
    ask: null,
    secrets: () => createMemoryStore(),
    fetch: (input, init) => fetch(input, init),
    signal: o.signal ?? new AbortController().signal,
    tickMs: 20,
    demo: o.demo,
  });
  return { code, out, err };
}
