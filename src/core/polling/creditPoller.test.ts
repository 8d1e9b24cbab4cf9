// Credit: polled at start, every few minutes and shortly after each accepted batch; the low-credit
// notice fires once per crossing below the threshold, not on every poll.
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/i18n/messages';
import { translate } from '../../shared/i18n/translate';
import { FakeClock, makeEngine, newCampaign, numbers, pause, sendIdle, waitFor, type Harness } from '../testing';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const MIN = 60_000;
const meCalls = (h: Harness) => h.sim.requests.filter((r) => r.path === '/rest/me').length;
const lowNotices = (h: Harness) => h.notices.filter((n) => n.key === 'low-credit');

describe('credit poller', () => {
  it('fires the low-credit notice once per crossing, not on every poll', async () => {
    const clock = new FakeClock();
    h = await makeEngine({ clock, simulator: { credit: 150, currency: 'DKK' }, settings: { lowCreditThreshold: 100 } });
    const poll = async () => {
      const before = meCalls(h!);
      clock.advance(5 * MIN);
      await waitFor(() => meCalls(h!) === before + 1 && h!.engine.account.get().checkedAt === clock.now(), 'credit poll');
    };
    await waitFor(() => h!.engine.account.get().credit === 150, 'first check at start');
    expect(lowNotices(h)).toEqual([]);

    h.sim.setCredit(90);
    await poll();
    expect(lowNotices(h)).toHaveLength(1);
    expect(lowNotices(h)[0].message).toMatch(/90\.00 DKK.*warning below 100\.00 DKK/);
    expect(h.engine.account.get()).toMatchObject({ credit: 90, currency: 'DKK', lowAlarm: true });
    await poll();
    h.sim.setCredit(80);
    await poll();
    expect(lowNotices(h)).toHaveLength(1);

    // Topped up: the alarm clears quietly; the next crossing fires again.
    h.sim.setCredit(120);
    await poll();
    expect(h.engine.account.get().lowAlarm).toBe(false);
    expect(lowNotices(h)).toHaveLength(1);
    h.sim.setCredit(50);
    await poll();
    expect(lowNotices(h)).toHaveLength(2);

    // Nothing in between: one request per interval, not more.
    const before = meCalls(h);
    clock.advance(5 * MIN - 1);
    await pause(30);
    expect(meCalls(h)).toBe(before);
  });

  it('checks again after a batch is accepted (debounced, at most one check per 10 s), which can cross the threshold', async () => {
    const clock = new FakeClock();
    h = await makeEngine({ clock, simulator: { credit: 101, pricePerPart: 0.25 }, settings: { lowCreditThreshold: 100, batchSize: 10 } });
    await waitFor(() => h!.engine.account.get().credit === 101, 'first check');
    h.engine.campaigns.create(newCampaign({ people: numbers(10).map((msisdn) => ({ msisdn })) }));
    h.engine.wake();
    await waitFor(() => sendIdle(h!), 'sent');
    const before = meCalls(h);
    await pause(30);
    expect(meCalls(h)).toBe(before); // waits for the debounce, not for five minutes
    clock.advance(1000);
    await pause(30);
    expect(meCalls(h)).toBe(before); // and at most one check per 10 s while sending
    clock.advance(9000);
    await waitFor(() => h!.engine.account.get().credit === 98.5, 'credit after the batch');
    expect(lowNotices(h)).toHaveLength(1);
  });

  it('a failed check keeps the last known credit and records the error', async () => {
    h = await makeEngine({ simulator: { credit: 500 } });
    await waitFor(() => h!.engine.account.get().credit === 500, 'first check');
    h.token.value = 'revoked';
    await h.engine.creditPoller.refresh();
    expect(h.engine.account.get()).toMatchObject({ credit: 500 });
    // A code with GatewayAPI's answer inside, not an English sentence: said in the user's language.
    const error = JSON.parse(h.engine.account.get().error ?? 'null') as Message;
    expect(error).toMatchObject({ code: 'credit_unreadable', cause: { code: 'gw_token_refused' } });
    expect(translate('da', error)).toMatch(/^Kontoens saldo kunne ikke læses\. GatewayAPI afviste nøglen/);
    expect(JSON.stringify(h.engine.account.get())).not.toContain('revoked');
  });
});
