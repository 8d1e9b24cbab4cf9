// Bridge calls about campaigns: estimate, create, test message, the paged list, the user's
// decisions (pause, resume, cancel, resolve uncertain, resend failed) and the results export.
import { AppError } from '../../shared/result';
import { createFromImport, estimateImport } from '../../core/usecases/campaignFromImport';
import type { Handlers } from '../dispatch';
import { resultsCsv, resultsFileName } from '../../core/exports/resultsCsv';
import { cancelScheduled } from '../../core/usecases/scheduledCancel';
import { testCampaign } from '../../core/usecases/testMessage';
import type { AppContext } from '../context';
import { requireYes } from '../confirm';
import { resendQuestion } from '../../core/usecases/resendQuestion';

export function campaignHandlers(ctx: AppContext) {
  const engine = () => ctx.folder.engine;
  const demo = () => ctx.folder.mode === 'demo';
  /** Runs `act` on an existing campaign, then tells the window (and the sender) it changed. */
  const onCampaign = async <T>(campaignId: number, act: () => T | Promise<T>): Promise<T> => {
    requireCampaign(ctx, campaignId);
    const result = await act();
    ctx.changed([campaignId]);
    return result;
  };
  const summary = (campaignId: number) => engine().campaigns.get(campaignId, demo());
  /** A decision about a whole campaign answers with its new summary. */
  const decide = async (campaignId: number, act: () => unknown) => {
    await onCampaign(campaignId, act);
    return summary(campaignId);
  };

  return {
    'campaign.estimate': ({ importId, message }) => estimateImport(engine(), ctx.imports, importId, message),
    'campaign.create': async (request) => {
      const created = await createFromImport(engine(), ctx.imports, request, ctx.confirm, () => ctx.folder.markSending());
      ctx.changed([created.campaignId]);
      return created;
    },
    'campaign.sendTest': (test) => {
      const campaign = testCampaign(engine(), test);
      ctx.folder.markSending();
      const { campaignId } = engine().campaigns.create(campaign);
      ctx.changed([campaignId]);
      return { campaignId };
    },
    'campaign.page': (q) => {
      const { total, ids } = engine().campaignPage(q);
      return { total, campaigns: ids.map((id) => summary(id)) };
    },
    'campaign.recipients': (query) => {
      requireCampaign(ctx, query.campaignId);
      return engine().campaigns.recipients(query);
    },
    'campaign.attempts': ({ campaignId }) => {
      requireCampaign(ctx, campaignId);
      return engine().campaigns.attempts(campaignId);
    },
    'campaign.pause': ({ campaignId }) => decide(campaignId, () => engine().campaigns.setStatus(campaignId, 'paused')),
    'campaign.resume': ({ campaignId }) => decide(campaignId, () => engine().campaigns.setStatus(campaignId, 'active')),
    'campaign.cancel': ({ campaignId }) => decide(campaignId, () => engine().campaigns.cancel(campaignId)),
    'campaign.resolveUncertain': async ({ campaignId, recipientIds, action }) => {
      requireCampaign(ctx, campaignId);
      // Resending may send twice what GatewayAPI already has: main asks, stating what it costs.
      if (action === 'resend') {
        await requireYes(ctx.confirm, resendQuestion(engine(), campaignId, 'uncertain', recipientIds), 'Not resent');
      }
      return onCampaign(campaignId, async () => ({ changed: await engine().campaigns.resolveUncertain(campaignId, recipientIds, action) }));
    },
    'campaign.resendFailed': async ({ campaignId }) => {
      requireCampaign(ctx, campaignId);
      await requireYes(ctx.confirm, resendQuestion(engine(), campaignId, 'failed', null), 'Not resent');
      return onCampaign(campaignId, async () => ({ requeued: await engine().campaigns.resendFailed(campaignId) }));
    },
    'campaign.cancelScheduled': async ({ campaignId }) => {
      requireCampaign(ctx, campaignId);
      const result = await cancelScheduled(engine(), campaignId);
      ctx.changed([campaignId]);
      return result;
    },
    'campaign.discardHalfStored': async ({ campaignId }) => {
      const discarded = await engine().campaigns.discardHalfStored(campaignId);
      ctx.changed([]);
      return { discarded };
    },
    'campaign.exportCsv': async ({ campaignId, lang }) => {
      requireCampaign(ctx, campaignId);
      return { fileName: resultsFileName(summary(campaignId).name), csv: await resultsCsv(engine().campaigns, campaignId, lang) };
    },
  } satisfies Partial<Handlers>;
}

function requireCampaign(ctx: AppContext, campaignId: number): void {
  if (!ctx.folder.engine.campaigns.exists(campaignId)) {
    throw new AppError('not_found', { code: 'campaign_not_found', campaignId }, 'campaignId');
  }
}
