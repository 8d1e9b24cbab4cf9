// Bridge calls for saved messages and the per-recipient preview: one-line delegations to the core
// modules that do the work.
import { AppError } from '../../shared/result';
import { previewRecipient } from '../../core/compose/recipientPreview';
import type { Handlers } from '../dispatch';
import type { AppContext } from '../context';

export function composeHandlers(ctx: AppContext) {
  const engine = () => ctx.folder.engine;
  const templates = () => engine().templates;
  return {
    'template.list': () => templates().list(),
    'template.save': (t) => templates().save(t),
    'template.delete': ({ id }) => ({ deleted: templates().delete(id) }),
    'import.previewRecipient': ({ importId, ...at }) => {
      const analysis = ctx.imports.get(importId).analysis;
      if (!analysis) throw new AppError('invalid_input', { code: 'check_recipients_first' }, 'importId');
      return previewRecipient(analysis, at);
    },
  } satisfies Partial<Handlers>;
}
