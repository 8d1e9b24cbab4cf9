// The numbers main states before resending uncertain or failed recipients: how many, their SMS
// parts, and roughly what it costs (the campaign's estimate per recipient) and leaves of the credit.
import type { ConfirmRequest } from '../../shared/confirmRequest';
import type { Engine } from '../engine';

export function resendQuestion(
  engine: Engine,
  campaignId: number,
  which: 'uncertain' | 'failed',
  ids: number[] | null,
): Extract<ConfirmRequest, { kind: 'resend' }> {
  const { recipients, parts } = engine.campaigns.stateTotals(campaignId, which, ids);
  const campaign = engine.campaigns.get(campaignId, false);
  const cost = campaign.estimateCost != null && campaign.total > 0 ? (campaign.estimateCost * recipients) / campaign.total : null;
  const credit = engine.accountView().credit;
  return {
    kind: 'resend',
    which,
    campaign: campaign.name,
    recipients,
    parts,
    cost,
    currency: campaign.currency,
    creditAfter: credit != null && cost != null ? credit - cost : null,
  };
}
