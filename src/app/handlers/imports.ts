// Bridge calls of the import flow: preview a file, analyse it with the user's mapping, cancel, and
// download the rejected rows. Nothing here touches SQLite (see core/importing/sessions.ts).
import { AppError } from '../../shared/result';
import type { Handlers } from '../dispatch';
import { reportOf } from '../../core/importing/sessions';
import { rejectedRowsCsv } from '../../core/exports/rejectedRowsCsv';
import type { AppContext } from '../context';

export function importHandlers(ctx: AppContext) {
  const engine = () => ctx.folder.engine;
  return {
    'import.preview': ({ fileName, dataBase64 }) =>
      ctx.imports.preview(fileName, Buffer.from(dataBase64, 'base64'), (hash) => engine().campaigns.findByFileHash(hash)),
    'import.analyse': async (input) => {
      const analysis = await ctx.imports.analyse(
        input.importId,
        { ...input, maxParts: engine().settings().maxParts },
        engine().suppression.snapshot(),
        (done, total, phase) => ctx.emit('import.progress', { importId: input.importId, done, total, phase }),
      );
      return reportOf(input.importId, analysis);
    },
    'import.cancel': ({ importId }) => {
      ctx.imports.cancel(importId);
      return null;
    },
    'import.rejectedCsv': async ({ importId, lang }) => {
      const held = ctx.imports.get(importId);
      if (!held.analysis) throw new AppError('not_found', { code: 'check_file_first' }, 'importId');
      return { fileName: held.fileName.replace(/\.[^.]*$/, '') + '-rejected.csv', csv: await rejectedRowsCsv(held.analysis, { lang }) };
    },
  } satisfies Partial<Handlers>;
}
