// Crash safety, proved the hard way: the real CLI runs as a child process sending a few thousand
// recipients to a slow simulator (in this process), and is SIGKILLed at many points; then
// `sms-outbox resume` finishes the job. Whatever instant the kill hit, every recipient must end in
// exactly one documented state, nothing may be accepted twice, and the outbox must agree with
// what the simulator accepted.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../src/core/engine';
import { startSimulator, type Simulator } from '../src/simulator';
import { seededRandom } from '../src/core/testing';
import { RECIPIENT_STATES } from '../src/shared/states';
import type { RecipientRow } from '../src/shared/contract';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'src', 'cli', 'index.ts');
const TOKEN = 'crash-test-token-0123456789';
const N = 3000;
const BATCH = 20;
const KILL_ROUNDS = 10;
const SEED = 20261125;

let sim: Simulator;
let dir: string;
let csvPath: string;

interface Child {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>;
  /** Resolves when the CLI says it started sending (or found nothing to do). */
  started: Promise<void>;
  kill(): void;
  alive(): boolean;
}

function runCli(args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, GATEWAYAPI_TOKEN: TOKEN, SMS_OUTBOX_DATA_DIR: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let alive = true;
  let onStart = () => {};
  const started = new Promise<void>((r) => (onStart = r));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (/Sending campaign|Resuming|Nothing to send/.test(out)) onStart();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((r) =>
    // 'exit' comes after Node reaped the child: its pid is free, so the next run sees a dead lease holder.
    child.on('exit', (code, signal) => {
      alive = false;
      onStart();
      r({ code, signal, out, err });
    }),
  );
  return { exited, started, kill: () => child.kill('SIGKILL'), alive: () => alive };
}

const sendArgs = () => [
  'send',
  '--csv',
  csvPath,
  '--message',
  'Hi %name%, spring sale today',
  '--sender',
  'Shop',
  '--name',
  'crash',
  '--base-url',
  sim.url,
  '--data-dir',
  dir,
  '--batch-size',
  String(BATCH),
  '--yes',
];
const resumeArgs = () => ['resume', '--base-url', sim.url, '--data-dir', dir, '--batch-size', String(BATCH)];

/** The outbox as the test sees it between runs (no lease taken, nothing started). */
function withOutbox<T>(fn: (e: Engine) => T | Promise<T>): Promise<T> {
  const e = new Engine({ dataDir: dir, gateway: async () => null });
  return Promise.resolve()
    .then(() => fn(e))
    .finally(() => e.close());
}

function rows(e: Engine): RecipientRow[] {
  return e.campaigns.list(false).flatMap((c) => [...e.campaigns.allRecipients(c.id)]);
}

/** Invariants that must hold after every crash, before anyone resolves anything. */
function checkInvariants(all: RecipientRow[]): void {
  const accepted = new Set(sim.log.map((l) => l.msisdn));
  expect(sim.duplicates()).toEqual([]);
  const known = new Set<string>(RECIPIENT_STATES);
  const bad: string[] = [];
  for (const r of all) {
    if (!known.has(r.state)) bad.push(`${r.msisdn}: unknown state ${r.state}`);
    // Recorded as accepted ⇒ the simulator did accept it.
    if ((r.state === 'submitted' || r.state === 'scheduled') && !accepted.has(r.msisdn))
      bad.push(`${r.msisdn}: submitted but never accepted`);
    // Accepted ⇒ never back in a state the sender would send again by itself.
    if (accepted.has(r.msisdn) && !['submitted', 'marked_sent', 'in_flight', 'uncertain'].includes(r.state)) {
      bad.push(`${r.msisdn}: accepted but ${r.state}`);
    }
  }
  expect(bad.slice(0, 10)).toEqual([]);
  expect(new Set(all.map((r) => r.msisdn)).size).toBe(all.length);
}

/** The user's decision for uncertain recipients, made with knowledge only a test has. */
async function resolveUncertain(): Promise<{ markedSent: number; resent: number }> {
  const accepted = new Set(sim.log.map((l) => l.msisdn));
  return withOutbox(async (e) => {
    let markedSent = 0;
    let resent = 0;
    for (const c of e.campaigns.list(false)) {
      const uncertain = [...e.campaigns.allRecipients(c.id)].filter((r) => r.state === 'uncertain');
      const yes = uncertain.filter((r) => accepted.has(r.msisdn)).map((r) => r.id);
      const no = uncertain.filter((r) => !accepted.has(r.msisdn)).map((r) => r.id);
      if (yes.length) markedSent += await e.campaigns.resolveUncertain(c.id, yes, 'mark_sent');
      if (no.length) resent += await e.campaigns.resolveUncertain(c.id, no, 'resend');
    }
    return { markedSent, resent };
  });
}

