// The rejected rows of an import as a CSV the user can open in Excel, fix and import again.
import type { ImportAnalysis } from '../importing/import';
import type { UiLanguage } from '../../shared/i18n/languages';
import type { Message } from '../../shared/i18n/messages';
import { translate } from '../../shared/i18n/translate';
import type { Delimiter } from '../importing/sniff';
import { BOM, CSV_NEWLINE, EXPORT_CHUNK_ROWS, csvRecord, yieldToEventLoop } from './safeCsv';

/**
 * UTF-8 with a BOM and, by default, the delimiter of the imported file: the user's Excel wrote that
 * file, so it splits this one the same way (a Danish Excel expects ';').
 * Columns: row, reason, then the file's own columns as they were read.
 */
export async function rejectedRowsCsv(
  analysis: Pick<ImportAnalysis, 'rejected' | 'headers' | 'delimiter'>,
  options: { delimiter?: Delimiter; lang?: UiLanguage } = {},
): Promise<string> {
  const delimiter = options.delimiter ?? analysis.delimiter;
  const say = (m: Message) => translate(options.lang ?? 'en', m);
  const width = analysis.headers.length;
  const lines = [
    csvRecord(
      [say({ code: 'export_column', column: 'row' }), say({ code: 'export_column', column: 'reason' }), ...analysis.headers],
      delimiter,
    ),
  ];
  const { rejected } = analysis;
  for (let i = 0; i < rejected.length; i++) {
    if (i > 0 && i % EXPORT_CHUNK_ROWS === 0) await yieldToEventLoop();
    const r = rejected[i];
    const cells: (string | number)[] = [r.rowNo, say(r.text)];
    for (let c = 0; c < width; c++) cells.push(r.raw[c] ?? '');
    lines.push(csvRecord(cells, delimiter));
  }
  return BOM + lines.join(CSV_NEWLINE) + CSV_NEWLINE;
}
