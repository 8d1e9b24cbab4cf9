// The campaign's status chip: "Done" only when no recipient still waits for a delivery report.
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../shared/contract';
import { campaignStats, displayStatus } from './format';

const base: CampaignSummary = {
  id: 1,
  name: 'x',
  sender: 'Shop',
  message: 'Hej',
  createdAt: 0,
  sendAt: null,
  status: 'done',
  total: 5,
  states: { submitted: 5 },
  statuses: { DELIVERED: 3, ENROUTE: 2 },
  estimateCost: null,
  totalCost: null,
  currency: null,
  batches: { total: 1, submitted: 1 },
  demo: true,
};

describe('displayStatus', () => {
  it('says "waiting for reports", not Done, while 2 of 5 are still en route', () => {
    expect(displayStatus(base, campaignStats(base))).toBe('reporting');
  });
  it('says Done once every report is final', () => {
    const c = { ...base, statuses: { DELIVERED: 4, UNDELIVERABLE: 1 } };
    expect(displayStatus(c, campaignStats(c))).toBe('done');
  });
  it('says Scheduled for a campaign GatewayAPI holds until later', () => {
    const c = { ...base, states: { scheduled: 5 }, statuses: { SCHEDULED: 5 } };
    expect(displayStatus(c, campaignStats(c))).toBe('scheduled');
  });
  it('keeps the stored status otherwise', () => {
    const c = { ...base, status: 'paused' as const };
    expect(displayStatus(c, campaignStats(c))).toBe('paused');
  });
});
