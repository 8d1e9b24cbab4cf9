// Bridge handlers for saved messages, the recipient preview and the paged campaign list: one-line
// delegations to the modules that do the work. The composition root passes what they read.
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import type { Handlers } from '../dispatch';
import type { ImportSessions } from '../imports';
import type { Campaigns } from '../outbox/campaigns';
import { campaignPage } from '../outbox/campaignList';
import { Templates } from '../outbox/templates';
import { previewRecipient } from './recipientPreview';

export interface ComposeHandlerDeps {
  /** The open data folder's database and campaigns (they change when the mode changes). */
  db(): Db;
  campaigns(): Campaigns;
  demo(): boolean;
  imports: ImportSessions;
  now(): number;
}

type ComposeCalls = 'template.list' | 'template.save' | 'template.delete' | 'import.previewRecipient' | 'campaign.page';

export function composeHandlers(d: ComposeHandlerDeps): Pick<Handlers, ComposeCalls> {
  const templates = () => new Templates(d.db(), d.now);
  return {
    'template.list': () => templates().list(),
    'template.save': (t) => templates().save(t),
    'template.delete': ({ id }) => ({ deleted: templates().delete(id) }),
    'import.previewRecipient': ({ importId, ...at }) => {
      const analysis = d.imports.get(importId).analysis;
      if (!analysis) throw new AppError('invalid_input', 'Check the recipients first.', 'importId');
      return previewRecipient(analysis, at);
    },
    'campaign.page': (q) => {
      const { total, ids } = campaignPage(d.db(), q);
      return { total, campaigns: ids.map((id) => d.campaigns().get(id, d.demo())) };
    },
  };
}
