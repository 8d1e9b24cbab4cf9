// A campaign's results as CSV: one line per recipient with its state, delivery status and error.
import type { Campaigns } from '../outbox/campaigns';
import type { UiLanguage } from '../../shared/i18n/languages';
import { gatewayOriginal, parseStoredReason, type ExportColumn, type Message } from '../../shared/i18n/messages';
import { translate } from '../../shared/i18n/translate';
import { BOM, CSV_NEWLINE, EXPORT_CHUNK_ROWS, csvRecord, yieldToEventLoop } from './safeCsv';

const FIELDS: ExportColumn[] = [
  'row',
  'msisdn',
  'name',
  'state',
  'status',
  'status_meaning',
  'status_time',
  'error_code',
  'error',
  'gatewayapi_text',
  'parts',
];

/**
 * Read in pages of EXPORT_CHUNK_ROWS by id, with a turn of the event loop between pages: 100k rows
 * in one go held the main process for about 600 ms. Comma-separated; every text cell is quoted and
 * made inert, so a reader that splits on ';' sees no formula either.
 */
export async function resultsCsv(campaigns: Campaigns, campaignId: number, lang: UiLanguage = 'en'): Promise<string> {
  const say = (m: Message) => translate(lang, m);
  const lines = [
    csvRecord(
      FIELDS.map((column) => say({ code: 'export_column', column })),
      ',',
    ),
  ];
  let after = 0;
  for (;;) {
    const page = campaigns.recipientPage(campaignId, after, EXPORT_CHUNK_ROWS);
    for (const r of page) {
      const reason = parseStoredReason(r.error);
      lines.push(
        csvRecord(
          [
            r.rowNo,
            r.msisdn,
            r.name ?? '',
            say({ code: 'state_name', state: r.state }),
            r.status ? say({ code: 'status_name', status: r.status }) : '',
            r.status ? say({ code: 'status_explain', status: r.status }) : '',
            r.statusAt ? new Date(r.statusAt).toISOString() : '',
            r.errorCode ?? '',
            reason ? say(reason) : '',
            gatewayOriginal(reason)?.original ?? '',
            r.parts,
          ],
          ',',
        ),
      );
    }
    if (page.length < EXPORT_CHUNK_ROWS) break;
    after = page[page.length - 1].id;
    await yieldToEventLoop();
  }
  return BOM + lines.join(CSV_NEWLINE) + CSV_NEWLINE;
}

/** The download name: the campaign's name made safe for every file system. */
export function resultsFileName(campaignName: string): string {
  return `${campaignName.replace(/[^\w.-]+/g, '_')}-results.csv`;
}
