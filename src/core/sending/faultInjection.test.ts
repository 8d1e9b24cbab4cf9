// Faults mixed at random (fixed seed) over a few thousand recipients. Whatever happens, afterwards
// every recipient is in exactly one documented state, nothing was accepted twice, and our states
// agree with what the simulator accepted. Then "resend" on the uncertain ones duplicates exactly
// those the gateway had in fact accepted, and nothing else.
import { afterEach, describe, expect, it } from 'vitest';
import { makeEngine, newCampaign, numbers, seededRandom, sendIdle, waitFor, type Harness } from '../testing';
import { RECIPIENT_STATES } from '../../shared/states';
import type { FetchFn } from '../types';
import type { Simulator } from '../../simulator';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

type Fault =
  | 'none'
  | 'rateLimit'
  | '503'
  | '500-accepted'
  | '500'
  | '502-accepted'
  | '504'
  | 'dropBeforeAccept'
  | 'dropAfterAccept'
  | 'hang'
  | 'badToken'
  | 'noCredit'
  | 'offline';

const WEIGHTS: [Fault, number][] = [
  ['none', 40],
  ['rateLimit', 7],
  ['503', 7],
  ['500-accepted', 5],
  ['500', 5],
  ['502-accepted', 4],
  ['504', 4],
  ['dropBeforeAccept', 6],
  ['dropAfterAccept', 6],
  ['hang', 3],
  ['badToken', 3],
  ['noCredit', 3],
  ['offline', 7],
];

function picker(random: () => number): () => Fault {
  const total = WEIGHTS.reduce((s, [, w]) => s + w, 0);
  return () => {
    let x = random() * total;
    for (const [f, w] of WEIGHTS) if ((x -= w) < 0) return f;
    return 'none';
  };
}

/** A fetch that arms one random fault on the simulator right before each send. */
function chaos(getSim: () => Simulator, next: () => Fault, seen: Map<Fault, number>, on: { value: boolean }) {
  return (real: FetchFn): FetchFn =>
    async (url, init) => {
      if (init?.method !== 'POST' || !on.value) return real(url, init);
      const sim = getSim();
      const f = next();
      seen.set(f, (seen.get(f) ?? 0) + 1);
      switch (f) {
        case 'rateLimit':
          sim.faults.rateLimit = { count: 1, retryAfterSec: 0 };
          break;
        case '503':
          sim.faults.status5xx = { code: 503, count: 1 };
          break;
        case '500-accepted':
          sim.faults.status5xx = { code: 500, acceptBeforeFail: true, count: 1 };
          break;
        case '500':
          sim.faults.status5xx = { code: 500, count: 1 };
          break;
        case '502-accepted':
          sim.faults.status5xx = { code: 502, acceptBeforeFail: true, count: 1 };
          break;
        case '504':
          sim.faults.status5xx = { code: 504, count: 1 };
          break;
        case 'dropBeforeAccept':
        case 'dropAfterAccept':
        case 'hang':
          sim.faults[f] = { count: 1 };
          break;
        case 'badToken':
          return real(url, { ...init, headers: { ...(init.headers as Record<string, string>), Authorization: 'Token not-the-token' } });
        case 'noCredit': {
          const credit = sim.getCredit();
          sim.setCredit(0);
          try {
            return await real(url, init);
          } finally {
            sim.setCredit(credit);
          }
        }
        case 'offline':
          // What Node's fetch throws when the connection is refused: nothing was written.
          throw new TypeError('fetch failed', {
            cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1'), { code: 'ECONNREFUSED', syscall: 'connect' }),
          });
      }
      return real(url, init);
    };
}

