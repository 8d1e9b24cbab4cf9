// bench/poll: delivery-status polling of 100 batches / 100,000 recipients pending, on a fake clock
// (so the 15 s → 1 min → 5 min schedule runs in real seconds), against the real simulator.
//
//   node --import tsx bench/poll.ts [--batches 100] [--per 1000]
//
// Prints, per polling round: requests made (target: one per pending batch), statuses applied, and
// wall time; then the total requests until all final, requests while idle (target: zero), and a
// baseline measured in the same run: the same GETs with the bare GatewayClient, no database.
// The verdict (PASS/FAIL, exit code) is on request counts only; times are compared with the baseline
// as a ratio per request, and absolute times are context (they depend on the machine and its load).
import { parseArgs } from 'node:util';
import { GatewayClient } from '../src/core/gateway/client';
import { FakeClock, makeEngine, newCampaign, numbers, sendIdle, waitFor } from '../src/core/testing';

const { values } = parseArgs({
  options: { batches: { type: 'string', default: '100' }, per: { type: 'string', default: '1000' } },
});
const BATCHES = Number(values.batches);
const PER = Number(values.per);
const N = BATCHES * PER;
const HOUR = 3600_000;

interface Round {
  at: number;
  requests: number;
  pendingBatches: number;
  changed: number;
  ms: number;
}

async function main(): Promise<void> {
  const clock = new FakeClock();
  const h = await makeEngine({
    clock,
    simulator: { now: clock.now, credit: 1e9, notFoundUntilMs: 20_000, statusDelayMs: 90_000 },
    settings: { batchSize: PER, maxConcurrent: 2 },
    timeoutMs: 120_000,
  });
  const { engine, sim } = h;
  try {
    // ---- fill the outbox: N recipients sent through the simulator ----
    let t = performance.now();
    engine.campaigns.create(newCampaign({ people: numbers(N).map((msisdn) => ({ msisdn })), message: 'Hi %name%', tags: ['%name%'] }));
    engine.wake();
    await waitFor(() => sendIdle(h), 'sent', { timeoutMs: 600_000, intervalMs: 20 });
    const sendMs = performance.now() - t;
    const batches = engine.db.prepare("SELECT COUNT(*) FROM batches WHERE state = 'submitted'").pluck().get() as number;
    console.log(
      `bench/poll: ${N.toLocaleString('en')} recipients in ${batches} batches submitted (${(sendMs / 1000).toFixed(1)} s to send)`,
    );

    // ---- measure every polling round ----
    const rounds: Round[] = [];
    const poller = engine.statusPoller;
    const round = poller.round.bind(poller);
    const pendingBatches = engine.db.prepare(
      `SELECT COUNT(DISTINCT batch_id) FROM recipients
       WHERE state IN ('submitted', 'scheduled') AND (status IS NULL OR status IN ('UNKNOWN', 'SCHEDULED', 'BUFFERED', 'ENROUTE'))`,
    );
    const events = engine.db.prepare('SELECT COUNT(*) FROM status_events').pluck();
    poller.round = async () => {
      const before = poller.requests;
      const pending = pendingBatches.pluck().get() as number;
      const ev = events.get() as number;
      const t0 = performance.now();
      const wait = await round();
      const requests = poller.requests - before;
      if (requests > 0)
        rounds.push({
          at: clock.now(),
          requests,
          pendingBatches: pending,
          changed: (events.get() as number) - ev,
          ms: performance.now() - t0,
        });
      return wait;
    };
    const nextAt = engine.db.prepare('SELECT MIN(poll_next_at) FROM batches WHERE poll_next_at IS NOT NULL').pluck();
    const start = clock.now();
    const getsBefore = h.polls();
    for (let i = 0; i < 20; i++) {
      const next = nextAt.get() as number | null;
      if (next == null) break;
      const n = rounds.length;
      clock.advance(Math.max(0, next - clock.now()));
      await waitFor(() => rounds.length > n && ((nextAt.get() as number | null) ?? Infinity) > clock.now(), 'round', {
        timeoutMs: 120_000,
        intervalMs: 2,
      });
    }
    const total = h.polls() - getsBefore;

    // ---- idle: twelve hours with nothing pending ----
    const idleBefore = h.polls();
    for (let i = 0; i < 6; i++) {
      clock.advance(2 * HOUR);
      await new Promise((r) => setTimeout(r, 20));
    }
    const idle = h.polls() - idleBefore;

    // ---- baseline: the same GETs with the bare client, no database ----
    const ids = engine.db.prepare('SELECT gateway_id FROM batches WHERE gateway_id IS NOT NULL ORDER BY id').pluck().all() as number[];
    const client = new GatewayClient({ baseUrl: sim.url, token: sim.token, fetch: (u, i) => fetch(u, i), timeoutMs: 120_000 });
    t = performance.now();
    let reports = 0;
    for (const id of ids) reports += (await client.status(id))?.recipients.length ?? 0;
    const baseMs = performance.now() - t;

    console.log('');
    console.log('round  at       requests  pending batches  statuses applied  ms');
    for (const [i, r] of rounds.entries()) {
      const at = `+${((r.at - start) / 1000).toFixed(0)} s`.padEnd(8);
      console.log(
        `${String(i + 1).padEnd(6)} ${at} ${String(r.requests).padEnd(9)} ${String(r.pendingBatches).padEnd(16)} ${String(r.changed).padEnd(17)} ${r.ms.toFixed(0)}`,
      );
    }
    const final = engine.db
      .prepare("SELECT COUNT(*) FROM recipients WHERE status IN ('DELIVERED','UNDELIVERABLE','EXPIRED','REJECTED')")
      .pluck()
      .get();
    console.log('');
    console.log(
      `total status requests until all final: ${total} (${rounds.length} rounds × ${BATCHES} batches = ${rounds.length * BATCHES})`,
    );
    const onePerBatch = rounds.every((r) => r.requests === r.pendingBatches);
    console.log(`one request per pending batch per round: ${onePerBatch ? 'yes' : 'NO'}`);
    console.log(`recipients final: ${final} of ${N}`);
    console.log(`requests while idle for 12 h: ${idle}`);
    const last = rounds[rounds.length - 1];
    // Per request, so a final round that polls fewer batches than the baseline's GETs compares fairly.
    const basePer = baseMs / Math.max(1, ids.length);
    const lastPer = last ? last.ms / last.requests : NaN;
    console.log(
      `final round with DB writes: ${last ? (lastPer / basePer).toFixed(2) : '-'}× the baseline's time per request ` +
        `(context: ${last ? `${last.ms.toFixed(0)} ms for ${last.requests} GETs` : '-'}; baseline, the bare client without a database: ` +
        `${baseMs.toFixed(0)} ms for ${ids.length} GETs, ${reports} reports)`,
    );
    const ok = onePerBatch && idle === 0 && final === N;
    console.log(ok ? 'PASS: one request per pending batch per round, all final, none while idle' : 'FAIL: see the counts above');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await h.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
