// "At most a few concurrent requests": the Settings value bounds requests in flight at the gateway,
// and a change takes effect without restarting the sender.
import { afterEach, describe, expect, it } from 'vitest';
import { makeEngine, newCampaign, people, waitFor, sendIdle, type Harness } from '../testing';
import { writeSettings } from '../outbox/settings';
import type { FetchFn } from '../types';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

function countingFetch() {
  const seen = { now: 0, max: 0 };
  const wrap =
    (real: FetchFn): FetchFn =>
    async (input, init) => {
      const post = init?.method === 'POST';
      if (post) seen.max = Math.max(seen.max, ++seen.now);
      try {
        return await real(input, init);
      } finally {
        if (post) seen.now--;
      }
    };
  return { seen, wrap };
}

describe('concurrent requests', () => {
  it('never exceeds the maxConcurrent setting, and follows a change at once', async () => {
    const c = countingFetch();
    h = await makeEngine({ settings: { maxConcurrent: 1, batchSize: 10 }, fetch: c.wrap });
    h.sim.faults.latencyMs = 60;
    h.engine.campaigns.create(newCampaign({ people: people(100) }));
    h.engine.wake();
    await waitFor(() => h!.sends() >= 4, 'four requests at concurrency 1');
    expect(c.seen.max).toBe(1);

    writeSettings(h.engine.db, { maxConcurrent: 3 });
    h.engine.wake();
    await waitFor(() => sendIdle(h!), 'the rest sent at concurrency 3', { timeoutMs: 15_000 });
    expect(c.seen.max).toBe(3);
    expect(h.sim.duplicates()).toEqual([]);
    expect(h.counts().submitted).toBe(100);
  });
});
