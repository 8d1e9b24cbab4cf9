// The Outbox store asks main for one page of campaigns with the search and state the user chose,
// and "Show more" grows the page; campaign actions go through the store, not the view.
import { beforeEach, describe, expect, it } from 'vitest';
import type { CampaignStatus } from '../../../shared/contract';
import { campaignSummary } from '../../../shared/testing';
import { installFakeBridge, inputsOf, type FakeCall } from '../testing/fakeBridge';
import { CAMPAIGN_PAGE, useOutboxStore } from './outbox';

const state = {
  paused: null,
  pauseMessage: null,
  pauseCause: null,
  cause: null,
  offline: false,
  retryInSec: null,
  counts: {},
  heldElsewhere: false,
  quietUntil: null,
  halfStored: [],
};
const summary = (id: number, status: CampaignStatus = 'active') => campaignSummary({ id, name: `c${id}`, status });

let calls: FakeCall[];
beforeEach(() => {
  ({ calls } = installFakeBridge({
    'outbox.state': () => state,
    'campaign.page': (q) => ({
      total: 95,
      campaigns: Array.from({ length: Math.min(q.limit ?? 50, 95) }, (_, i) => summary(95 - i)),
    }),
    'campaign.pause': ({ campaignId }) => summary(campaignId, 'paused'),
  }));
  useOutboxStore.setState({ search: '', status: 'all', limit: CAMPAIGN_PAGE, campaigns: [], total: 0 });
});

const pageCalls = () => inputsOf(calls, 'campaign.page');

describe('outbox store', () => {
  it('fetches the first page, then the search and state filter, then more', async () => {
    await useOutboxStore.getState().refresh();
    expect(useOutboxStore.getState()).toMatchObject({ total: 95 });
    expect(useOutboxStore.getState().campaigns).toHaveLength(CAMPAIGN_PAGE);

    useOutboxStore.getState().setSearch('forår');
    useOutboxStore.getState().setStatus('done');
    await useOutboxStore.getState().refresh();
    expect(pageCalls().at(-1)).toEqual({ search: 'forår', status: 'done', offset: 0, limit: CAMPAIGN_PAGE });

    useOutboxStore.getState().showMore();
    await useOutboxStore.getState().refresh();
    expect(pageCalls().at(-1)).toMatchObject({ limit: 2 * CAMPAIGN_PAGE });
    expect(useOutboxStore.getState().campaigns).toHaveLength(2 * CAMPAIGN_PAGE);
  });

  it('pausing a campaign replaces its card with what main answered', async () => {
    await useOutboxStore.getState().refresh();
    await useOutboxStore.getState().pauseCampaign(95);
    expect(useOutboxStore.getState().campaigns.find((c) => c.id === 95)?.status).toBe('paused');
    expect(calls.some((c) => c.name === 'campaign.pause')).toBe(true);
  });
});
