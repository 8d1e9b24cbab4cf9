// bench/send: 100,000 recipients through the real Engine (SQLite outbox, WAL + synchronous=FULL,
// lease checks, claim → in_flight → submitted per batch) to the simulator, against a baseline
// measured in the same run: the same POSTs with the bare GatewayClient and no database.
//
//   npm run build && node --import tsx bench/send.ts [--n 100000] [--batch 1000] [--concurrency 2,3,4] [--repeat 3] [--whole-only] [--also <built checkout>]
//
// First the whole process: the built `sms-outbox send` in its own process against a bare fetch loop
// in its own process (bench/sendProcess.ts), then the engine alone against the bare GatewayClient.
//
// Each figure is the median of --repeat runs (this machine has 2 cores that other work shares).
//
// The verdict is the ratio, not a speed: how many times the baseline's time the engine takes for the
// same recipients (target ≤ 2×, issue 19), and one POST per batch. Recipients/s, HTTP requests made
// (must be ceil(N / batch) when nothing fails), SQLite rows written per recipient and peak RSS are
// printed as context: absolute rates depend on the machine and on what else runs on it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Engine } from '../src/core/engine';
import { GatewayClient } from '../src/core/gateway/client';
import { writeSettings } from '../src/core/outbox/settings';
import type { NewRecipient } from '../src/core/outbox/campaigns';
import type { SendRequest } from '../src/core/gateway/types';
import type { SimStats } from './simChild';
import { startSimChild, type SimHandle } from './simProcess';
import { wholeProcessRun, type WholeRun } from './sendProcess';

const TOKEN = 'bench-token';
const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '2,3,4' },
    repeat: { type: 'string', default: '3' },
    /** Only the whole-process comparison (sms-outbox send against a bare fetch loop). */
    'whole-only': { type: 'boolean', default: false },
    /** Another checkout (built) whose CLI sends the same file in each round: before/after under the same load. */
    also: { type: 'string' },
  },
});
const REPEAT = Math.max(1, Number(values.repeat));
const N = Number(values.n);
const BATCH = Number(values.batch);
const LEVELS = String(values.concurrency).split(',').map(Number);
/** The engine may take at most this many times the baseline's time (engine rate ≥ baseline rate / 2). */
const TARGET_RATIO = 2;

// ---------- the simulator, out of process ----------

// ---------- data ----------
function recipients(n: number): NewRecipient[] {
  const out: NewRecipient[] = [];
  // 45 2010 0000…: unique, never ending in 666 (the simulator's blacklist) nor starting with 999.
  for (let i = 0; out.length < n; i++) {
    const msisdn = String(4520100000 + i);
    if (msisdn.endsWith('666')) continue;
    out.push({ rowNo: out.length + 2, msisdn, country: 'DK', name: `Person ${i}`, tagvalues: [`Person ${i}`], encoding: 'GSM7', parts: 1 });
  }
  return out;
}

// ---------- measurements ----------
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
sampler.unref();
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function baseline(sim: SimHandle, all: NewRecipient[], concurrency: number): Promise<number> {
  const client = new GatewayClient({ baseUrl: sim.url, token: TOKEN, fetch: (i, init) => fetch(i, init) });
  const batches: SendRequest[] = [];
  for (let i = 0; i < all.length; i += BATCH) {
    batches.push({
      sender: 'Shop',
      message: 'Hi %name%, spring sale today',
      encoding: 'UTF8',
      tags: ['%name%'],
      recipients: all.slice(i, i + BATCH).map((r) => ({ msisdn: r.msisdn, tagvalues: r.tagvalues! })),
    });
  }
  await sim.ask({ type: 'reset' });
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) await client.send(batches[next++]);
    }),
  );
  const ms = performance.now() - t0;
  const s = (await sim.ask({ type: 'stats' })) as SimStats;
  if (s.accepted !== all.length || s.duplicates !== 0) throw new Error(`baseline: accepted ${s.accepted}, duplicates ${s.duplicates}`);
  return rate(all.length, ms);
}

interface EngineRun {
  createMs: number;
  rate: number;
  posts: number;
  rowsPerRecipient: number;
  txPerBatch: number;
  peakRss: number;
  profile: Record<string, number>;
}

