// Bridge calls about the suppression list (numbers never sent to).
import type { Handlers } from '../dispatch';
import { importSuppressionFile } from '../../core/importing/suppressionFile';
import type { CountryCode } from '../../core/importing/phone';
import { addToSuppression } from '../../core/usecases/suppressionEntry';
import type { AppContext } from '../context';
import { requireYes } from '../confirm';

export function suppressionHandlers(ctx: AppContext) {
  const engine = () => ctx.folder.engine;
  return {
    'suppression.list': ({ search, offset, limit }) => engine().suppression.list(search, offset, limit),
    'suppression.add': ({ numbers, reason }) => addToSuppression(engine(), numbers, reason),
    'suppression.remove': async ({ msisdn }) => {
      const entry = engine()
        .suppression.list(msisdn, 0, 50)
        .rows.find((r) => r.msisdn === msisdn);
      if (!entry) return { removed: false };
      // Removing a number lets messages reach someone who asked not to get them: main asks.
      await requireYes(ctx.confirm, { kind: 'unsuppress', msisdn, reason: entry.reason }, `${msisdn} stays on the suppression list`);
      return { removed: engine().suppression.remove(msisdn) };
    },
    'suppression.import': ({ fileName, dataBase64 }) =>
      importSuppressionFile(Buffer.from(dataBase64, 'base64'), fileName, engine().settings().defaultCountry as CountryCode, (numbers) =>
        engine().suppression.add(numbers, `Imported from ${fileName}`),
      ),
  } satisfies Partial<Handlers>;
}
