// Each simulator fault switch alone, against the real sender: what is retried, what becomes
// uncertain (never resent by itself), what pauses the whole outbox, what fails just some recipients.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock, makeEngine, newCampaign, numbers, pause, sendIdle, waitFor, type Harness, type HarnessOptions } from '../testing';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function setup(n: number, o: HarnessOptions = {}, msisdns = numbers(n)) {
  h = await makeEngine({ ...o, settings: { batchSize: 10, ...o.settings } });
  const { campaignId } = h.engine.campaigns.create(newCampaign({ people: msisdns.map((msisdn) => ({ msisdn })) }));
  h.engine.wake();
  return { h, campaignId, msisdns };
}

const batchRows = (h: Harness) =>
  h.engine.db.prepare('SELECT id, state, tries, next_attempt_at AS nextAt, error_code AS code, error FROM batches ORDER BY id').all() as {
    id: number;
    state: string;
    tries: number;
    nextAt: number | null;
    code: string | null;
    error: string | null;
  }[];
const attempts = (h: Harness) =>
  h.engine.db.prepare('SELECT batch_id AS batchId, outcome, http_status AS httpStatus, code, message, body FROM attempts ORDER BY id').all() as {
    batchId: number;
    outcome: string;
    httpStatus: number | null;
    code: string | null;
    message: string | null;
    body: string | null;
  }[];
const logged = (h: Harness) => new Set(h.sim.log.map((e) => e.msisdn));
const inState = (h: Harness, state: string) => [...h.states()].filter(([, s]) => s === state).map(([m]) => m).sort();

/** The invariant every test ends with: nothing accepted twice, and our states agree with the log. */
function agreesWithSimulator(h: Harness): void {
  expect(h.sim.duplicates()).toEqual([]);
  const log = logged(h);
  for (const [msisdn, state] of h.states()) {
    if (state === 'submitted') expect(log.has(msisdn), `${msisdn} submitted but not in the log`).toBe(true);
    if (log.has(msisdn)) expect(['submitted', 'uncertain']).toContain(state);
  }
}

describe('retried: provably not processed', () => {
  it('503 once: the batch is retried and every recipient is accepted once', async () => {
    const { h } = await setup(30, { settings: { maxConcurrent: 1 } });
    h.sim.faults.status5xx = { code: 503, count: 1 };
    await waitFor(() => sendIdle(h), 'sent');
    expect(h.counts()).toEqual({ submitted: 30 });
    expect(h.sends()).toBe(4);
    const a = attempts(h);
    expect(a[0]).toMatchObject({ outcome: 'transient', httpStatus: 503 });
    expect(a[0].body).toContain('temporarily unavailable');
    expect(a.filter((x) => x.batchId === a[0].batchId).map((x) => x.outcome)).toEqual(['transient', 'submitted']);
    agreesWithSimulator(h);
  });

  it('429 with Retry-After: waits exactly as long as GatewayAPI asks, then sends', async () => {
    const clock = new FakeClock();
    const { h } = await setup(10, { clock, engine: { retry: { baseMs: 5, capMs: 50 } } });
    h.sim.faults.rateLimit = { count: 1, retryAfterSec: 30 };
    await waitFor(() => batchRows(h)[0]?.state === 'retry_wait', 'retry_wait');
    expect(batchRows(h)[0].nextAt! - clock.now()).toBe(30_000);
    expect(h.engine.sender.state.offline).toBe(false);
    clock.advance(29_999);
    await pause(100);
    expect(h.sends()).toBe(1);
    expect(h.counts()).toEqual({ retry_wait: 10 });
    clock.advance(1);
    await waitFor(() => sendIdle(h), 'sent after Retry-After');
    expect(h.counts()).toEqual({ submitted: 10 });
    expect(h.sends()).toBe(2);
    agreesWithSimulator(h);
  });

  it('429 without Retry-After backs off exponentially (capped), tries counted', async () => {
    const clock = new FakeClock();
    const { h } = await setup(10, { clock, engine: { retry: { baseMs: 1000, capMs: 4000 }, random: () => 1 } });
    h.sim.faults.rateLimit = { count: 4 };
    const delays: number[] = [];
    for (let i = 1; i <= 4; i++) {
      await waitFor(() => h.sends() === i && batchRows(h)[0]?.state === 'retry_wait', `429 #${i}`);
      delays.push(batchRows(h)[0].nextAt! - clock.now());
      clock.advance(delays[delays.length - 1]);
    }
    expect(delays).toEqual([1000, 2000, 4000, 4000]);
    await waitFor(() => sendIdle(h), 'sent');
    expect(batchRows(h)[0]).toMatchObject({ state: 'submitted', tries: 5 });
  });
});

