// Quiet hours through the real engine and simulator on a fake clock: each recipient's own night
// holds their batch, others go, the held ones go when their window ends, nothing twice.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock, makeEngine, newCampaign, numbers, pause, sendIdle, waitFor, type Harness } from '../testing';
import type { NewCampaign } from '../outbox/campaigns';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const QUIET = { enabled: true, start: '21:00', end: '08:00' };
const utc = (mo: number, d: number, hh: number, mm = 0) => Date.UTC(2026, mo - 1, d, hh, mm);

/** One campaign whose recipients are in the given countries (numbers with matching prefixes). */
function mixed(groups: { country: string; msisdns: string[] }[]): NewCampaign {
  const country = new Map(groups.flatMap((g) => g.msisdns.map((m) => [m, g.country] as const)));
  // Interleaved, as a real import would be.
  const all = groups.flatMap((g) => g.msisdns).sort((a, b) => a.slice(-3).localeCompare(b.slice(-3)));
  const c = newCampaign({ people: all.map((msisdn) => ({ msisdn })) });
  return { ...c, recipients: c.recipients.map((r) => ({ ...r, country: country.get(r.msisdn)! })) };
}

const DK = numbers(12, 4520000000);
const US = numbers(8, 12125550000);

function sentTo(h: Harness): Set<string> {
  return new Set(h.sim.log.map((e) => e.msisdn));
}

describe('quiet hours on the recipient clock', () => {
  it('holds Danish recipients at 22:30 Copenhagen time while New York (16:30) gets its texts; the Danes get theirs at 08:00', async () => {
    const clock = new FakeClock(utc(1, 5, 21, 30)); // 22:30 CET, 16:30 EST
    h = await makeEngine({ clock, settings: { quietHours: QUIET, batchSize: 5 } });
    h.engine.campaigns.create(
      mixed([
        { country: 'DK', msisdns: DK },
        { country: 'US', msisdns: US },
      ]),
    );
    h.engine.wake();

    await waitFor(() => h!.counts().submitted === US.length && h!.engine.sender.state.quietUntil != null, 'US sent, DK held');
    await pause(50);
    expect(sentTo(h)).toEqual(new Set(US));
    expect(h.counts()).toEqual({ submitted: US.length, queued: DK.length });
    // What the UI and CLI show: held until 08:00 in Copenhagen.
    expect(h.engine.sender.state.quietUntil).toBe(utc(1, 6, 7, 0));
    // Every batch is one country: 8 US recipients in batches of 5.
    expect(h.sends()).toBe(2);

    clock.advance(utc(1, 6, 6, 59) - clock.now()); // 07:59 in Copenhagen
    await pause(50);
    expect(h.counts().queued).toBe(DK.length);
    clock.advance(60_000); // 08:00
    await waitFor(() => sendIdle(h!), 'DK sent at 08:00');
    expect(h.counts()).toEqual({ submitted: DK.length + US.length });
    expect(h.sends()).toBe(2 + 3);
    expect(h.engine.sender.state.quietUntil).toBeNull();
    expect(h.sim.duplicates()).toEqual([]);
    const batchCountries = h.engine.db
      .prepare('SELECT COUNT(DISTINCT country) AS n FROM recipients GROUP BY batch_id')
      .pluck()
      .all() as number[];
    expect(batchCountries.every((n) => n === 1)).toBe(true);
  });

  it('on the night Europe springs forward, the Danes get their texts at 08:00 CEST (06:00 UTC)', async () => {
    const clock = new FakeClock(utc(3, 28, 21, 30)); // 22:30 CET, the clocks go forward at 01:00 UTC
    h = await makeEngine({ clock, settings: { quietHours: QUIET } });
    h.engine.campaigns.create(mixed([{ country: 'DK', msisdns: DK }]));
    h.engine.wake();
    await waitFor(() => h!.engine.sender.state.quietUntil != null, 'held');
    expect(h.engine.sender.state.quietUntil).toBe(utc(3, 29, 6, 0));
    clock.advance(utc(3, 29, 5, 59) - clock.now());
    await pause(50);
    expect(h.sends()).toBe(0);
    clock.advance(60_000);
    await waitFor(() => sendIdle(h!), 'sent at 08:00 CEST');
    expect(sentTo(h)).toEqual(new Set(DK));
    expect(h.sim.duplicates()).toEqual([]);
  });

  it('disabled: the same queue at the same hour goes out at once, countries mixed in a batch as before', async () => {
    const clock = new FakeClock(utc(1, 5, 21, 30));
    h = await makeEngine({ clock, settings: { quietHours: { ...QUIET, enabled: false }, batchSize: 1000 } });
    h.engine.campaigns.create(
      mixed([
        { country: 'DK', msisdns: DK },
        { country: 'US', msisdns: US },
      ]),
    );
    h.engine.wake();
    await waitFor(() => sendIdle(h!), 'all sent');
    expect(h.counts()).toEqual({ submitted: DK.length + US.length });
    expect(h.sends()).toBe(1);
    expect(h.engine.sender.state.quietUntil).toBeNull();
    expect(h.sim.duplicates()).toEqual([]);
  });

  it('a campaign added while everything is held wakes nothing early, and one added for an open country goes at once', async () => {
    const clock = new FakeClock(utc(1, 5, 21, 30));
    h = await makeEngine({ clock, settings: { quietHours: QUIET } });
    h.engine.campaigns.create(mixed([{ country: 'DK', msisdns: DK }]));
    h.engine.wake();
    await waitFor(() => h!.engine.sender.state.quietUntil != null, 'held');
    await pause(50);
    expect(h.sends()).toBe(0);
    h.engine.campaigns.create(mixed([{ country: 'US', msisdns: US }]));
    h.engine.wake();
    await waitFor(() => h!.counts().submitted === US.length, 'US sent');
    await pause(50);
    expect(sentTo(h)).toEqual(new Set(US));
    expect(h.counts().queued).toBe(DK.length);
    clock.advance(utc(1, 6, 7, 0) - clock.now());
    await waitFor(() => sendIdle(h!), 'DK sent');
    expect(h.sim.duplicates()).toEqual([]);
    expect(h.sim.log).toHaveLength(DK.length + US.length);
  });

  it('a retry respects quiet hours: a Danish batch refused at 20:59 is not retried at 21:00 but at 08:00', async () => {
    const clock = new FakeClock(utc(1, 5, 19, 59)); // 20:59 in Copenhagen
    h = await makeEngine({
      clock,
      settings: { quietHours: QUIET, batchSize: 20, maxConcurrent: 1 },
      engine: { retry: { baseMs: 60_000, capMs: 60_000 }, random: () => 1 },
    });
    h.sim.faults.status5xx = { code: 503, count: 1 };
    h.engine.campaigns.create(mixed([{ country: 'DK', msisdns: DK }]));
    h.engine.wake();
    await waitFor(() => h!.counts().retry_wait === DK.length, '503, retry at 21:00');
    clock.advance(2 * 60_000); // 21:01: the retry is due, and Copenhagen is inside its window
    await pause(100);
    expect(h.sends()).toBe(1);
    expect(h.counts()).toEqual({ retry_wait: DK.length });
    expect(h.engine.sender.state.quietUntil).toBe(utc(1, 6, 7, 0));
    clock.advance(utc(1, 6, 7, 0) - clock.now());
    await waitFor(() => sendIdle(h!), 'retried at 08:00');
    expect(h.counts()).toEqual({ submitted: DK.length });
    expect(h.sends()).toBe(2);
  });
});
