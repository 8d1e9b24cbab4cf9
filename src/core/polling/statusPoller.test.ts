// Delivery-status polling with a fake clock: the schedule, 404 = not yet, final statuses by the
// simulator's last-digit rule, out-of-order reports, stopping, validity, and restart.
import { parseStoredReason } from '../../shared/i18n/messages';
import { storedReasonText } from '../testing/reasons';
import { afterEach, describe, expect, it } from 'vitest';
import { finalStatusFor } from '../../simulator';
import { DEFAULT_POLL_SCHEDULE_MS } from './statusPoller';
import { FakeClock, makeEngine, newCampaign, numbers, pause, sendIdle, waitFor, type Harness } from '../testing';
import type { SimulatorOptions } from '../../simulator';
import type { FetchFn } from '../types';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

const MIN = 60_000;
const HOUR = 60 * MIN;

interface BatchPoll {
  id: number;
  gatewayId: number;
  step: number;
  nextAt: number | null;
}
const batches = (h: Harness) =>
  h.engine.db
    .prepare('SELECT id, gateway_id AS gatewayId, poll_step AS step, poll_next_at AS nextAt FROM batches ORDER BY id')
    .all() as BatchPoll[];
const statuses = (h: Harness) =>
  new Map(
    (h.engine.db.prepare('SELECT msisdn, status FROM recipients').all() as { msisdn: string; status: string | null }[]).map((r) => [
      r.msisdn,
      r.status,
    ]),
  );
/** Paths of the status GETs the simulator saw. */
const pollPaths = (h: Harness) => h.sim.requests.filter((r) => r.method === 'GET' && /^\/rest\/mtsms\/\d+$/.test(r.path));

async function sent(
  n: number,
  o: { sim?: SimulatorOptions; validityMs?: number; sendAt?: number | null; fetch?: (real: FetchFn) => FetchFn; clock?: FakeClock } = {},
) {
  const clock = o.clock ?? new FakeClock();
  const h = await makeEngine({
    clock,
    simulator: { now: clock.now, notFoundUntilMs: 20_000, statusDelayMs: 90_000, ...o.sim },
    settings: { batchSize: 10 },
    engine: { validityMs: o.validityMs },
    fetch: o.fetch,
  });
  cleanup.push(() => h.close());
  h.engine.campaigns.create(newCampaign({ people: numbers(n).map((msisdn) => ({ msisdn })), sendAt: o.sendAt ?? null }));
  h.engine.wake();
  await waitFor(() => sendIdle(h), 'sent');
  return { h, clock, t0: clock.now() };
}

/** Waits until every batch has been polled into `step` (or is done). */
const polledTo = (h: Harness, step: number) =>
  waitFor(() => batches(h).every((b) => b.step === step || b.nextAt === null), `poll step ${step}`);

