// Each simulator fault switch alone, against the real sender: what is retried, what becomes
// uncertain (never resent by itself), what pauses the whole outbox, what fails just some recipients.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import {
  FakeClock,
  storedReasonText,
  makeEngine,
  newCampaign,
  numbers,
  pause,
  sendIdle,
  waitFor,
  type Harness,
  type HarnessOptions,
} from '../testing';
import { DB_FILE } from '../db/open';
import { GatewayClient } from '../gateway/client';
import { GatewayError } from '../gateway/errors';
import type { SendRequest } from '../gateway/types';
import type { FetchFn } from '../types';
import { startSimulator } from '../../simulator';

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
  h.engine.db
    .prepare('SELECT batch_id AS batchId, outcome, http_status AS httpStatus, code, message, body FROM attempts ORDER BY id')
    .all() as {
    batchId: number;
    outcome: string;
    httpStatus: number | null;
    code: string | null;
    message: string | null;
    body: string | null;
  }[];
const logged = (h: Harness) => new Set(h.sim.log.map((e) => e.msisdn));
const inState = (h: Harness, state: string) =>
  [...h.states()]
    .filter(([, s]) => s === state)
    .map(([m]) => m)
    .sort();

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
    const err = h.engine.db
      .prepare(
        "SELECT DISTINCT COALESCE(error, (SELECT b.error FROM batches b WHERE b.id = recipients.batch_id)) FROM recipients WHERE state = 'uncertain'",
      )
      .pluck()
      .all() as string[];
    expect(err).toHaveLength(1);
    expect(storedReasonText(err[0])).toMatch(/Resend.*Mark as sent/);
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
    expect(storedReasonText(attempts(h)[0].message)).toMatch(/did not answer within 0.3 s/);
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
    expect(Date.now() - t).toBeLessThan(1000); // not the 1–2 s backoff
    expect(h.counts()).toEqual({ submitted: 50 });
    expect(h.engine.sender.state.offline).toBe(false);
    agreesWithSimulator(h);
  });

  it('resumes by itself when the network returns, backing off meanwhile', async () => {
    let probes = 0;
    const countProbes =
      (real: FetchFn): FetchFn =>
      (u, i) => {
        if (u.endsWith('/rest/me')) probes++;
        return real(u, i);
      };
    h = await makeEngine({
      settings: { batchSize: 10 },
      fetch: countProbes,
      engine: { retry: { baseMs: 20, capMs: 60_000, offlineMaxMs: 160 } },
    });
    await h.sim.goOffline();
    h.engine.campaigns.create(newCampaign({ people: numbers(20).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await pause(700);
    // 20, 40, 80, 160, 160… ms with jitter: a handful of probes (GET /rest/me), not a busy loop.
    expect(probes).toBeGreaterThanOrEqual(3);
    expect(probes).toBeLessThanOrEqual(16);
    // The batches themselves were tried once each: no attempt row, no recipient rewritten per probe.
    const tried = attempts(h);
    expect(tried.length).toBeLessThanOrEqual(2);
    expect(tried.every((a) => a.outcome === 'transient' && a.httpStatus === null)).toBe(true);
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
    const failed = h.engine.db
      .prepare(
        "SELECT DISTINCT error_code AS code, COALESCE(error, (SELECT b.error FROM batches b WHERE b.id = recipients.batch_id)) AS error FROM recipients WHERE state = 'failed'",
      )
      .all() as {
      code: string;
      error: string;
    }[];
    expect(failed).toHaveLength(1);
    expect(failed[0].code).toBe('0x0215');
    expect(storedReasonText(failed[0].error)).toMatch(/block list/);
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
    expect(storedReasonText(rows[0].error)).toMatch(/HTTP 400, 0x0220.*Invalid sender/);
    const r = h.engine.db
      .prepare(
        'SELECT error_code AS code, COALESCE(error, (SELECT b.error FROM batches b WHERE b.id = recipients.batch_id)) AS error FROM recipients LIMIT 1',
      )
      .get() as { code: string; error: string };
    expect(r).toEqual({ code: '0x0220', error: rows[0].error });
    expect(h.sends()).toBe(2);
  });

  it('gives up after maxAgeMs of transient errors, saying so', async () => {
    // Long enough that a loaded machine still retries a few times within it.
    const { h } = await setup(10, { engine: { retry: { baseMs: 5, capMs: 20, maxAgeMs: 1000 } } });
    h.sim.faults.rateLimit = {};
    await waitFor(() => sendIdle(h), 'gave up');
    expect(h.counts()).toEqual({ failed: 10 });
    const last = attempts(h).at(-1)!;
    expect(last.outcome).toBe('gave_up');
    // A limit under an hour is said in minutes (it read "more than 0 hours").
    expect(storedReasonText(last.message)).toMatch(/stayed unavailable for more than 1 minute; gave up.*Resend to failed/);
    expect(h.sends()).toBeGreaterThan(2);
    expect(h.sim.log).toEqual([]);
  });
});

/** A GatewayError as the client would throw it for this answer. */
function gatewayError(init: Partial<ConstructorParameters<typeof GatewayError>[0]> & { kind: GatewayError['kind'] }): GatewayError {
  return new GatewayError({
    message: `refused (${init.kind})`,
    httpStatus: 403,
    code: null,
    variables: [],
    body: null,
    retryAfterMs: null,
    ...init,
  });
}

/** A client whose POSTs are answered by `answer` (a GatewayError to throw, or null to send for real). */
function answering(answer: (req: SendRequest) => GatewayError | null) {
  return (real: GatewayClient): GatewayClient => {
    const c = Object.create(real) as GatewayClient;
    c.prepareSend = async (req) => {
      const write = await real.prepareSend(req);
      return async (signal) => {
        const e = answer(req);
        if (e) throw e;
        return write(signal);
      };
    };
    return c;
  };
}

describe('GatewayAPI stops answering (a black hole: connections accepted, nothing answered)', () => {
  it('at most one batch per concurrent request becomes uncertain; the rest stays queued until a probe answers', async () => {
    h = await makeEngine({
      settings: { batchSize: 10, maxConcurrent: 2 },
      timeoutMs: 300,
      engine: { retry: { baseMs: 50, probeMaxMs: 200 } },
    });
    h.sim.faults.applyTo = 'all';
    h.sim.faults.hang = {};
    h.engine.campaigns.create(newCampaign({ people: numbers(100).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => h!.engine.pauseInfo().reason === 'unreachable', 'the unreachable pause');
    await waitFor(() => h!.engine.sender.state.failedProbes >= 3, 'a few unanswered probes');
    const c = h.counts();
    expect(c.uncertain ?? 0).toBeLessThanOrEqual(20);
    expect(c.queued ?? 0).toBeGreaterThanOrEqual(80);
    expect(c.uncertain! + c.queued!).toBe(100);
    expect(h.sends()).toBeLessThanOrEqual(2);
    expect(h.engine.pauseInfo().message).toMatch(/GatewayAPI is not answering/);
    expect(h.notices.filter((n) => n.key === 'paused-unreachable')).toHaveLength(1);
    // Only the probe goes out meanwhile, backing off; no attempt row per probe.
    expect(attempts(h).length).toBeLessThanOrEqual(2);

    h.sim.faults.hang = null;
    await waitFor(() => sendIdle(h!), 'sent once GatewayAPI answers again');
    expect(h.engine.pauseInfo().reason).toBeNull();
    expect(h.counts()).toEqual({ uncertain: c.uncertain, submitted: 100 - c.uncertain! });
    agreesWithSimulator(h);
  });

  it('a lone 500 (GatewayAPI answers the probe at once) does not hold sending up', async () => {
    const { h } = await setup(30, { settings: { maxConcurrent: 1 } });
    h.sim.faults.status5xx = { code: 500, count: 1 };
    await waitFor(() => sendIdle(h), 'done');
    expect(h.counts()).toEqual({ uncertain: 10, submitted: 20 });
    expect(h.notices.map((n) => n.key)).not.toContain('paused-unreachable');
    expect(h.engine.pauseInfo().reason).toBeNull();
  });
});

describe('a definite answer is never lost', () => {
  it('a 200 whose outcome write meets a database locked by another process is recorded once the lock is gone', async () => {
    let locker: InstanceType<typeof Database> | null = null;
    const lockAfterFirstAnswer =
      (real: FetchFn): FetchFn =>
      async (u, i) => {
        const res = await real(u, i);
        if (i?.method === 'POST' && !locker) {
          // Another process (the CLI, a backup tool) takes the write lock right when the answer arrives.
          locker = new Database(join(h!.dataDir, DB_FILE));
          locker.exec('BEGIN IMMEDIATE');
          setTimeout(() => {
            locker!.exec('COMMIT');
            locker!.close();
          }, 800);
        }
        return res;
      };
    h = await makeEngine({ settings: { batchSize: 10, maxConcurrent: 1 }, fetch: lockAfterFirstAnswer });
    h.engine.db.pragma('busy_timeout = 100'); // past busy_timeout long before the lock goes
    h.engine.campaigns.create(newCampaign({ people: numbers(20).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => sendIdle(h!), 'sent');
    expect(h.counts()).toEqual({ submitted: 20 });
    expect(h.sends()).toBe(2);
    expect(attempts(h).map((a) => a.outcome)).toEqual(['submitted', 'submitted']);
    agreesWithSimulator(h);
  });

  it('the token is read before anything is committed in flight: a slow or failing keychain leaves no batch to decide on', async () => {
    const sim = await startSimulator({ credit: 1e6 });
    const waiting: ((v: string | null) => void)[] = [];
    const release = (v: string | null) => waiting.splice(0).forEach((r) => r(v));
    let token: () => Promise<string | null> = () => new Promise((r) => waiting.push(r));
    h = await makeEngine({
      sim,
      settings: { batchSize: 10, maxConcurrent: 1 },
      client: () => new GatewayClient({ baseUrl: sim.url, token: () => token(), fetch: (u, i) => fetch(u, i) }),
    });
    try {
      h.engine.campaigns.create(newCampaign({ people: numbers(10).map((msisdn) => ({ msisdn })) }));
      h.engine.wake();
      await waitFor(() => h!.counts().claimed === 10, 'claimed while the keychain answers');
      await pause(50);
      expect(h.counts()).toEqual({ claimed: 10 });
      expect(attempts(h)).toEqual([]);
      token = async () => null;
      release(null); // the keychain has no token after all
      await waitFor(() => h!.engine.pauseInfo().reason === 'auth', 'auth pause');
      await waitFor(() => h!.counts().queued === 10, 'claim given back');
      expect(attempts(h)).toEqual([]);
      token = async () => sim.token;
      h.engine.resume();
      await waitFor(() => sendIdle(h!), 'sent');
      expect(h.counts()).toEqual({ submitted: 10 });
    } finally {
      release(sim.token);
      await h.close();
      h = null;
      await sim.close();
    }
  });
});

describe('the lease', () => {
  const lockedOut = (h: Harness, holder: string | null) => {
    const other = new Database(join(h.dataDir, DB_FILE));
    other
      .prepare('UPDATE lease SET holder = ?, host = ?, pid = ?, epoch = epoch + 1, heartbeat_at = ?')
      .run(holder, holder ? 'another-host' : null, holder ? 4242 : null, holder ? Date.now() : null);
    return other;
  };

  it('a 200 that arrives after another process took over still upgrades its batch from uncertain to submitted', async () => {
    h = await makeEngine({ settings: { batchSize: 10, maxConcurrent: 1 }, simulator: {} });
    h.sim.faults.latencyMs = 600;
    h.engine.campaigns.create(newCampaign({ people: numbers(10).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => h!.counts().in_flight === 10, 'in flight');
    // Another computer's process took the lease and recovered: in_flight → uncertain.
    const other = lockedOut(h, 'intruder');
    other.exec(
      "UPDATE recipients SET state = 'uncertain' WHERE state = 'in_flight'; UPDATE batches SET state = 'uncertain' WHERE state = 'in_flight'",
    );
    other.close();
    await waitFor(() => h!.counts().submitted === 10, 'upgraded by the late 200');
    const b = batchRows(h)[0];
    expect(b.state).toBe('submitted');
    expect(h.engine.db.prepare('SELECT gateway_id FROM batches').pluck().get()).toBe(h.sim.log[0].messageId);
    expect(h.sim.log).toHaveLength(10);
  });

  it("recovery waits for this process's own stopping workers: their answer is kept, nothing turns uncertain", async () => {
    h = await makeEngine({ settings: { batchSize: 10, maxConcurrent: 1 } });
    h.sim.faults.latencyMs = 800;
    h.engine.campaigns.create(newCampaign({ people: numbers(10).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => h!.counts().in_flight === 10, 'in flight');
    // The lease goes to someone else for a moment, then is free again: we lose it and take it back
    // while our request is still out.
    lockedOut(h, 'intruder').close();
    await waitFor(() => !h!.engine.holdsLease, 'lease lost');
    lockedOut(h, null).close();
    await waitFor(() => h!.counts().submitted === 10, 'recorded');
    await waitFor(() => h!.engine.holdsLease, 'lease taken back');
    await pause(200);
    expect(h.counts()).toEqual({ submitted: 10 });
    expect(h.notices.map((n) => n.key)).not.toContain('uncertain');
  });
});

describe('cancel is final', () => {
  it('a batch held by the rate limit is cancelled with its campaign, and "Resend to failed" never revives it', async () => {
    // 10 a minute, starting from an empty bucket: the first batch is claimed and held.
    const { h, campaignId } = await setup(20, { settings: { ratePerMinute: 10, maxConcurrent: 1 } });
    await waitFor(() => h.counts().claimed === 10, 'a batch held by the rate limit');
    await h.engine.campaigns.cancel(campaignId);
    expect(h.counts()).toEqual({ cancelled: 20 });
    h.engine.wake();
    await waitFor(() => h.engine.sender.state.running === 0, 'claim given back');
    expect(await h.engine.campaigns.resendFailed(campaignId)).toBe(0);
    h.engine.wake();
    await pause(200);
    expect(h.counts()).toEqual({ cancelled: 20 });
    expect(h.engine.db.prepare("SELECT COUNT(*) FROM batches WHERE state = 'claimed'").pluck().get()).toBe(0);
    expect(h.sends()).toBe(0);
  });
});

describe("GatewayAPI's account and destination refusals", () => {
  const SE = numbers(10, 46701000000);

  it("0x0217 (country not allowed): that country's recipients fail at once, the rest is sent, no bisection", async () => {
    let refused = 0;
    const noSweden = answering((req) =>
      req.recipients.some((r) => r.msisdn.startsWith('46'))
        ? (refused++, gatewayError({ kind: 'country', code: '0x0217', country: 'SE', variables: ['SE'] }))
        : null,
    );
    h = await makeEngine({ settings: { batchSize: 30, maxConcurrent: 1 }, client: noSweden });
    const c = newCampaign({ people: [...numbers(20), ...SE].map((msisdn) => ({ msisdn })) });
    c.recipients = c.recipients.map((r) => (r.msisdn.startsWith('46') ? { ...r, country: 'SE' } : r));
    h.engine.campaigns.create(c);
    h.engine.wake();
    await waitFor(() => sendIdle(h!), 'done');
    expect(h.counts()).toEqual({ submitted: 20, failed: 10 });
    expect(inState(h, 'failed')).toEqual([...SE].sort());
    expect(refused).toBe(1);
    expect(h.sends()).toBe(1);
    agreesWithSimulator(h);
  });

  it('an account-level refusal pauses everything with what to fix, and fails nobody', async () => {
    let refused = 0;
    const ipNotAllowed = answering(
      () => (
        refused++,
        gatewayError({
          kind: 'account',
          code: '0x0213',
          message: "GatewayAPI refused requests from this IP address: allow it in GatewayAPI's settings.",
        })
      ),
    );
    h = await makeEngine({ settings: { batchSize: 10, maxConcurrent: 2 }, client: ipNotAllowed });
    h.engine.campaigns.create(newCampaign({ people: numbers(50).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => h!.engine.pauseInfo().reason === 'account', 'account pause');
    await waitFor(() => h!.engine.sender.state.running === 0, 'requests finished');
    await pause(100);
    expect(h.counts()).toEqual({ queued: 50 });
    expect(refused).toBeLessThanOrEqual(2);
    expect(h.engine.pauseInfo().message).toMatch(/allow it in GatewayAPI's settings/);
  });

  it('0x0214 (temporarily blacklisted): that recipient waits and is tried again later, the rest is sent now', async () => {
    const clock = new FakeClock();
    const [held] = numbers(1, 4520000005);
    let blocked = true;
    const temporarily = answering((req) =>
      blocked && req.recipients.some((r) => r.msisdn === held)
        ? gatewayError({ kind: 'retry_recipient', code: '0x0214', variables: [held, 'abc'] })
        : null,
    );
    h = await makeEngine({
      clock,
      settings: { batchSize: 10, maxConcurrent: 1 },
      client: temporarily,
      engine: { retry: { recipientRetryMs: 60_000 }, random: () => 1 },
    });
    h.engine.campaigns.create(newCampaign({ people: numbers(10).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => h!.counts().submitted === 9 && h!.counts().retry_wait === 1, 'the rest sent, one waiting');
    expect(inState(h, 'retry_wait')).toEqual([held]);
    expect(h.sends()).toBe(1);
    blocked = false;
    clock.advance(59_999);
    await pause(50);
    expect(h.counts().retry_wait).toBe(1);
    clock.advance(1);
    await waitFor(() => sendIdle(h!), 'retried');
    expect(h.counts()).toEqual({ submitted: 10 });
    agreesWithSimulator(h);
  });
});

describe('an idle app is idle', () => {
  it('workers above the concurrency setting do not spin while a retry is due and the others are busy', async () => {
    // One request at a time. Batch A meets a 429 and is due again 100 ms later, while B (slow: 400 ms)
    // is out. Something wakes the sender meanwhile (a new campaign, a settings change).
    let posts = 0;
    const script =
      (real: FetchFn): FetchFn =>
      async (u, i) => {
        if (i?.method !== 'POST') return real(u, i);
        if (++posts === 1) {
          setTimeout(() => h!.engine.wake(), 20);
          return new Response('{"message":"slow down"}', { status: 429, headers: { 'content-type': 'application/json' } });
        }
        await pause(400);
        return real(u, i);
      };
    const { h } = await setup(20, {
      fetch: script,
      settings: { maxConcurrent: 1 },
      engine: { retry: { baseMs: 100, capMs: 100 }, random: () => 1 },
    });
    let looks = 0;
    const real = h.engine.queue.nextRetryAt.bind(h.engine.queue);
    h.engine.queue.nextRetryAt = () => {
      looks++;
      return real();
    };
    await waitFor(() => sendIdle(h), 'done');
    expect(h.counts()).toEqual({ submitted: 20 });
    expect(posts).toBe(3);
    // A retry due for 300 ms with nine idle loops looking: a spinning loop looks thousands of times.
    expect(looks).toBeLessThan(100);
  });

  it('the credit check is debounced: at most one GET /rest/me per 10 s while sending', async () => {
    const { h } = await setup(0, { settings: { batchSize: 10, maxConcurrent: 1 } }, numbers(400));
    h.sim.faults.latencyMs = 40; // 40 batches take a few seconds
    const t0 = Date.now();
    await waitFor(() => sendIdle(h), 'sent', { timeoutMs: 20_000 });
    const seconds = (Date.now() - t0) / 1000;
    expect(seconds).toBeGreaterThan(1.5);
    const me = h.sim.requests.filter((r) => r.path === '/rest/me').length;
    expect(me).toBeLessThanOrEqual(1 + Math.ceil(seconds / 10));
  });

  it('offline, a probe rewrites no recipient row and adds no attempt row', async () => {
    h = await makeEngine({ settings: { batchSize: 1000, maxConcurrent: 1 }, engine: { retry: { baseMs: 20, offlineMaxMs: 40 } } });
    await h.sim.goOffline();
    h.engine.campaigns.create(newCampaign({ people: numbers(1000).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => h!.engine.sender.state.offline && h!.counts().retry_wait === 1000, 'waiting for the network');
    const changes = () => h!.engine.db.prepare('SELECT total_changes()').pluck().get() as number;
    const before = { changes: changes(), attempts: attempts(h).length };
    await pause(400); // ~10 probes
    expect(attempts(h).length).toBe(before.attempts);
    expect(changes() - before.changes).toBeLessThan(10);
    await h.sim.goOnline();
    h.engine.wake();
    await waitFor(() => sendIdle(h!), 'sent');
    expect(h.counts()).toEqual({ submitted: 1000 });
  });
});

describe('the simulator answers as GatewayAPI does (through the real client and its classification)', () => {
  it('0x0217 for Iceland (blocked on the account): the Icelanders fail in one request, the Danes go', async () => {
    const IS = numbers(5, 3546100000);
    h = await makeEngine({ settings: { batchSize: 30, maxConcurrent: 1 } });
    const c = newCampaign({ people: [...numbers(20), ...IS].map((msisdn) => ({ msisdn })) });
    c.recipients = c.recipients.map((r) => (r.msisdn.startsWith('354') ? { ...r, country: 'IS' } : r));
    h.engine.campaigns.create(c);
    h.engine.wake();
    await waitFor(() => sendIdle(h!), 'done');
    expect(h.counts()).toEqual({ submitted: 20, failed: 5 });
    expect(inState(h, 'failed')).toEqual([...IS].sort());
    expect(h.sim.requests.filter((r) => r.status === 403)).toHaveLength(1);
    agreesWithSimulator(h);
  });

  it('0x021D (SMS not enabled): pauses with reason account, nobody fails', async () => {
    const { h } = await setup(30, { settings: { maxConcurrent: 1 } });
    h.sim.faults.accountRefusal = { code: '0x021D' };
    await waitFor(() => h.engine.pauseInfo().reason === 'account' || sendIdle(h), 'account pause');
    await waitFor(() => h.engine.sender.state.running === 0, 'requests finished');
    expect(h.engine.pauseInfo().reason).toBe('account');
    expect(h.counts().failed ?? 0).toBe(0);
    expect((h.counts().queued ?? 0) + (h.counts().submitted ?? 0)).toBe(30);
  });
});