describe('uncertain: may have been accepted, never resent by itself', () => {
  it.each([
    ['dropBeforeAccept', false],
    ['dropAfterAccept', true],
  ] as const)('%s: the batch becomes uncertain, the others are sent', async (fault, accepted) => {
    const { h } = await setup(30, { settings: { maxConcurrent: 1 } });
    h.sim.faults[fault] = { count: 1 };
    await waitFor(() => sendIdle(h), 'done');
    await pause(100); // nothing more is sent by itself
    expect(h.sends()).toBe(3);
    expect(h.counts()).toEqual({ submitted: 20, uncertain: 10 });
    const uncertain = inState(h, 'uncertain');
    expect(uncertain.every((m) => logged(h).has(m))).toBe(accepted);
    expect(h.sim.log).toHaveLength(accepted ? 30 : 20);
    expect(attempts(h)[0].outcome).toBe('ambiguous');
    expect(h.notices.filter((n) => n.key === 'uncertain')).toHaveLength(1);
    const err = h.engine.db.prepare("SELECT DISTINCT error FROM recipients WHERE state = 'uncertain'").pluck().all() as string[];
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/Resend.*Mark as sent/);
    agreesWithSimulator(h);
  });

  it.each([
    [500, true],
    [500, false],
    [502, true],
    [504, false],
  ] as const)('HTTP %i (accepted first: %s) → uncertain, the answer kept in the attempt', async (code, acceptBeforeFail) => {
    const { h } = await setup(10);
    h.sim.faults.status5xx = { code, acceptBeforeFail, count: 1 };
    await waitFor(() => sendIdle(h), 'done');
    await pause(50);
    expect(h.counts()).toEqual({ uncertain: 10 });
    expect(h.sends()).toBe(1);
    expect(h.sim.log).toHaveLength(acceptBeforeFail ? 10 : 0);
    const a = attempts(h);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ outcome: 'ambiguous', httpStatus: code });
    expect(a[0].body).toBeTruthy();
    if (code !== 500) expect(a[0].body).toContain('<html>');
    agreesWithSimulator(h);
  });

  it('a request that hangs past the client timeout → uncertain', async () => {
    const { h } = await setup(10, { timeoutMs: 300 });
    h.sim.faults.hang = { count: 1 };
    await waitFor(() => sendIdle(h), 'done');
    expect(h.counts()).toEqual({ uncertain: 10 });
    expect(attempts(h)[0].message).toMatch(/did not answer within 0.3 s/);
    await pause(50);
    expect(h.sends()).toBe(1);
    agreesWithSimulator(h);
  });
});

