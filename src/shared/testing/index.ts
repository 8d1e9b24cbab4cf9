// Test fixtures shared by main-side and renderer tests (plain data, no imports at run time).
import type { CampaignSummary } from '../contract';

/** A campaign summary as campaign.page returns it; override what a test is about. */
export function campaignSummary(over: Partial<CampaignSummary> = {}): CampaignSummary {
  return {
    id: 1,
    name: 'Spring',
    sender: 'Shop',
    message: 'Hi',
    createdAt: Date.UTC(2026, 10, 25, 12, 0),
    sendAt: null,
    status: 'active',
    total: 0,
    states: {},
    statuses: {},
    estimateCost: null,
    totalCost: null,
    currency: null,
    batches: { total: 0, submitted: 0 },
    demo: false,
    ...over,
  };
}
