// bench/stall: how long the main process's event loop is blocked while the app does bulk work on
// 100,000 rows. Electron's main process answers every window call on this loop: a stall of more than
// 50 ms is a frozen window. Measured with perf_hooks.monitorEventLoopDelay (max and p99 of the delay
// of a 5 ms timer), for each operation; the baseline is the same measurement on an idle loop.
// "before" rows run the code paths this change replaced (one transaction; one synchronous export)
// in the same run, for comparison.
//
//   node --import tsx bench/stall.ts [--n 100000]
//
// The simulator runs in its own process (as GatewayAPI would be elsewhere), so only the app's own
// work is on the measured loop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { Engine } from '../src/core/engine';
import { GatewayClient } from '../src/core/gateway/client';
import { writeSettings } from '../src/core/outbox/settings';
import { ImportSessions, campaignFromAnalysis } from '../src/core/importing/sessions';
import { resultsCsv } from '../src/core/exports/resultsCsv';
import { csvSafeCell } from '../src/core/exports/safeCsv';
import { Redactor } from '../src/core/secrets/redact';
import type { NewCampaign } from '../src/core/outbox/campaigns';
import { startSimChild } from './simProcess';
import { RESULT_FILTERS } from '../src/shared/contract';

const TOKEN = 'bench-token-stall-0123456789';
const { values } = parseArgs({ options: { n: { type: 'string', default: '100000' } } });
const N = Number(values.n);
const LIMIT_MS = 50;

interface Row {
  what: string;
  ms: number;
  maxMs: number;
  p99Ms: number;
  /** The longest time this thread spent on the CPU between two turns of the loop (its own blocking). */
  cpuMs: number;
}
const rows: Row[] = [];

/**
 * Two measures: monitorEventLoopDelay (max and p99, wall clock: it also counts time this process was
 * not scheduled at all, which on a shared 2-core machine is most of it), and a ticker that takes the
 * thread's own CPU time between two of its turns (process.threadCpuUsage): the part of a stall that
 * is this process's own work, whatever else the machine runs.
 */