describe('fault injection (seeded)', () => {
  // Time limits sized for a shared 2-core machine under a full parallel test run.
  it(
    '3,000 recipients through mixed faults: one documented state each, no duplicates, states agree with the gateway',
    { timeout: 90_000 },
    async () => {
      const seen = new Map<Fault, number>();
      const chaosOn = { value: true };
      let sim: Simulator | null = null;
      const blacklisted = Array.from({ length: 30 }, (_, i) => String(4530000666 + i * 1000));
      // One blacklisted number in every hundred, so they land in many batches.
      const msisdns = numbers(2970).flatMap((m, i) => (i % 99 === 50 ? [m, blacklisted[Math.floor(i / 99)]] : [m]));
      expect(msisdns).toHaveLength(3000);
      h = await makeEngine({
        settings: { batchSize: 25, maxConcurrent: 2 },
        // 250 ms makes timeouts (ambiguous answers) part of the chaos; once the gateway is healthy again
        // the client gets a timeout a loaded machine cannot hit by accident, so the resend is judged on
        // what the product does, not on the machine's scheduling.
        timeoutMs: () => (chaosOn.value ? 250 : 10_000),
        engine: { retry: { baseMs: 2, capMs: 20, offlineMaxMs: 20 }, random: seededRandom(7) },
        fetch: chaos(() => sim!, picker(seededRandom(20260105)), seen, chaosOn),
      });
      sim = h.sim;
      const { campaignId } = h.engine.campaigns.create(
        newCampaign({ people: msisdns.map((msisdn) => ({ msisdn })), message: 'Hi %name%', tags: ['%name%'] }),
      );
      h.engine.wake();

      // The user's part: fix what paused the outbox (the chaos already restored token and credit) and resume.
      const deadline = Date.now() + 60_000;
      let resumes = 0;
      for (;;) {
        if (h.engine.pauseInfo().reason) {
          resumes++;
          h.engine.resume();
        } else if (sendIdle(h)) break;
        if (Date.now() > deadline) throw new Error(`not done: ${JSON.stringify(h.counts())}`);
        await new Promise((r) => setTimeout(r, 5));
      }

      console.log('faults drawn', Object.fromEntries(seen), 'states', h.counts(), 'requests', h.sends(), 'resumes', resumes);
      // Every kind of fault actually happened.
      for (const [f] of WEIGHTS) expect(seen.get(f) ?? 0, `fault ${f} never drawn`).toBeGreaterThan(0);
      expect(resumes).toBeGreaterThan(0);

      const states = h.states(campaignId);
      expect(states.size).toBe(3000);
      const counts = h.counts();
      for (const s of Object.keys(counts)) expect(RECIPIENT_STATES).toContain(s);
      // Settled: nothing left between states.
      for (const s of ['queued', 'claimed', 'in_flight', 'retry_wait']) expect(counts[s as keyof typeof counts], s).toBeUndefined();
      expect(counts.submitted).toBeGreaterThan(1000);
      expect(counts.failed).toBeGreaterThan(0);

      expect(h.sim.duplicates()).toEqual([]);
      const log = new Set(h.sim.log.map((e) => e.msisdn));
      for (const [msisdn, state] of states) {
        if (log.has(msisdn)) expect(['submitted', 'uncertain'], msisdn).toContain(state);
        if (state === 'submitted') expect(log.has(msisdn), msisdn).toBe(true);
        if (state === 'failed') expect(blacklisted, msisdn).toContain(msisdn);
      }
      // A blacklisted number fails, unless its batch's fate is unknown (then it is uncertain with the rest).
      for (const m of blacklisted) expect(['failed', 'uncertain']).toContain(states.get(m));
      // Each uncertain recipient's batch ended in an ambiguous attempt; no attempt is left open.
      const open = h.engine.db.prepare("SELECT COUNT(*) FROM attempts WHERE outcome = 'in_flight' OR finished_at IS NULL").pluck().get();
      expect(open).toBe(0);
      const unexplained = h.engine.db
        .prepare(
          `SELECT COUNT(*) FROM recipients r WHERE r.state = 'uncertain' AND NOT EXISTS
           (SELECT 1 FROM attempts a WHERE a.batch_id = r.batch_id AND a.outcome = 'ambiguous')`,
        )
        .pluck()
        .get();
      expect(unexplained).toBe(0);

      // The user presses "resend" for every uncertain recipient, with the gateway healthy again.
      const uncertain = [...states].filter(([, s]) => s === 'uncertain').map(([m]) => m);
      expect(uncertain.length).toBeGreaterThan(0);
      const acceptedBefore = uncertain.filter((m) => log.has(m)).sort();
      expect(acceptedBefore.length).toBeGreaterThan(0);
      chaosOn.value = false;
      // A fault armed for a request that timed out before the simulator read it (a loaded machine)
      // would still be waiting for the next one: the gateway is healthy from here on.
      for (const k of Object.keys(h.sim.faults) as (keyof typeof h.sim.faults)[]) delete h.sim.faults[k];
      h.engine.resetGateway();
      expect(await h.engine.campaigns.resolveUncertain(campaignId, null, 'resend')).toBe(uncertain.length);
      h.engine.wake();
      await waitFor(() => sendIdle(h!), 'resent');
      expect(h.counts()).toEqual({ submitted: 2970, failed: 30 });
      expect(h.sim.duplicates().sort()).toEqual(acceptedBefore);
    },
  );
});
