// bench/stall: how long the main process's event loop is blocked (wall clock) while the outbox works
// at 200,000 recipients. Electron's main process answers every window call on this loop: a stall of
// more than 50 ms is a frozen window. The verdict is perf_hooks.monitorEventLoopDelay's max over each
// operation (wall clock: fsync and being descheduled count too); the baseline is the same measure on
// an idle loop in the same run. The simulator runs in its own process (as GatewayAPI would be
// elsewhere), so only the app's own work is on the measured loop.
//
// While the engine works, the window's real refresh runs on every outbox.changed (throttled to one
// per 250 ms, as openApp does): outbox.state, campaign.page (the first 30 campaigns, each summarised)
// and campaign.recipients (the open results view's first page) — the calls the renderer's stores
// (stores/outbox.ts, stores/results.ts) make on that event.
//
// Two passes over the same operations: "in main" (before: the engine on the measured thread, as the
// app ran it until issue 19) and "core process" (the app now: the core in a forked child running the
// app's own host entry, src/app/host/coreHostMain.ts, reached through main's client exactly as the
// shell does; the window's calls are bridge calls, and each call's round trip — how long the window
// waits for its answer while the child writes — is printed too). The verdict is the core-process
// pass's loop delay on main.
//
//   node --import tsx bench/stall.ts [--n 200000] [--repeat 3] [--core both|child|main]
//
// Exits non-zero if the median (over --repeat runs) of any operation's max delay exceeds 50 ms in
// the pass that is the app (the core process; the in-main pass alone with --core main).
import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Engine } from '../src/core/engine';
import { GatewayClient } from '../src/core/gateway/client';
import { writeSettings } from '../src/core/outbox/settings';
import type { NewCampaign, NewRecipient } from '../src/core/outbox/campaigns';
import { createCoreClient, type CoreClient } from '../src/app/host/coreClient';
import { nodeForkCore } from '../src/app/host/nodeFork';
import { createMemoryStore } from '../src/core/secrets/secretStore';
import { startSimChild } from './simProcess';

const TOKEN = 'bench-token-stall-0123456789';
const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '200000' },
    repeat: { type: 'string', default: '3' },
    core: { type: 'string', default: 'both' },
  },
});
const PASSES = (values.core === 'both' ? ['main', 'child'] : [values.core]) as Pass[];
if (!PASSES.every((p) => p === 'main' || p === 'child')) throw new Error('--core is both, child or main');
const N = Number(values.n);
const HALF = Math.floor(N / 2);
const REPEAT = Math.max(1, Number(values.repeat));
const LIMIT_MS = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cpuNow = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Max and p99 of the event loop's delay (wall clock: the verdict) while `work` runs, how long it took,
 * and the longest CPU time this thread spent between two turns of the loop (its own blocking, which
 * tells our work from the time a loaded machine did not schedule us).
 */
async function measure(work: () => Promise<unknown> | unknown): Promise<{ ms: number; maxMs: number; p99Ms: number; cpuMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  let cpuMax = 0;
  let lastCpu = cpuNow();
  let ticking = true;
  const tick = () => {
    const c = cpuNow();
    cpuMax = Math.max(cpuMax, c - lastCpu);
    lastCpu = c;
    if (ticking) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  // The histogram records from its second tick on: enabled, then given time, before the work starts.
  h.enable();
  await sleep(20);
  h.reset();
  cpuMax = 0;
  const t0 = performance.now();
  // In a timer callback, so that synchronous work sits between two turns of the loop.
  await new Promise<void>((resolve, reject) => setTimeout(() => Promise.resolve(work()).then(() => resolve(), reject), 0));
  const ms = performance.now() - t0;
  await sleep(20);
  h.disable();
  ticking = false;
  return { ms, maxMs: h.max / 1e6, p99Ms: h.percentile(99) / 1e6, cpuMs: cpuMax };
}

function recipients(n: number, first: number): NewRecipient[] {
  const out: NewRecipient[] = [];
  for (let i = 0; out.length < n; i++) {
    const msisdn = String(first + i);
    if (msisdn.endsWith('666')) continue; // the simulator's blacklist
    out.push({ rowNo: out.length + 2, msisdn, country: 'DK', name: `Person ${i}`, tagvalues: [`Person ${i}`], encoding: 'GSM7', parts: 1 });
  }
  return out;
}

function campaign(name: string, people: NewRecipient[]): NewCampaign {
  return {
    name,
    sender: 'Shop',
    message: 'Hej %Navn%, vi ses',
    tags: ['%Navn%'],
    sendAt: null,
    fileName: null,
    fileHash: null,
    estimateCost: null,
    currency: null,
    recipients: people,
  };
}

/** The window's refresh on outbox.changed, at most one per 250 ms (as openApp throttles the event). */
function refreshOnChange(refresh: () => Promise<void>) {
  let refreshes = 0;
  let timer: NodeJS.Timeout | null = null;
  return {
    changed: () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        refreshes++;
        void refresh();
      }, 250);
    },
    refreshes: () => refreshes,
    stop: () => timer && clearTimeout(timer),
  };
}

