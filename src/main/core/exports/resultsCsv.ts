// A campaign's results as a CSV for Excel (UTF-8 with BOM, formula-injection safe), written with
// the same cell rule as the rejected-rows CSV (importing/report.ts).
import Papa from 'papaparse';
import { csvSafeCell } from '../importing';
import type { Campaigns } from '../outbox/campaigns';

const FIELDS = ['row', 'msisdn', 'name', 'state', 'status', 'status_time', 'error_code', 'error', 'parts'];

export function resultsCsv(campaigns: Campaigns, campaignId: number): string {
  const rows: string[][] = [];
  for (const r of campaigns.allRecipients(campaignId)) {
    rows.push(
      [
        String(r.rowNo),
        r.msisdn,
        r.name ?? '',
        r.state,
        r.status ?? '',
        r.statusAt ? new Date(r.statusAt).toISOString() : '',
        r.errorCode ?? '',
        r.error ?? '',
        String(r.parts),
      ].map(csvSafeCell),
    );
  }
  return '\uFEFF' + Papa.unparse({ fields: FIELDS, data: rows });
}

/** The download name: the campaign's name made safe for every file system. */
export function resultsFileName(campaignName: string): string {
  return `${campaignName.replace(/[^\w.-]+/g, '_')}-results.csv`;
}
