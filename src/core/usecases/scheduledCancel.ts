// Cancelling a scheduled campaign at GatewayAPI, batch by batch: a batch GatewayAPI already sent
// cannot be called back, and is counted as such.
import { AppError } from '../../shared/result';
import type { Engine } from '../engine';

export async function cancelScheduled(engine: Engine, campaignId: number): Promise<{ cancelled: number; alreadySent: number }> {
  const client = await engine.gateway();
  if (!client) throw new AppError('gateway', { code: 'no_token' });
  let cancelled = 0;
  let alreadySent = 0;
  for (const batch of engine.campaigns.scheduledBatches(campaignId)) {
    if ((await client.cancel(batch.gatewayId)) === 'deleted') {
      engine.campaigns.markBatchCancelled(batch.id);
      cancelled++;
    } else alreadySent++;
  }
  return { cancelled, alreadySent };
}
