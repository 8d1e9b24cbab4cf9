// Bridge calls about the suppression list (numbers never sent to).
import type { Handlers } from '../../core/dispatch';
import { readSuppressionFile } from '../../core/importing/suppressionFile';
import { addToSuppression } from '../../core/suppressionEntry';
import type { AppContext } from '../context';

export function suppressionHandlers(ctx: AppContext) {
  const engine = () => ctx.folder.engine;
  return {
    'suppression.list': ({ search, offset, limit }) => engine().suppression.list(search, offset, limit),
    'suppression.add': ({ numbers, reason }) => addToSuppression(engine(), numbers, reason),
    'suppression.remove': ({ msisdn }) => ({ removed: engine().suppression.remove(msisdn) }),
    'suppression.import': ({ fileName, dataBase64 }) =>
      addToSuppression(engine(), readSuppressionFile(Buffer.from(dataBase64, 'base64'), fileName), `Imported from ${fileName}`),
  } satisfies Partial<Handlers>;
}