type Pass = 'main' | 'child';
type Row = Awaited<ReturnType<typeof measure>> & { rtt?: { p99Ms: number; maxMs: number; calls: number } };

/** The operations, in order, named alike in both passes so their figures line up. */
const OP = {
  baseline: 'baseline: idle event loop, 1 s',
  send: `send ${N.toLocaleString('en-US')} (engine → simulator), window refreshing`,
  poll: `polling: one status round for every batch (${Math.ceil(N / 1000)} × 1,000)`,
  refresh: 'window refresh ×20 (idle)',
  cancel: `cancel a campaign of ${HALF.toLocaleString('en-US')} queued`,
  resend: `resend failed: ${HALF.toLocaleString('en-US')}`,
  markSent: `resolve uncertain: mark ${HALF.toLocaleString('en-US')} chosen ids as sent`,
};

/** Batches not yet polled since `since` (the poll round forces every one due at `since`). */
const UNPOLLED = 'SELECT COUNT(*) FROM batches WHERE poll_next_at IS NOT NULL AND poll_next_at <= ?';

async function runInMain(sim: Awaited<ReturnType<typeof startSimChild>>): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  const dir = mkdtempSync(join(tmpdir(), 'sms-outbox-stall-'));
  let onChanged: (ids: number[]) => void = () => {};
  const engine = new Engine({
    dataDir: dir,
    gateway: async () => new GatewayClient({ baseUrl: sim.url, token: TOKEN, fetch: (i, init) => fetch(i, init) }),
    // Polling is triggered by hand below; no credit polling during the run.
    pollScheduleMs: [3600_000],
    creditIntervalMs: 3600_000,
    on: { changed: (ids) => onChanged(ids) },
  });
  let open = 0; // the campaign whose results view is open
  // The window's refresh on outbox.changed: the handlers of outbox.state, campaign.page and
  // campaign.recipients, as dispatch runs them (each its own turn of the loop, as IPC delivers them).
  let failedCalls = 0;
  /** A bridge call as dispatch runs it: an error is an answer ("Something went wrong"), not a crash. */
  const call = (fn: () => unknown) => {
    try {
      fn();
    } catch {
      failedCalls++;
    }
  };
  const refresh = async () => {
    call(() => engine.outboxState());
    await sleep(0);
    call(() => {
      const { ids } = engine.campaignPage({ search: '', status: 'all', offset: 0, limit: 30 });
      ids.map((id) => engine.campaigns.get(id, false));
    });
    await sleep(0);
    if (open) call(() => engine.campaigns.recipients({ campaignId: open, search: '', filter: 'all', offset: 0, limit: 200 }));
  };
  const view = refreshOnChange(refresh);
  onChanged = view.changed;
  const row = async (what: string, work: () => Promise<unknown> | unknown) => rows.set(what, await measure(work));
  try {
    writeSettings(engine.db, { batchSize: 1000, maxConcurrent: 3 });
    await row(OP.baseline, () => sleep(1000));
    const main = (await engine.campaigns.createInChunks(campaign('stall', recipients(N, 4520100000)))).campaignId;
    open = main;
    await sim.ask({ type: 'reset' });
    await row(OP.send, async () => {
      engine.start();
      while (!(engine.sendIdle() && (engine.campaigns.counts().queued ?? 0) === 0)) await sleep(50);
    });
    await sleep(1500); // past the simulator's "404 until sent" window
    const since = Date.now();
    engine.db.prepare('UPDATE batches SET poll_next_at = ? WHERE poll_next_at IS NOT NULL').run(since);
    await row(OP.poll, async () => {
      const unpolled = engine.db.prepare(UNPOLLED).pluck();
      engine.statusPoller.wake();
      const deadline = Date.now() + 120_000;
      while ((unpolled.get(since) as number) > 0 && Date.now() < deadline) await sleep(50);
    });
    await row(OP.refresh, async () => {
      for (let i = 0; i < 20; i++) await refresh();
    });

    // The user's decisions on 100,000 recipients. The queue is paused so nothing is sent meanwhile.
    engine.pause('user', 'bench');
    const second = (await engine.campaigns.createInChunks(campaign('to cancel', recipients(HALF, 4530100000)))).campaignId;
    await row(OP.cancel, async () => {
      await engine.campaigns.cancel(second);
      onChanged([second]);
    });
    // Half the sent campaign failed (set up directly: what is measured is the resend).
    const failIds = engine.db
      .prepare('SELECT id FROM recipients WHERE campaign_id = ? ORDER BY id LIMIT ?')
      .pluck()
      .all(main, HALF) as number[];
    engine.db.prepare("UPDATE recipients SET state = 'failed' WHERE campaign_id = ? AND id <= ?").run(main, failIds[failIds.length - 1]);
    await row(OP.resend, async () => {
      await engine.campaigns.resendFailed(main);
      onChanged([main]);
    });
    engine.db.prepare("UPDATE recipients SET state = 'uncertain' WHERE campaign_id = ? AND id <= ?").run(main, failIds[failIds.length - 1]);
    await row(OP.markSent, async () => {
      await engine.campaigns.resolveUncertain(main, failIds, 'mark_sent');
      onChanged([main]);
    });
    await sleep(300); // the last refresh
    if (view.refreshes() === 0) throw new Error('the window refresh never ran');
    // Before the fix, campaign.page listed a campaign still being stored and then failed on it.
    if (failedCalls > 0) console.log(`  ${failedCalls} window calls failed during this run`);
  } finally {
    view.stop();
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

const HOST = join(__dirname, '..', 'src', 'app', 'host', 'coreHostMain.ts');

/** The folder as the app would find it: both campaigns stored (paused, so nothing goes before the measured send). */
async function prepareFolder(dir: string, simUrl: string): Promise<{ mainId: number; second: number }> {
  const engine = new Engine({ dataDir: dir, gateway: async () => null });
  try {
    writeSettings(engine.db, { batchSize: 1000, maxConcurrent: 3, platform: 'custom', customBaseUrl: simUrl });
    const mainId = (await engine.campaigns.createInChunks(campaign('stall', recipients(N, 4520100000)))).campaignId;
    const second = (await engine.campaigns.createInChunks(campaign('to cancel', recipients(HALF, 4530100000)))).campaignId;
    engine.campaigns.setStatus(mainId, 'paused');
    engine.campaigns.setStatus(second, 'paused');
    return { mainId, second };
  } finally {
    await engine.close();
  }
}

/** p99 and max of the round trips (ms) of the bridge calls made during one operation. */
function rttStats(xs: number[]): NonNullable<Row['rtt']> {
  const sorted = [...xs].sort((a, b) => a - b);
  return { p99Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0, maxMs: sorted.at(-1) ?? 0, calls: xs.length };
}

/**
 * The app now: the core in a forked child (the app's host entry), main a relay. Every window call
 * goes through main's client as a bridge call; the bench's own SQLite connection only sets up
 * (failed/uncertain rows, polls due) outside the measured windows, or reads progress.
 */
async function runInChild(sim: Awaited<ReturnType<typeof startSimChild>>): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  const dir = mkdtempSync(join(tmpdir(), 'sms-outbox-stall-'));
  const { mainId, second } = await prepareFolder(dir, sim.url);
  const secrets = createMemoryStore();
  await secrets.set(TOKEN);
  let onChanged: () => void = () => {};
  const client: CoreClient = createCoreClient({
    fork: nodeForkCore(HOST, { execArgv: ['--import', 'tsx'] }),
    init: { dataDir: dir, version: 'bench', osLanguages: ['en'] },
    confirm: async () => true,
    secrets,
    resolveProxy: async () => 'DIRECT',
    emit: (event) => {
      if (event === 'outbox.changed') onChanged();
    },
    logger: { info() {}, warn() {}, error: (m, d) => console.error(`  core: ${m} ${d ? JSON.stringify(d) : ''}`) },
  });
  let rtts: number[] = [];
  let failedCalls = 0;
  const call = async (name: string, input: unknown) => {
    const t0 = performance.now();
    const r = await client.dispatch(name, input);
    rtts.push(performance.now() - t0);
    if (!r.ok) failedCalls++;
    return r;
  };
  const refresh = async () => {
    await call('outbox.state', {});
    await call('campaign.page', { search: '', status: 'all', offset: 0, limit: 30 });
    await call('campaign.recipients', { campaignId: mainId, search: '', filter: 'all', offset: 0, limit: 200 });
  };
  const view = refreshOnChange(refresh);
  onChanged = view.changed;
  const row = async (what: string, work: () => Promise<unknown> | unknown) => {
    rtts = [];
    const m = await measure(work);
    rows.set(what, { ...m, rtt: rttStats(rtts) });
  };
  const db = new Database(join(dir, 'outbox.sqlite'));
  db.pragma('busy_timeout = 30000');
  try {
    await client.start();
    await row(OP.baseline, () => sleep(1000));
    await sim.ask({ type: 'reset' });
    await row(OP.send, async () => {
      await call('campaign.resume', { campaignId: mainId });
      // The sent campaign's own counts (the paused one stays queued): one row of the counter table.
      const left = db
        .prepare(
          "SELECT COALESCE(SUM(n), 0) FROM recipient_counts WHERE campaign_id = ? AND state IN ('queued', 'claimed', 'in_flight', 'retry_wait')",
        )
        .pluck();
      while ((left.get(mainId) as number) > 0) await sleep(50);
    });
    await sleep(1500); // past the simulator's "404 until sent" window
    // Made due before the measured window: the bench's own write could wait on the core's lock there
    // (busy_timeout sleeps on this thread), which the app's main never does.
    const since = Date.now();
    db.prepare('UPDATE batches SET poll_next_at = ? WHERE poll_next_at IS NOT NULL').run(since);
    await row(OP.poll, async () => {
      const unpolled = db.prepare(UNPOLLED).pluck();
      client.wake();
      const deadline = Date.now() + 120_000;
      while ((unpolled.get(since) as number) > 0 && Date.now() < deadline) await sleep(50);
    });
    await row(OP.refresh, async () => {
      for (let i = 0; i < 20; i++) await refresh();
    });
    await call('outbox.pause', {});
    await row(OP.cancel, () => call('campaign.cancel', { campaignId: second }));
    const failIds = db.prepare('SELECT id FROM recipients WHERE campaign_id = ? ORDER BY id LIMIT ?').pluck().all(mainId, HALF) as number[];
    const last = failIds[failIds.length - 1];
    db.prepare("UPDATE recipients SET state = 'failed' WHERE campaign_id = ? AND id <= ?").run(mainId, last);
    await row(OP.resend, () => call('campaign.resendFailed', { campaignId: mainId }));
    db.prepare("UPDATE recipients SET state = 'uncertain' WHERE campaign_id = ? AND id <= ?").run(mainId, last);
    await row(OP.markSent, () => call('campaign.resolveUncertain', { campaignId: mainId, recipientIds: failIds, action: 'mark_sent' }));
    await sleep(300); // the last refresh
    if (view.refreshes() === 0) throw new Error('the window refresh never ran');
    if (failedCalls > 0) console.log(`  ${failedCalls} window calls failed during this run`);
  } finally {
    view.stop();
    db.close();
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function report(passes: Map<Pass, Map<string, Row>[]>): number {
  const fmt = (x: number) => x.toFixed(0).padStart(4);
  const med = (rs: Row[], f: (r: Row) => number) => median(rs.map(f));
  const verdictPass: Pass = passes.has('child') ? 'child' : 'main';
  let over = 0;
  console.log(
    `median of ${REPEAT} run(s); max of each run in brackets; the verdict is the ${verdictPass === 'child' ? 'core-process' : 'in-main'} pass`,
  );
  for (const what of Object.values(OP)) {
    console.log(`  ${what}`);
    for (const [pass, runs] of passes) {
      const all = runs.map((r) => r.get(what)!);
      const max = med(all, (r) => r.maxMs);
      const bad = pass === verdictPass && !what.startsWith('baseline') && max > LIMIT_MS;
      if (bad) over++;
      const rtt = all[0]!.rtt
        ? `   call round trip p99 ${fmt(med(all, (r) => r.rtt!.p99Ms))} max ${fmt(med(all, (r) => r.rtt!.maxMs))} ms (${all[0]!.rtt.calls} calls)`
        : '';
      console.log(
        `${bad ? 'OVER' : '    '}   ${(pass === 'child' ? 'core process' : 'in main (before)').padEnd(17)} ${fmt(med(all, (r) => r.ms)).padStart(7)} ms   loop delay max ${fmt(max)} ms [${all.map((r) => r.maxMs.toFixed(0)).join(', ')}]  p99 ${fmt(med(all, (r) => r.p99Ms))} ms   own CPU block max ${fmt(med(all, (r) => r.cpuMs))} ms${rtt}`,
      );
    }
  }
  console.log(over === 0 ? `ok: every operation's loop delay stayed ≤ ${LIMIT_MS} ms` : `FAIL: ${over} operation(s) over ${LIMIT_MS} ms`);
  return over;
}

async function main(): Promise<void> {
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
  console.log(
    `bench/stall: ${N.toLocaleString('en-US')} recipients; limit ${LIMIT_MS} ms (loop delay, wall clock); Node ${process.version}; ${cpus().length} cores, load average ${load()}`,
  );
  const sim = await startSimChild(TOKEN);
  const passes = new Map<Pass, Map<string, Row>[]>(PASSES.map((p) => [p, []]));
  try {
    // Alternating, so the machine's load drifts over both passes alike.
    for (let i = 0; i < REPEAT; i++) {
      for (const pass of PASSES) passes.get(pass)!.push(await (pass === 'child' ? runInChild(sim) : runInMain(sim)));
    }
  } finally {
    await sim.close();
  }
  console.log(`load average after: ${load()}`);
  process.exitCode = report(passes) === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
