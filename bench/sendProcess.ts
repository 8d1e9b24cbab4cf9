// bench/send's whole-process comparison: `sms-outbox send` of N recipients as a user runs it (the
// built CLI in its own Node process: start, import, store, send, one POST per batch) against the
// floor, a bare fetch loop in its own Node process that reads the same CSV and sends the same POSTs
// storing nothing (bench/bareSend.mjs). Both against the same out-of-process simulator, in the same run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SimHandle } from './simProcess';
import type { SimStats } from './simChild';

const ROOT = resolve(__dirname, '..');
const MESSAGE = 'Hi %name%, spring sale';

/** A contacts file as a user would have it; never a number ending in 666 (the simulator's blacklist). */
export function contactsCsv(dir: string, n: number): string {
  const lines = ['name,phone'];
  for (let i = 0; lines.length <= n; i++) {
    const national = 20100000 + i;
    if (national % 1000 === 666) continue;
    lines.push(`Person ${i},+45 ${national}`);
  }
  const file = join(dir, 'contacts.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number | null; stderr: string }> {
  const t0 = performance.now();
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', fail);
    child.once('exit', (code) => ok({ ms: performance.now() - t0, code, stderr }));
  });
}

export interface WholeRun {
  cliMs: number;
  floorMs: number;
  cliPosts: number;
  /** The same send by another build (`--also <checkout>`), in the same round; null without one. */
  alsoMs: number | null;
}

/** One `sms-outbox send` of `csv` by the build in `root`; throws unless the simulator accepted all, once. */
async function cliSend(sim: SimHandle, root: string, csv: string, dataDir: string, token: string, n: number, batch: number) {
  await sim.ask({ type: 'reset' });
  const cli = await run(
    [
      join(root, 'bin', 'sms-outbox.js'),
      ...['send', '--csv', csv, '--message', MESSAGE, '--sender', 'Shop', '--yes'],
      ...['--base-url', sim.url, '--data-dir', dataDir, '--batch-size', String(batch)],
    ],
    { ...process.env, GATEWAYAPI_TOKEN: token },
  );
  const s = (await sim.ask({ type: 'stats' })) as SimStats;
  if (cli.code !== 0 || s.accepted !== n || s.duplicates !== 0) {
    throw new Error(
      `sms-outbox send (${root}): exit ${cli.code}, accepted ${s.accepted} of ${n}, duplicates ${s.duplicates}: ${cli.stderr.slice(0, 500)}`,
    );
  }
  return { ms: cli.ms, posts: s.posts };
}

/**
 * One CLI send and one bare loop, each checked against the simulator's count of what it accepted;
 * with `also`, that checkout's built CLI sends the same file too (before/after in one round).
 */
export async function wholeProcessRun(
  sim: SimHandle,
  token: string,
  n: number,
  batch: number,
  concurrency: number,
  also: string | null = null,
): Promise<WholeRun> {
  const dir = mkdtempSync(join(tmpdir(), 'sms-outbox-bench-cli-'));
  try {
    const csv = contactsCsv(dir, n);
    const cli = await cliSend(sim, ROOT, csv, join(dir, 'data'), token, n, batch);
    const other = also ? await cliSend(sim, resolve(also), csv, join(dir, 'data-also'), token, n, batch) : null;
    await sim.ask({ type: 'reset' });
    const floor = await run([join(__dirname, 'bareSend.mjs'), csv, sim.url, token, String(batch), String(concurrency)], process.env);
    const f = (await sim.ask({ type: 'stats' })) as SimStats;
    if (floor.code !== 0 || f.accepted !== n)
      throw new Error(`bare loop: exit ${floor.code}, accepted ${f.accepted}: ${floor.stderr.slice(0, 500)}`);
    return { cliMs: cli.ms, floorMs: floor.ms, cliPosts: cli.posts, alsoMs: other?.ms ?? null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
