// A campaign's results as CSV: one line per recipient with its state, delivery status and error.
import type { Campaigns } from '../outbox/campaigns';
import { BOM, CSV_NEWLINE, EXPORT_CHUNK_ROWS, csvRecord, yieldToEventLoop } from './safeCsv';

const FIELDS = ['row', 'msisdn', 'name', 'state', 'status', 'status_time', 'error_code', 'error', 'parts'];

/**
 * Read in pages of EXPORT_CHUNK_ROWS by id, with a turn of the event loop between pages: 100k rows
 * in one go held the main process for about 600 ms. Comma-separated; every text cell is quoted and
 * made inert, so a reader that splits on ';' sees no formula either.
 */
export async function resultsCsv(campaigns: Campaigns, campaignId: number): Promise<string> {
  const lines = [csvRecord(FIELDS, ',')];
  let after = 0;
  for (;;) {
    const page = campaigns.recipientPage(campaignId, after, EXPORT_CHUNK_ROWS);
    for (const r of page) {
      lines.push(
        csvRecord(
          [
            r.rowNo,
            r.msisdn,
            r.name ?? '',
            r.state,
            r.status ?? '',
            r.statusAt ? new Date(r.statusAt).toISOString() : '',
            r.errorCode ?? '',
            r.error ?? '',
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