async function measure(what: string, work: () => Promise<unknown> | unknown): Promise<void> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
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
  await sleep(15);
  h.reset();
  cpuMax = 0;
  const t0 = performance.now();
  // In a timer callback, so that synchronous work sits between two turns of the loop.
  await new Promise<void>((resolve, reject) => setTimeout(() => Promise.resolve(work()).then(() => resolve(), reject), 0));
  const ms = performance.now() - t0;
  await sleep(20);
  ticking = false;
  h.disable();
  const r = { what, ms, maxMs: h.max / 1e6, p99Ms: h.percentile(99) / 1e6, cpuMs: cpuMax };
  rows.push(r);
  console.log(
    `${what.padEnd(56)} ${fmt(r.ms).padStart(7)} ms   own CPU block max ${fmt(r.cpuMs).padStart(4)} ms   loop delay max ${fmt(r.maxMs).padStart(4)} ms  p99 ${fmt(r.p99Ms).padStart(4)} ms`,
  );
}
const cpuNow = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
const fmt = (x: number) => x.toFixed(0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------- the simulator, out of process ----------

// ---------- data: a contacts file as a user would import it ----------
function contactsCsv(n: number): Uint8Array {
  const first = ['Søren', 'Åse', 'Bjørn', 'Mette', 'Jørgen', 'Anne', 'Lærke', 'Mads'];
  const lines = ['Navn;Mobil;By'];
  for (let i = 0; i < n; i++) lines.push(`${first[i % first.length]} ${i};+45 ${20100000 + i};København`);
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

/** The results export as it was: every row in one synchronous pass. */
function exportBefore(engine: Engine, campaignId: number): string {
  const data: string[][] = [];
  for (const r of engine.campaigns.allRecipients(campaignId)) {
    data.push(
      [
        String(r.rowNo),
        r.msisdn,
        r.name ?? '',
        r.state,
        r.status ?? '',
        r.statusAt ? new Date(r.statusAt).toISOString() : '',
        r.errorCode ?? '',
        r.error ?? '',
        String(r.parts),
      ].map(csvSafeCell),
    );
  }
  return (
    '\uFEFF' + Papa.unparse({ fields: ['row', 'msisdn', 'name', 'state', 'status', 'status_time', 'error_code', 'error', 'parts'], data })
  );
}

async function main(): Promise<void> {
  console.log(`bench/stall: ${N.toLocaleString('en-US')} rows; limit ${LIMIT_MS} ms; Node ${process.version}`);
  const sim = await startSimChild(TOKEN);
  const dir = mkdtempSync(join(tmpdir(), 'sms-outbox-stall-'));
  const engine = new Engine({
    dataDir: dir,
    gateway: async () => new GatewayClient({ baseUrl: sim.url, token: TOKEN, fetch: (i, init) => fetch(i, init) }),
    // Polling is triggered by hand below; no credit polling during the run.
    pollScheduleMs: [3600_000],
    creditIntervalMs: 3600_000,
  });
  // The window refreshes its views while work goes on: the same queries, every 250 ms.
  let refreshing = false;
  const refresh = setInterval(() => {
    if (!refreshing) return;
    engine.campaigns.list(false);
    engine.campaigns.counts();
  }, 250);
  try {
    writeSettings(engine.db, { batchSize: 1000, maxConcurrent: 3 });
    await measure('baseline: idle event loop, 1 s', () => sleep(1000));

    const bytes = contactsCsv(N);
    const sessions = new ImportSessions();
    let importId = '';
    await measure(`import: preview (${(bytes.length / 1048576).toFixed(1)} MB)`, async () => {
      importId = (await sessions.preview('contacts.csv', bytes, () => null)).importId;
    });
    const args = { hasHeader: true, phoneColumn: 1, defaultCountry: 'DK', message: 'Hej %Navn%, vi ses', maxParts: 10 };
    await measure('import: analyse (check every row)', () => sessions.analyse(importId, args, new Set(), () => {}));
    const campaign: NewCampaign = campaignFromAnalysis(sessions.get(importId).analysis!, {
      name: 'stall',
      sender: 'Shop',
      sendAt: null,
      fileName: 'contacts.csv',
      fileHash: null,
      estimateCost: null,
      currency: null,
    });

    await measure('campaign creation, before: one transaction', () => engine.campaigns.create(campaign));
    const before = engine.campaigns.list(false)[0].id;
    engine.campaigns.cancel(before); // kept out of the send below
    let campaignId = 0;
    await measure('campaign creation: chunked transactions', async () => {
      campaignId = (await engine.campaigns.createInChunks(campaign)).campaignId;
    });

    refreshing = true;
    await measure('send (engine → simulator), window refreshing', async () => {
      engine.start();
      while (!(engine.sendIdle() && (engine.campaigns.counts().queued ?? 0) === 0)) await sleep(50);
    });
    await sleep(1500); // past the simulator's "404 until sent" window
    await measure('polling: one status round for every batch', async () => {
      engine.db.prepare('UPDATE batches SET poll_next_at = 0 WHERE poll_next_at IS NOT NULL').run();
      const polled = () => engine.db.prepare('SELECT COUNT(*) FROM batches WHERE poll_step > 0').pluck().get() as number;
      const total = engine.db
        .prepare('SELECT COUNT(*) FROM batches WHERE campaign_id = ? AND gateway_id IS NOT NULL')
        .pluck()
        .get(campaignId) as number;
      engine.statusPoller.wake();
      const deadline = Date.now() + 120_000;
      while (polled() < total && Date.now() < deadline) await sleep(50);
    });
    refreshing = false;

    await measure('results paging: 40 pages, filters and search', async () => {
      const filters = RESULT_FILTERS;
      for (let i = 0; i < 40; i++) {
        engine.campaigns.recipients({
          campaignId,
          search: i % 4 === 3 ? String(20100000 + i * 997) : '',
          filter: filters[i % filters.length],
          offset: (i * 2477) % (N - 100),
          limit: 100,
        });
        await sleep(0); // one page per window call
      }
    });
    await measure('status counts (window refresh) ×20', async () => {
      for (let i = 0; i < 20; i++) {
        engine.campaigns.list(false);
        engine.campaigns.counts();
        await sleep(0);
      }
    });
    await measure('export 100k, before: one synchronous pass', () => exportBefore(engine, campaignId));
    const redactor = new Redactor();
    redactor.remember(TOKEN);
    await measure('export 100k: chunked, then token scan over the bridge', async () =>
      redactor.deepAsync({ csv: await resultsCsv(engine.campaigns, campaignId) }),
    );
  } finally {
    clearInterval(refresh);
    await engine.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const worst = rows.filter((r) => !r.what.includes('before') && !r.what.startsWith('baseline'));
  const over = worst.filter((r) => r.cpuMs > LIMIT_MS);
  console.log(
    over.length === 0
      ? `every operation's own blocking stayed under ${LIMIT_MS} ms`
      : `own blocking over ${LIMIT_MS} ms: ${over.map((r) => `${r.what} (${fmt(r.cpuMs)} ms)`).join('; ')}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
