// A 200 that cannot be trusted, against the real sender and simulator: odd ids (0, negative, the
// wrong count) or an answer too big to read. GatewayAPI did accept these batches (the simulator
// logged them): they must become uncertain (never submitted with an id that cannot be polled, never
// resent by themselves), and the rest of the campaign goes on.
import { afterEach, describe, expect, it } from 'vitest';
import { makeEngine, newCampaign, numbers, pause, sendIdle, waitFor, type Harness } from '../testing';
import type { Message } from '../../shared/i18n/messages';
import { translate } from '../../shared/i18n/translate';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function sendWith(fault: NonNullable<Harness['sim']['faults']['acceptedAnswer']>) {
  h = await makeEngine({ settings: { batchSize: 10, maxConcurrent: 1 } });
  h.sim.faults.acceptedAnswer = { count: 1, ...fault };
  h.engine.campaigns.create(newCampaign({ people: numbers(30).map((msisdn) => ({ msisdn })) }));
  h.engine.wake();
  await waitFor(() => sendIdle(h!), 'done');
  await pause(100);
  return h;
}

const gatewayIds = (h: Harness) =>
  h.engine.db.prepare('SELECT gateway_id FROM batches WHERE gateway_id IS NOT NULL').pluck().all() as number[];

describe('a 200 with odd ids → the batch is uncertain', () => {
  it.each([
    ['{"ids":[0]}', [0]],
    ['{"ids":[-5]}', [-5]],
    ['{"ids":["abc"]}', ['abc']],
    ['two ids for a batch of 10', [101, 102]],
  ] as const)('%s', async (_label, ids) => {
    const h = await sendWith({ ids: [...ids] });
    expect(h.counts()).toEqual({ submitted: 20, uncertain: 10 });
    expect(h.sim.log).toHaveLength(30); // accepted by the gateway: uncertain, not failed
    expect(h.sends()).toBe(3); // never resent by itself
    expect(gatewayIds(h).every((id) => id > 0)).toBe(true);
    const err = h.engine.db
      .prepare(
        "SELECT DISTINCT COALESCE(error, (SELECT b.error FROM batches b WHERE b.id = recipients.batch_id)) FROM recipients WHERE state = 'uncertain'",
      )
      .pluck()
      .get() as string;
    // Stored as a code, said in the user's language (it was an English sentence inside gw_unexpected).
    expect(translate('en', JSON.parse(err) as Message)).toMatch(/HTTP 200, but without valid message ids/);
    expect(translate('da', JSON.parse(err) as Message)).toMatch(/uden gyldige besked-id'er/);
  });
});

describe('a 200 too big to read → uncertain', () => {
  it('50 MB of answer: cut after 1 MB, the batch uncertain, the rest sent', async () => {
    const h = await sendWith({ padBytes: 50 * 1024 * 1024 });
    expect(h.counts()).toEqual({ submitted: 20, uncertain: 10 });
    const err = h.engine.db
      .prepare(
        "SELECT DISTINCT COALESCE(error, (SELECT b.error FROM batches b WHERE b.id = recipients.batch_id)) FROM recipients WHERE state = 'uncertain'",
      )
      .pluck()
      .get() as string;
    expect(translate('en', JSON.parse(err) as Message)).toMatch(/too large to read/);
    expect(translate('sv', JSON.parse(err) as Message)).toMatch(/för stort för att läsas/);
  });
});