describe('status poller', () => {
  it('first poll after 15 s; 404 = not yet; ENROUTE; final by last digit; then no more requests', async () => {
    const { h, clock, t0 } = await sent(30);
    const gatewayIds = batches(h).map((b) => b.gatewayId);
    expect(gatewayIds).toHaveLength(3);
    expect(batches(h).map((b) => b.nextAt)).toEqual([t0 + 15_000, t0 + 15_000, t0 + 15_000]);

    clock.advance(14_999);
    await pause(50);
    expect(h.polls()).toBe(0);

    // Round 1, at 15 s: GatewayAPI does not know the messages yet (404).
    clock.advance(1);
    await polledTo(h, 1);
    expect(pollPaths(h).map((r) => r.status)).toEqual([404, 404, 404]);
    expect([...statuses(h).values()].every((s) => s === null)).toBe(true);
    expect(batches(h).every((b) => b.nextAt === clock.now() + MIN)).toBe(true);

    // Round 2, one minute later: on its way.
    clock.advance(MIN);
    await polledTo(h, 2);
    expect(h.polls()).toBe(6);
    expect(new Set(statuses(h).values())).toEqual(new Set(['ENROUTE']));

    // Round 3, five minutes later: final, per the simulator's last-digit rule.
    clock.advance(5 * MIN);
    await waitFor(() => batches(h).every((b) => b.nextAt === null), 'all final');
    expect(h.polls()).toBe(9);
    for (const [msisdn, status] of statuses(h)) expect(status).toBe(finalStatusFor(msisdn));
    const undeliverable = h.engine.db
      .prepare("SELECT error_code AS code, error FROM recipients WHERE status = 'UNDELIVERABLE' LIMIT 1")
      .get() as { code: string; error: string };
    expect(undeliverable.code).toBe('0x0001');
    // Our words for the status in the reader's language, GatewayAPI's own text kept beside them.
    expect(parseStoredReason(undeliverable.error)).toMatchObject({
      code: 'delivery_report',
      gwCode: '0x0001',
      original: 'Absent subscriber',
    });
    expect(storedReasonText(undeliverable.error, 'da')).toBe(
      'Teleselskabet kunne ikke levere den (fx fordi nummeret ikke er i brug). Betales normalt. (0x0001)',
    );

    // One request per batch per round.
    const perRound = [0, 1, 2].map((r) =>
      pollPaths(h)
        .slice(r * 3, r * 3 + 3)
        .map((p) => Number(p.path.split('/').pop()))
        .sort(),
    );
    for (const round of perRound) expect(round).toEqual([...gatewayIds].sort());

    // Nothing pending: zero requests however long the app stays open.
    for (let i = 0; i < 5; i++) {
      clock.advance(2 * HOUR);
      await pause(10);
    }
    expect(h.polls()).toBe(9);
    expect(h.notices.map((n) => n.key)).toContain(`finished-1`);
  });

  it('while GatewayAPI answers 404 the schedule stretches: 15 s → 1 min → 5 min → 30 min → 2 h → 2 h', async () => {
    const times: number[] = [];
    const clock = new FakeClock();
    const record =
      (real: FetchFn): FetchFn =>
      (u, i) => {
        if (/\/rest\/mtsms\/\d+$/.test(u) && (i?.method ?? 'GET') === 'GET') times.push(clock.now());
        return real(u, i);
      };
    const { h, t0 } = await sent(5, { clock, sim: { notFoundUntilMs: 100 * HOUR }, fetch: record });
    for (let step = 1; step <= 6; step++) {
      const [b] = batches(h);
      clock.advance(b.nextAt! - clock.now());
      await polledTo(h, step);
    }
    const gaps = times.map((t, i) => t - (i === 0 ? t0 : times[i - 1]));
    expect(gaps).toEqual([15_000, MIN, 5 * MIN, 30 * MIN, 2 * HOUR, 2 * HOUR]);
    expect(DEFAULT_POLL_SCHEDULE_MS).toEqual([15_000, MIN, 5 * MIN, 30 * MIN, 2 * HOUR]);
    expect([...statuses(h).values()].every((s) => s === null)).toBe(true);
  });

  it('validity passed without a final report: NO_FINAL_REPORT, and polling stops', async () => {
    const { h, clock } = await sent(5, { sim: { notFoundUntilMs: 100 * HOUR }, validityMs: 10 * MIN });
    // Polls at 15 s, 1:15, 6:15 (all within validity), then 36:15 (past it).
    for (let i = 0; i < 4; i++) {
      clock.advance(batches(h)[0].nextAt! - clock.now());
      // The request is seen before its answer is recorded: wait for the new schedule too.
      await waitFor(() => h.polls() === i + 1 && (batches(h)[0].step === i + 1 || batches(h)[0].nextAt === null), `poll ${i + 1}`);
    }
    await waitFor(() => batches(h)[0].nextAt === null, 'stopped');
    expect(new Set(statuses(h).values())).toEqual(new Set(['NO_FINAL_REPORT']));
    expect(h.counts()).toEqual({ submitted: 5 });
    clock.advance(10 * HOUR);
    await pause(20);
    expect(h.polls()).toBe(4);
  });

  it('an out-of-order report after a final one never replaces it', async () => {
    const { h, clock } = await sent(10);
    clock.advance(15_000);
    await polledTo(h, 1);
    clock.advance(MIN);
    await polledTo(h, 2);
    clock.advance(5 * MIN);
    await waitFor(() => batches(h)[0].nextAt === null, 'final');
    const final = statuses(h);
    const events = h.engine.db.prepare('SELECT COUNT(*) FROM status_events').pluck().get();

    // GatewayAPI now serves a stale ENROUTE for half the recipients; make us poll once more.
    h.sim.faults.outOfOrder = { count: 3 };
    h.engine.polls.schedule(batches(h)[0].id, clock.now(), 3);
    h.engine.wake();
    await waitFor(() => h.polls() === 4, 'extra poll');
    await waitFor(() => batches(h)[0].nextAt === null, 'final again');
    expect(h.sim.faults.outOfOrder?.count).toBe(2); // the stale report was served
    expect(statuses(h)).toEqual(final);
    expect(h.engine.db.prepare('SELECT COUNT(*) FROM status_events').pluck().get()).toBe(events);
  });

  it('a restart resumes polling where it left off (the schedule is in SQLite)', async () => {
    const clock = new FakeClock();
    const { h, t0 } = await sent(10, { clock });
    clock.advance(15_000);
    await polledTo(h, 1);
    const { nextAt } = batches(h)[0];
    expect(nextAt).toBe(t0 + 75_000);
    const { sim, dataDir } = h;
    // Close the engine but keep its simulator and folder.
    const h2 = await makeEngine({ clock, sim, dataDir, settings: { batchSize: 10 } });
    cleanup.push(() => h2.close());
    await h.engine.close();
    await waitFor(() => h2.engine.holdsLease, 'second engine holds the lease');

    clock.advance(15_000); // a fresh start would poll now
    await pause(50);
    expect(h2.polls()).toBe(1);
    clock.advance(nextAt! - clock.now());
    await polledTo(h2, 2);
    expect(h2.polls()).toBe(2);
    expect(new Set(statuses(h2).values())).toEqual(new Set(['ENROUTE']));
  });

  it('offline: a failed poll is retried later without advancing the schedule', async () => {
    const { h, clock } = await sent(10);
    await h.sim.goOffline();
    clock.advance(15_000);
    await waitFor(() => batches(h)[0].nextAt === clock.now() + 30_000, 'rescheduled');
    expect(batches(h)[0].step).toBe(0);
    await h.sim.goOnline();
    clock.advance(30_000);
    await polledTo(h, 1);
    expect(h.polls()).toBe(1);
    expect(batches(h)[0].nextAt).toBe(clock.now() + MIN);
  });

  it('a batch whose poll keeps failing still reaches NO_FINAL_REPORT after validity, backing off meanwhile', async () => {
    const { h, clock, t0 } = await sent(20, { validityMs: 10 * HOUR });
    await h.sim.goOffline();
    const tries = () => h.engine.statusPoller.requests;
    const pending = () => batches(h).filter((b) => b.nextAt !== null);
    // The network stays down for longer than validity + margin (10 h + 1 h): the clock jumps to
    // each next try, which is rescheduled before the next jump.
    const poller = h.engine.statusPoller;
    while (pending().length > 0 && clock.now() - t0 < 13 * HOUR && tries() < 1000) {
      await waitFor(() => pending().length === 0 || (poller.wakeAt != null && poller.wakeAt > clock.now()), 'the poller asleep');
      if (pending().length > 0) clock.advance(poller.wakeAt! - clock.now());
    }
    expect(pending()).toEqual([]);
    expect(new Set(statuses(h).values())).toEqual(new Set(['NO_FINAL_REPORT']));
    expect(clock.now() - t0).toBeGreaterThan(11 * HOUR); // validity + the margin, not before
    // Not one try per batch every 30 s (2 × 1,320 in 11 h): offline, the waits grow and one failed
    // try holds the other batch's too.
    expect(tries()).toBeLessThan(60);
  });

  it('a scheduled send is first polled after its sendtime, and then counts as submitted', async () => {
    const clock = new FakeClock();
    const sendAt = Math.floor(clock.now() / 1000) + 3600;
    const { h } = await sent(10, { clock, sendAt });
    expect(h.counts()).toEqual({ scheduled: 10 });
    expect(h.sim.log.every((e) => e.sendtime === sendAt)).toBe(true);
    expect(batches(h)[0].nextAt).toBe(sendAt * 1000 + 15_000);
    clock.advance(HOUR);
    await pause(50);
    expect(h.polls()).toBe(0);
    clock.advance(15_000);
    await polledTo(h, 1);
    expect(h.counts()).toEqual({ submitted: 10 });
    expect(new Set(statuses(h).values())).toEqual(new Set(['ENROUTE']));
  });
});

describe('scheduled recipients', () => {
  it('stay scheduled (cancellable) while the gateway reports SCHEDULED, and count as submitted after', async () => {
    const clock = new FakeClock();
    const sendAt = Math.floor(clock.now() / 1000) + 3600;
    const { h } = await sent(2, { clock, sendAt });
    const b = h.engine.db.prepare('SELECT id FROM batches').get() as { id: number };
    const [m1, m2] = [...statuses(h).keys()];
    const report = (msisdn: string, status: string) => ({ msisdn, status, error: null, code: null, time: null, country: 'DK' });
    await h.engine.polls.apply(b.id, [report(m1, 'SCHEDULED'), report(m2, 'SCHEDULED')]);
    expect(h.counts()).toEqual({ scheduled: 2 });
    await h.engine.polls.apply(b.id, [report(m1, 'ENROUTE')]);
    expect(h.counts()).toEqual({ scheduled: 1, submitted: 1 });
  });
});