/** Until the simulator has handled whatever the dead process had written (no new request for 150 ms). */
async function settle(): Promise<void> {
  const deadline = Date.now() + 3000;
  let seen = -1;
  while (sim.requests.length !== seen && Date.now() < deadline) {
    seen = sim.requests.length;
    await new Promise((r) => setTimeout(r, 150));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-crash-'));
  csvPath = join(dir, 'contacts.csv');
  const lines = ['name,phone'];
  // Danish mobile numbers 20 10 00 00 …; none ends in 666 (the simulator's blacklist).
  for (let i = 0; lines.length <= N; i++) {
    const n = String(20_100_000 + i * 7);
    if (!n.endsWith('666')) lines.push(`Person ${i},+45${n}`);
  }
  writeFileSync(csvPath, lines.join('\n') + '\n');
  sim = await startSimulator({ token: TOKEN, credit: 1e9, statusDelayMs: 3_600_000 });
  // Slow answers: most of the time a request is under way, so kills land mid-request.
  sim.faults.latencyMs = 80;
});

afterAll(async () => {
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('crash safety of the CLI sender', () => {
  it(
    'survives SIGKILL at many points: one state each, nothing sent twice, outbox = simulator log',
    { timeout: 150_000 } /* ~55 s alone on a shared 2-core machine */,
    async () => {
      const random = seededRandom(SEED);
      let kills = 0;
      let resolved = { markedSent: 0, resent: 0 };
      let campaignStored = false;

      for (let round = 0; round < KILL_ROUNDS; round++) {
        const child = runCli(campaignStored ? resumeArgs() : sendArgs());
        // Every third kill counts from the spawn (it may hit start-up, import or recovery); the others
        // from the moment sending began.
        if (round % 3 === 0) await new Promise((r) => setTimeout(r, 50 + random() * 1450));
        else {
          await child.started;
          await new Promise((r) => setTimeout(r, random() * 600));
        }
        if (child.alive()) {
          child.kill();
          kills++;
        }
        const res = await child.exited;
        if (res.signal !== 'SIGKILL') expect([0, 4], res.err).toContain(res.code);
        await settle();

        const all = await withOutbox(rows);
        campaignStored ||= all.length > 0;
        if (campaignStored) expect(all).toHaveLength(N);
        checkInvariants(all);
        const r = await resolveUncertain();
        resolved = { markedSent: resolved.markedSent + r.markedSent, resent: resolved.resent + r.resent };
      }
      expect(kills).toBeGreaterThanOrEqual(KILL_ROUNDS - 3);
      expect(campaignStored).toBe(true);

      // Finish: resume until nothing is left (a resend needs one more run).
      for (let i = 0; i < 3; i++) {
        const res = await runCli(resumeArgs()).exited;
        expect([0, 4], res.err).toContain(res.code);
        await settle();
        checkInvariants(await withOutbox(rows));
        const r = await resolveUncertain();
        resolved = { markedSent: resolved.markedSent + r.markedSent, resent: resolved.resent + r.resent };
        if (res.code === 0 && r.markedSent + r.resent === 0) break;
      }

      const all = await withOutbox(rows);
      const accepted = sim.log.map((l) => l.msisdn);
      expect(sim.duplicates()).toEqual([]);
      expect(accepted).toHaveLength(N);
      expect(all).toHaveLength(N);
      const byState = new Map<string, number>();
      for (const r of all) byState.set(r.state, (byState.get(r.state) ?? 0) + 1);
      expect(
        [...byState.keys()].every((s) => s === 'submitted' || s === 'marked_sent'),
        JSON.stringify([...byState]),
      ).toBe(true);
      expect(new Set(accepted)).toEqual(new Set(all.map((r) => r.msisdn)));
      // The kills did hit requests under way (otherwise this test proved little).
      expect(resolved.markedSent + resolved.resent).toBeGreaterThan(0);

      // The CLI's own view agrees.
      const status = await runCli(['status', '--data-dir', dir, '--json']).exited;
      expect(status.code).toBe(0);
      const lines = status.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { state: string; msisdn: string });
      expect(lines).toHaveLength(N);
      expect(lines.filter((l) => l.state === 'marked_sent')).toHaveLength(byState.get('marked_sent') ?? 0);
      console.log(
        `crash suite: ${kills} kills, ${resolved.markedSent} uncertain marked as sent, ${resolved.resent} resent, ` +
          `${sim.requests.filter((q) => q.method === 'POST').length} POSTs for ${N} recipients in batches of ${BATCH}`,
      );
    },
  );
});