/** Answers like GatewayAPI at once, without HTTP: what the outbox alone costs. */
function fakeGateway(): { client: GatewayClient; posts: () => number } {
  let posts = 0;
  let id = 1;
  const send = async () => {
    posts++;
    return { ids: [id++], usage: null };
  };
  const client = {
    send,
    async prepareSend() {
      return send;
    },
    async status() {
      return null;
    },
    async account() {
      return { credit: 1e9, currency: 'DKK' };
    },
  } as unknown as GatewayClient;
  return { client, posts: () => posts };
}

async function engineRun(sim: SimHandle, all: NewRecipient[], concurrency: number, http = true): Promise<EngineRun> {
  const dir = mkdtempSync(join(tmpdir(), 'sms-outbox-bench-'));
  const fake = fakeGateway();
  const client = http ? new GatewayClient({ baseUrl: sim.url, token: TOKEN, fetch: (i, init) => fetch(i, init) }) : fake.client;
  let onChange = () => {};
  const engine = new Engine({
    dataDir: dir,
    gateway: async () => client,
    // Keep the pollers out of the measurement: no report is due during the run.
    pollScheduleMs: [3600_000],
    creditIntervalMs: 3600_000,
    on: { changed: () => onChange() },
  });
  try {
    writeSettings(engine.db, { batchSize: BATCH, maxConcurrent: concurrency });
    let t = performance.now();
    const { queued } = engine.campaigns.create({
      name: 'bench',
      sender: 'Shop',
      message: 'Hi %name%, spring sale today',
      tags: ['%name%'],
      sendAt: null,
      fileName: null,
      fileHash: null,
      estimateCost: null,
      currency: null,
      recipients: all,
    });
    const createMs = performance.now() - t;
    if (queued !== all.length) throw new Error(`queued ${queued} of ${all.length}`);
    await sim.ask({ type: 'reset' });

    const changes = () => engine.db.prepare('SELECT total_changes() AS n').pluck().get() as number;
    // Count commits via the WAL's frame counter is not portable; count transactions by spying on
    // the queue's writer methods instead (each is one IMMEDIATE transaction).
    const profile: Record<string, number> = {};
    const q = engine.queue as unknown as Record<string, (...a: unknown[]) => unknown>;
    let tx = 0;
    for (const name of ['claimNext', 'markInFlight', 'markSubmitted', 'markRetry', 'markUncertain', 'markFailed', 'releaseClaim']) {
      const orig = q[name].bind(engine.queue);
      q[name] = (...a: unknown[]) => {
        const s = performance.now();
        try {
          return orig(...a);
        } finally {
          profile[name] = (profile[name] ?? 0) + performance.now() - s;
          tx++;
        }
      };
    }
    const c0 = changes();
    peakRss = process.memoryUsage().rss;
    t = performance.now();
    const done = new Promise<void>((resolve) => {
      onChange = () => {
        if (engine.sendIdle()) resolve();
      };
    });
    engine.start();
    await done;
    const ms = performance.now() - t;
    const rowChanges = changes() - c0;
    const counts = engine.campaigns.counts();
    if (counts.submitted !== all.length) throw new Error(`submitted ${counts.submitted} of ${all.length}: ${JSON.stringify(counts)}`);
    let posts = fake.posts();
    if (http) {
      const s = (await sim.ask({ type: 'stats' })) as SimStats;
      if (s.accepted !== all.length || s.duplicates !== 0) throw new Error(`engine: accepted ${s.accepted}, duplicates ${s.duplicates}`);
      posts = s.posts;
    }
    return {
      createMs,
      rate: rate(all.length, ms),
      posts,
      rowsPerRecipient: rowChanges / all.length,
      txPerBatch: tx / posts,
      peakRss,
      profile: Object.fromEntries(Object.entries(profile).map(([k, v]) => [k, Math.round(v)])),
    };
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sim = await startSimChild(TOKEN);
  const all = recipients(N);
  const expectedPosts = Math.ceil(N / BATCH);
  console.log(`bench/send: ${N.toLocaleString('en-US')} recipients, batches of ${BATCH}, simulator in its own process at ${sim.url}`);
  // One warm-up round each (JIT, connection pool, SQLite page cache), not reported.
  await baseline(sim, all.slice(0, BATCH * 4), 2);
  let failed = false;
  // The whole process as a user runs it, against the bare floor (needs `npm run build`).
  const whole: WholeRun[] = [];
  for (let i = 0; i < REPEAT; i++) whole.push(await wholeProcessRun(sim, TOKEN, N, BATCH, 2, values.also ?? null));
  const wholeRatio = median(whole.map((w) => w.cliMs / w.floorMs));
  failed ||= wholeRatio > TARGET_RATIO;
  console.log(
    [
      `whole process: sms-outbox send of ${N.toLocaleString('en-US')} (start, import, store, send) takes ${wholeRatio.toFixed(2)}× the floor (target ≤ ${TARGET_RATIO}×${wholeRatio > TARGET_RATIO ? ', OVER' : ', ok'}; median of ${REPEAT})`,
      `sms-outbox send ${whole.map((w) => `${(w.cliMs / 1000).toFixed(1)} s`).join(', ')}; POSTs ${whole.map((w) => w.cliPosts).join(', ')}`,
      `floor (bare fetch loop, own process, reads the CSV, stores nothing) ${whole.map((w) => `${(w.floorMs / 1000).toFixed(1)} s`).join(', ')}`,
      ...(values.also
        ? [
            `--also ${values.also}: ${median(whole.map((w) => w.alsoMs! / w.floorMs)).toFixed(2)}× the floor (${whole.map((w) => `${(w.alsoMs! / 1000).toFixed(1)} s`).join(', ')}; not part of the verdict)`,
          ]
        : []),
    ].join('\n    '),
  );
  for (const c of values['whole-only'] ? [] : LEVELS) {
    const bases: number[] = [];
    const runs: EngineRun[] = [];
    const outboxOnly: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      bases.push(await baseline(sim, all, c));
      runs.push(await engineRun(sim, all, c));
      outboxOnly.push((await engineRun(sim, all, c, false)).rate);
    }
    const base = median(bases);
    const run = [...runs].sort((a, b) => a.rate - b.rate)[Math.floor(runs.length / 2)];
    const postsOk = runs.every((r) => r.posts === expectedPosts);
    // Time ratio: engine time / baseline time for the same N = baseline rate / engine rate.
    const ratio = base / run.rate;
    failed ||= !postsOk || ratio > TARGET_RATIO;
    const claims = run.profile.claimNext ?? 0;
    console.log(
      [
        `maxConcurrent ${c}:`,
        `engine ${run.rate.toLocaleString('en-US')} recipients/s (median of ${REPEAT}: ${runs.map((r) => r.rate.toLocaleString('en-US')).join(', ')})`,
        `baseline ${base.toLocaleString('en-US')}/s (bare GatewayClient, same POSTs, no database; ${bases.map((b) => b.toLocaleString('en-US')).join(', ')})`,
        `engine takes ${ratio.toFixed(2)}× the baseline's time (target ≤ ${TARGET_RATIO}×${ratio > TARGET_RATIO ? ', OVER' : ', ok'}; rate ratio engine/baseline ${(run.rate / base).toFixed(2)})`,
        `outbox alone (same engine, a gateway that answers at once without HTTP) ${median(outboxOnly).toLocaleString('en-US')}/s (${outboxOnly.map((b) => b.toLocaleString('en-US')).join(', ')})`,
        `HTTP POSTs ${run.posts} (expected ceil(N / batch) = ${expectedPosts}${postsOk ? ', ok' : ', MISMATCH'})`,
        `SQLite rows written per recipient ${run.rowsPerRecipient.toFixed(2)} (total_changes() delta / N)`,
        `queue transactions per batch ${run.txPerBatch.toFixed(1)} (each one IMMEDIATE, synchronous=FULL)`,
        `peak RSS ${mb(run.peakRss)}`,
        `campaign create (100k rows, one transaction) ${Math.round(run.createMs)} ms`,
        `time inside queue transactions, ms: ${JSON.stringify(run.profile)} (${(claims / run.posts).toFixed(1)} ms per claim)`,
      ].join('\n    '),
    );
  }
  const simStats = (await sim.ask({ type: 'stats' })) as SimStats;
  console.log(`process peak RSS (bench + engine) ${mb(process.resourceUsage().maxRSS * 1024)}; simulator RSS ${mb(simStats.rss)}`);
  console.log(
    failed
      ? `FAIL: the engine takes more than ${TARGET_RATIO}× the baseline's time, or a wrong request count`
      : `PASS: the engine takes at most ${TARGET_RATIO}× the baseline's time, one POST per batch`,
  );
  await sim.close();
  process.exitCode = failed ? 1 : 0;
}

void main();
