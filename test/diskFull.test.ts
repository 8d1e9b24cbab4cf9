// A full disk in the middle of a real CLI send, the way it happens on a laptop: the data folder on a
// small tmpfs, a file filling it to the last byte while `sms-outbox send` runs against a simulator
// (in this process, whose log is the truth). No stack trace, a clear "disk is full" message, answers
// held until they commit; with space back the same run finishes with 0 uncertain and every recipient
// accepted once. A disk that stays full ends the run with exit 6; SIGTERM always ends it promptly,
// so the next `resume` is not told "busy". Needs root on Linux (CI runs as root): skipped otherwise,
// with the reason printed.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src/simulator';
import { smallDisk, waitFor, type SmallDisk } from '../src/core/testing';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'src', 'cli', 'index.ts');
const TOKEN = 'disk-full-test-token-0123456789';
const N = 400;

let disk: SmallDisk | string;
let sim: Simulator;
let csvPath: string;
let runs = 0;

beforeAll(async () => {
  disk = smallDisk(16);
  if (typeof disk === 'string') {
    console.log(`skipped: the CLI full-disk tests (${disk})`);
    return;
  }
  sim = await startSimulator({ token: TOKEN, credit: 1e6, blockedCountries: [], statusDelayMs: 200, notFoundUntilMs: 0 });
  sim.faults.latencyMs = 40;
  csvPath = join(disk.dir, '..', 'contacts.csv');
  writeFileSync(csvPath, 'phone\n' + Array.from({ length: N }, (_, i) => `+4540${String(100000 + i)}`).join('\n') + '\n');
});
afterAll(async () => {
  await sim?.close();
  if (typeof disk !== 'string') disk.unmount();
});

interface Run {
  exited: Promise<{ code: number | null; out: string; err: string }>;
  out: () => string;
  err: () => string;
  signal(s: NodeJS.Signals): void;
}

function cli(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, GATEWAYAPI_TOKEN: TOKEN, SMS_OUTBOX_DATA_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; out: string; err: string }>((r) => child.on('exit', (code) => r({ code, out, err })));
  return { exited, out: () => out, err: () => err, signal: (s) => child.kill(s) };
}

const sendArgs = (dataDir: string) => [
  'send',
  '--csv',
  csvPath,
  '--message',
  'Hello',
  '--sender',
  'Shop',
  '--batch-size',
  '10',
  '--base-url',
  sim.url,
  '--data-dir',
  dataDir,
  '--yes',
];
const posts = () => sim.requests.filter((r) => r.method === 'POST').length;
const freshFolder = (d: SmallDisk) => {
  const dir = join(d.dir, `run${++runs}`);
  mkdirSync(dir);
  return dir;
};

describe('sms-outbox send on a disk that fills up (a real tmpfs)', () => {
  it('pauses with a clear message, then finishes with 0 uncertain once space is back', async (ctx) => {
    if (typeof disk === 'string') return ctx.skip();
    const d = disk;
    sim.reset();
    sim.faults.latencyMs = 40;
    const dataDir = freshFolder(d);
    const run = cli(sendArgs(dataDir));
    await waitFor(() => posts() >= 5, 'a few batches sent', { timeoutMs: 60_000 });
    d.fill();
    await waitFor(() => /disk holding the data folder is full/.test(run.err()), 'the disk-full message', { timeoutMs: 20_000 });
    await new Promise((r) => setTimeout(r, 3000));
    d.free();
    const { code, out, err } = await run.exited;
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
    expect(err).toMatch(/There is space on the disk again: sending resumed/);
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`${N} submitted|${N} of ${N}`));
    expect(out).not.toMatch(/uncertain/);
    expect(sim.log).toHaveLength(N);
    expect(sim.duplicates()).toEqual([]);
  }, 120_000);

  it('a disk that stays full ends the run with exit 6 and what to do (SIGTERM ends it within seconds even while it holds an answer); the next run is not "busy"', async (ctx) => {
    if (typeof disk === 'string') return ctx.skip();
    const d = disk;
    sim.reset();
    sim.faults.latencyMs = 40;
    const dataDir = freshFolder(d);
    const run = cli(sendArgs(dataDir), { SMS_OUTBOX_DISK_FULL_WAIT_SEC: '2' });
    await waitFor(() => posts() >= 3, 'a few batches sent', { timeoutMs: 60_000 });
    d.fill();
    await waitFor(() => /disk holding the data folder is full/.test(run.err()), 'the disk-full message', { timeoutMs: 20_000 });
    // With no answer held it gives up after the wait; holding one it waits for room, until told to stop.
    const early = await Promise.race([run.exited, new Promise<null>((r) => setTimeout(() => r(null), 6000))]);
    let terminatedAt: number | null = null;
    if (!early) {
      terminatedAt = Date.now();
      run.signal('SIGTERM');
    }
    const r = await run.exited;
    if (terminatedAt) expect(Date.now() - terminatedAt).toBeLessThan(8000);
    expect(r.code).toBe(6);
    expect(r.err).toMatch(/disk holding the data folder is full.*Free some space, then run "sms-outbox resume"/s);
    expect(r.err).not.toMatch(/\n\s+at /);
    const lost = [...r.err.matchAll(/GatewayAPI accepted batch \d+ of campaign \d+ \((\d+) recipients/g)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
    if (!terminatedAt) expect(lost).toBe(0);

    d.free();
    // The next run takes over (not "busy") and finishes: only a batch named above is uncertain.
    const next = await cli(['resume', '--base-url', sim.url, '--data-dir', dataDir]).exited;
    expect(next.err).not.toMatch(/busy/);
    expect(next.code).toBe(lost > 0 ? 4 : 0);
    if (lost > 0) expect(next.err).toMatch(new RegExp(`${lost} recipients are uncertain|${lost} uncertain`));
    expect(sim.log).toHaveLength(N);
    expect(sim.duplicates()).toEqual([]);
  }, 120_000);
});