describe('offline', () => {
  it('waits without burning tries or probing with every batch, and resumes at once on wake()', async () => {
    h = await makeEngine({ settings: { batchSize: 10 }, engine: { retry: { baseMs: 2000, capMs: 60_000, offlineMaxMs: 60_000 } } });
    await h.sim.goOffline();
    h.engine.campaigns.create(newCampaign({ people: numbers(50).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => h!.engine.sender.state.offline, 'offline');
    await pause(300);
    const c = h.counts();
    // Each worker probed once; the rest of the queue was not claimed just to fail.
    expect(c.retry_wait).toBeLessThanOrEqual(20);
    expect(c.queued).toBeGreaterThanOrEqual(30);
    const rows = batchRows(h);
    expect(rows.every((b) => b.tries === 0)).toBe(true);
    expect(attempts(h).length).toBeLessThanOrEqual(2);
    expect(rows.every((b) => b.nextAt! - Date.now() > 500)).toBe(true);

    await h.sim.goOnline();
    const t = Date.now();
    h.engine.wake();
    await waitFor(() => sendIdle(h!), 'sent after wake', { timeoutMs: 3000 });
    expect(Date.now() - t).toBeLessThan(500);
    expect(h.counts()).toEqual({ submitted: 50 });
    expect(h.engine.sender.state.offline).toBe(false);
    agreesWithSimulator(h);
  });

  it('resumes by itself when the network returns, backing off meanwhile', async () => {
    h = await makeEngine({ settings: { batchSize: 10 }, engine: { retry: { baseMs: 20, capMs: 60_000, offlineMaxMs: 160 } } });
    await h.sim.goOffline();
    h.engine.campaigns.create(newCampaign({ people: numbers(20).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await pause(700);
    // 20, 40, 80, 160, 160… ms with jitter: a handful of probes, not a busy loop.
    const probes = attempts(h).filter((a) => a.outcome !== 'in_flight'); // one may be under way now
    expect(probes.length).toBeGreaterThanOrEqual(3);
    expect(probes.length).toBeLessThanOrEqual(16);
    expect(probes.every((a) => a.outcome === 'transient' && a.httpStatus === null)).toBe(true);
    expect(h.sends()).toBe(0);
    await h.sim.goOnline();
    await waitFor(() => sendIdle(h!), 'sent by itself', { timeoutMs: 3000 });
    expect(h.counts()).toEqual({ submitted: 20 });
    expect(batchRows(h).every((b) => b.tries === 1)).toBe(true);
    agreesWithSimulator(h);
  });

  it('time spent offline does not count toward giving up', async () => {
    const HOUR = 3600_000;
    const clock = new FakeClock();
    h = await makeEngine({
      clock,
      settings: { batchSize: 10, maxConcurrent: 1 },
      engine: { retry: { baseMs: 1000, capMs: 60_000, offlineMaxMs: 60_000, maxAgeMs: HOUR } },
    });
    await h.sim.goOffline();
    h.engine.campaigns.create(newCampaign({ people: numbers(10).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => h!.engine.sender.state.offline, 'offline');
    for (let i = 0; i < 3; i++) {
      clock.advance(HOUR); // a night with the lid closed
      await pause(20);
    }
    await h.sim.goOnline();
    h.sim.faults.rateLimit = { count: 1 }; // and GatewayAPI is busy for a moment when we are back
    h.engine.wake();
    await waitFor(() => h!.sends() === 1 && batchRows(h!)[0].state === 'retry_wait', '429 after the night');
    clock.advance(1000);
    await waitFor(() => sendIdle(h!), 'sent');
    expect(h.counts()).toEqual({ submitted: 10 });
  });
});

describe('pausing the whole outbox', () => {
  it('401: pauses for auth with everything back in the queue; a new token and resume send it all', async () => {
    h = await makeEngine({ settings: { batchSize: 10 } });
    h.token.value = 'wrong-token';
    h.engine.campaigns.create(newCampaign({ people: numbers(30).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => h!.engine.pauseInfo().reason === 'auth', 'auth pause');
    await waitFor(() => h!.engine.sender.state.running === 0, 'requests finished');
    await pause(100);
    expect(h.counts()).toEqual({ queued: 30 });
    expect(h.sim.log).toEqual([]);
    const sendsWhilePaused = h.sends();
    expect(sendsWhilePaused).toBeLessThanOrEqual(2); // at most one per worker
    expect(h.engine.pauseInfo().message).toMatch(/refused the token/);
    expect(h.notices.filter((n) => n.key === 'paused-auth')).toHaveLength(1);
    expect(JSON.stringify(attempts(h))).not.toContain('wrong-token');

    h.token.value = h.sim.token;
    h.engine.resume();
    await waitFor(() => sendIdle(h!), 'sent after resume');
    expect(h.counts()).toEqual({ submitted: 30 });
    agreesWithSimulator(h);
    expect(h.sim.log).toHaveLength(30);
  });

  it('credit exhausted (0x0216): pauses, the rest waits; top up + resume sends the rest once', async () => {
    // 0.25 per part: 5.00 pays for two batches of 10.
    h = await makeEngine({ settings: { batchSize: 10, maxConcurrent: 1 }, simulator: { credit: 5 } });
    h.engine.campaigns.create(newCampaign({ people: numbers(30).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => h!.engine.pauseInfo().reason === 'credit', 'credit pause');
    await waitFor(() => h!.engine.sender.state.running === 0, 'requests finished');
    expect(h.counts()).toEqual({ submitted: 20, queued: 10 });
    expect(h.engine.pauseInfo().message).toMatch(/Insufficient credit/);
    expect(h.notices.map((n) => n.key)).toContain('paused-credit');
    await pause(100);
    expect(h.sends()).toBe(3);

    h.sim.setCredit(100);
    h.engine.resume();
    await waitFor(() => sendIdle(h!), 'sent after top-up');
    expect(h.counts()).toEqual({ submitted: 30 });
    expect(h.sim.log).toHaveLength(30);
    agreesWithSimulator(h);
  });

  it('credit exhausted, then topped up: the credit check notices and sending resumes by itself', async () => {
    h = await makeEngine({ settings: { batchSize: 10, maxConcurrent: 1 }, simulator: { credit: 5 } });
    await h.engine.creditPoller.refresh();
    h.engine.campaigns.create(newCampaign({ people: numbers(30).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => h!.engine.pauseInfo().reason === 'credit', 'credit pause');
    await waitFor(() => h!.engine.sender.state.running === 0, 'requests finished');
    await h.engine.creditPoller.refresh(); // the balance after the pause: no top-up yet
    expect(h.engine.pauseInfo().reason).toBe('credit');

    h.sim.setCredit(100);
    await h.engine.creditPoller.refresh();
    expect(h.engine.pauseInfo().reason).toBeNull();
    expect(h.notices.map((n) => n.key)).toContain('credit-topped-up');
    await waitFor(() => sendIdle(h!), 'sent after top-up');
    expect(h.counts()).toEqual({ submitted: 30 });
    expect(h.sim.duplicates()).toEqual([]);
  });

  it('account frozen (0x022A): pauses as frozen, nothing lost', async () => {
    const { h } = await setup(10);
    h.sim.faults.frozen = true;
    await waitFor(() => h.engine.pauseInfo().reason === 'frozen', 'frozen pause');
    await waitFor(() => h.engine.sender.state.running === 0, 'requests finished');
    expect(h.counts()).toEqual({ queued: 10 });
    h.sim.faults.frozen = false;
    h.engine.resume();
    await waitFor(() => sendIdle(h), 'sent');
    expect(h.counts()).toEqual({ submitted: 10 });
  });
});

describe('permanent refusals', () => {
  it('0x0215 blacklisted numbers fail alone; the rest of their batch is sent', async () => {
    const bad = ['4520000666', '4520001666', '4599999666'];
    const { h } = await setup(0, {}, [...numbers(27), ...bad]);
    await waitFor(() => sendIdle(h), 'done');
    expect(h.counts()).toEqual({ submitted: 27, failed: 3 });
    expect(inState(h, 'failed')).toEqual([...bad].sort());
    const failed = h.engine.db.prepare("SELECT DISTINCT error_code AS code, error FROM recipients WHERE state = 'failed'").all() as { code: string; error: string }[];
    expect(failed).toHaveLength(1);
    expect(failed[0].code).toBe('0x0215');
    expect(failed[0].error).toMatch(/blacklisted/);
    expect(h.sim.log).toHaveLength(27);
    agreesWithSimulator(h);
  });

  it('a per-recipient refusal that names nobody splits the batch until the culprit is found', async () => {
    // A gateway that says "blacklisted" without the variables: the sender must bisect.
    const stripVariables = (real: (u: string, i?: RequestInit) => Promise<Response>) => async (u: string, i?: RequestInit) => {
      const res = await real(u, i);
      if (res.status !== 403) return res;
      const body = (await res.json()) as Record<string, unknown>;
      delete body.variables;
      return new Response(JSON.stringify(body), { status: 403, headers: { 'content-type': 'application/json' } });
    };
    const msisdns = [...numbers(15), '4520000666'];
    const { h } = await setup(0, { fetch: stripVariables, settings: { batchSize: 16 } }, msisdns);
    await waitFor(() => sendIdle(h), 'done');
    expect(h.counts()).toEqual({ submitted: 15, failed: 1 });
    expect(inState(h, 'failed')).toEqual(['4520000666']);
    // 16 → 8 → 4 → 2 → 1: log2(16) refused requests, plus the halves that went through.
    expect(h.sim.requests.filter((r) => r.status === 403)).toHaveLength(5);
    expect(h.sends()).toBeLessThanOrEqual(10);
    agreesWithSimulator(h);
  });

  it('400: the batch fails with the gateway code and message', async () => {
    h = await makeEngine({ settings: { batchSize: 10 } });
    h.engine.campaigns.create(newCampaign({ people: numbers(20).map((msisdn) => ({ msisdn })), sender: 'A sender too long' }));
    h.engine.wake();
    await waitFor(() => sendIdle(h!), 'done');
    expect(h.counts()).toEqual({ failed: 20 });
    const rows = batchRows(h);
    expect(rows.map((b) => b.state)).toEqual(['failed', 'failed']);
    expect(rows[0].code).toBe('0x0220');
    expect(rows[0].error).toMatch(/HTTP 400, 0x0220.*Invalid sender/);
    const r = h.engine.db.prepare("SELECT error_code AS code, error FROM recipients LIMIT 1").get() as { code: string; error: string };
    expect(r).toEqual({ code: '0x0220', error: rows[0].error });
    expect(h.sends()).toBe(2);
  });

  it('gives up after maxAgeMs of transient errors, saying so', async () => {
    const { h } = await setup(10, { engine: { retry: { baseMs: 5, capMs: 20, maxAgeMs: 200 } } });
    h.sim.faults.rateLimit = {};
    await waitFor(() => sendIdle(h), 'gave up');
    expect(h.counts()).toEqual({ failed: 10 });
    const last = attempts(h).at(-1)!;
    expect(last.outcome).toBe('gave_up');
    expect(last.message).toMatch(/stayed unavailable for more than 0.2 s.*gave up.*Resend to failed/);
    expect(h.sends()).toBeGreaterThan(3);
    expect(h.sim.log).toEqual([]);
  });
});
