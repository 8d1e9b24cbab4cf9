// The sender against the real simulator, nothing failing: batching by encoding, merge fields,
// one request per batch, every recipient accepted exactly once.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE } from '../db/open';
import type { FetchFn } from '../types';
import { FakeClock, makeEngine, merge, newCampaign, numbers, pause, sendIdle, waitFor, type Harness } from '../testing';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const GSM_NAMES = ['Anna', 'Søren', 'José', 'Åse', 'Jürgen', 'Renée'];
const UCS2_NAMES = ['Zoë', 'Łukasz', '李雷', 'Ağca', 'Олег'];

describe('sender happy path', () => {
  it('sends 2,500 merged recipients in batches of one encoding, each accepted once with its own text', async () => {
    h = await makeEngine({ settings: { batchSize: 1000 } });
    const message = 'Hi %name%, your code is %code%.';
    const tags = ['%name%', '%code%'];
    const people = numbers(2500).map((msisdn, i) => ({
      msisdn,
      // Every tenth recipient has a name GSM-7 cannot carry.
      values: [i % 10 === 3 ? UCS2_NAMES[i % UCS2_NAMES.length] : GSM_NAMES[i % GSM_NAMES.length], String(1000 + i)],
    }));
    const expected = new Map(people.map((p) => [p.msisdn, merge(message, tags, p.values)]));
    const ucs2 = new Set(
      people.filter((p) => p.values[0] !== undefined && /[^\x00-\x7fÅåØøÄÖÑÜäöñüàèéùìòÉ]/.test(p.values[0])).map((p) => p.msisdn),
    );
    expect(ucs2.size).toBe(250);

    const { campaignId, queued } = h.engine.campaigns.create(newCampaign({ people, message, tags }));
    expect(queued).toBe(2500);
    h.engine.wake();
    await waitFor(() => sendIdle(h!), 'all sent');

    expect(h.counts()).toEqual({ submitted: 2500 });
    // One request per batch: ceil(2250 / 1000) GSM-7 + ceil(250 / 1000) UCS-2.
    expect(h.sends()).toBe(3 + 1);
    expect(h.sim.duplicates()).toEqual([]);
    expect(h.sim.log).toHaveLength(2500);

    const byMessage = new Map<number, { encodings: Set<string>; n: number }>();
    for (const e of h.sim.log) {
      expect(e.text).toBe(expected.get(e.msisdn));
      expect(e.encoding).toBe(ucs2.has(e.msisdn) ? 'UCS2' : 'UTF8');
      expect(e.lossy).toBe(false);
      const m = byMessage.get(e.messageId) ?? { encodings: new Set(), n: 0 };
      m.encodings.add(e.encoding);
      m.n++;
      byMessage.set(e.messageId, m);
    }
    expect(byMessage.size).toBe(4);
    for (const m of byMessage.values()) {
      expect(m.encodings.size).toBe(1);
      expect(m.n).toBeLessThanOrEqual(1000);
    }
    expect([...byMessage.values()].map((m) => m.n).sort((a, b) => a - b)).toEqual([250, 250, 1000, 1000]);

    // Our side agrees: each batch one encoding, the gateway's id, cost and a finished attempt.
    const batches = h.engine.db
      .prepare(
        `SELECT b.id, b.state, b.gateway_id AS gatewayId, b.size, b.cost, COUNT(DISTINCT r.encoding) AS encodings
         FROM batches b JOIN recipients r ON r.batch_id = b.id GROUP BY b.id ORDER BY b.id`,
      )
      .all() as { id: number; state: string; gatewayId: number; size: number; cost: number; encodings: number }[];
    expect(batches).toHaveLength(4);
    for (const b of batches) {
      expect(b.state).toBe('submitted');
      expect(byMessage.has(b.gatewayId)).toBe(true);
      expect(b.encodings).toBe(1);
      expect(b.cost).toBeGreaterThan(0);
    }
    const spent = batches.reduce((s, b) => s + b.cost, 0);
    expect(spent).toBeCloseTo(1e6 - h.sim.getCredit(), 4);
    const attempts = h.engine.campaigns.attempts(campaignId);
    expect(attempts.map((a) => a.outcome)).toEqual(['submitted', 'submitted', 'submitted', 'submitted']);
    expect(attempts.every((a) => a.httpStatus === 200 && a.finishedAt != null)).toBe(true);
  });

  it('keeps the batch size setting and sends a campaign without tags as one text', async () => {
    h = await makeEngine({ settings: { batchSize: 7 } });
    const people = numbers(30).map((msisdn) => ({ msisdn }));
    h.engine.campaigns.create(newCampaign({ people, message: 'Sale today only' }));
    h.engine.wake();
    await waitFor(() => sendIdle(h!), 'all sent');
    expect(h.sends()).toBe(Math.ceil(30 / 7));
    expect(new Set(h.sim.log.map((e) => e.text))).toEqual(new Set(['Sale today only']));
    expect(h.sim.log.map((e) => e.msisdn).sort()).toEqual(people.map((p) => p.msisdn).sort());
  });

  it('a number twice in one import is stored once, so GatewayAPI never sees a duplicate (0x0310)', async () => {
    h = await makeEngine({ settings: { batchSize: 1000 } });
    const people = [...numbers(20).map((msisdn) => ({ msisdn })), { msisdn: '4520000005' }, { msisdn: '4520000007' }];
    const { queued } = h.engine.campaigns.create(newCampaign({ people }));
    expect(queued).toBe(20);
    h.engine.wake();
    await waitFor(() => sendIdle(h!), 'all sent');
    expect(h.counts()).toEqual({ submitted: 20 });
    expect(h.sim.requests.filter((r) => r.status === 422)).toEqual([]);
    expect(h.sim.duplicates()).toEqual([]);
  });

  it('a rate limit of N per minute paces the batches', async () => {
    const clock = new FakeClock();
    h = await makeEngine({ clock, settings: { batchSize: 10, ratePerMinute: 20 } });
    clock.advance(60_000); // the app has been open a while: the bucket is full
    h.engine.campaigns.create(newCampaign({ people: numbers(40).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    // A minute's worth (20) goes at once, then 10 every 30 s.
    await waitFor(() => h!.counts().submitted === 20, 'first 20');
    await pause(50);
    expect(h.sends()).toBe(2);
    clock.advance(29_999);
    await pause(50);
    expect(h.sends()).toBe(2);
    clock.advance(1);
    await waitFor(() => h!.counts().submitted === 30, 'after 30 s');
    clock.advance(30_000);
    await waitFor(() => h!.counts().submitted === 40, 'after 60 s');
    expect(h.sends()).toBe(4);
    expect(h.sim.duplicates()).toEqual([]);
    // Waiting for the bucket holds the claim: no batch rows are made and thrown away meanwhile.
    expect(h.engine.db.prepare('SELECT state, COUNT(*) AS n FROM batches GROUP BY state').all()).toEqual([{ state: 'submitted', n: 4 }]);
  });

  it('in_flight is committed before the request is written, and the token never reaches the database', async () => {
    const seen: number[] = [];
    let dir = '';
    // At the moment the POST leaves, another connection (a crash-restart) must already see in_flight.
    const check =
      (real: FetchFn): FetchFn =>
      async (u, i) => {
        if (i?.method === 'POST') {
          const other = new Database(join(dir, DB_FILE), { readonly: true });
          try {
            seen.push(other.prepare("SELECT COUNT(*) FROM recipients WHERE state = 'in_flight'").pluck().get() as number);
          } finally {
            other.close();
          }
        }
        return real(u, i);
      };
    h = await makeEngine({ fetch: check, settings: { batchSize: 10, maxConcurrent: 1 }, start: false });
    dir = h.dataDir;
    h.token.value = 'secret-token-1234567890';
    h.sim.setToken(h.token.value);
    h.engine.start();
    h.engine.campaigns.create(newCampaign({ people: numbers(30).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => sendIdle(h!), 'sent');
    expect(seen).toEqual([10, 10, 10]);

    h.token.value = 'wrong-token-abcdefghij'; // a 401 stores the answer body in the attempts
    h.engine.campaigns.create(newCampaign({ people: numbers(5, 4530000000).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => h!.engine.pauseInfo().reason === 'auth', 'auth pause');
    h.engine.db.pragma('wal_checkpoint(FULL)');
    for (const f of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, f));
      expect(bytes.includes('secret-token-1234567890'), f).toBe(false);
      expect(bytes.includes('wrong-token-abcdefghij'), f).toBe(false);
    }
  });
});
