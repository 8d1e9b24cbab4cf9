// A data folder this process cannot write: status and the import report still work (read from a
// snapshot: SQLite cannot open a WAL database where it cannot create the -shm file), and sending,
// resume and resolve say in one sentence that the folder is read-only. Root (CI) gets a real
// read-only mount; another user a folder without write permission (root ignores those).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../core/engine';
import { newCampaign, numbers, smallDisk, type SmallDisk } from '../core/testing';
import { EXIT } from './exitCodes';
import { cliInProcess } from './testing/inProcess';

let disk: SmallDisk | null = null;
let dataDir = '';
let plainDir: string | null = null;
let skip: string | null = null;

beforeAll(async () => {
  const root = process.getuid?.() === 0;
  if (root) {
    const d = smallDisk(16);
    if (typeof d === 'string') {
      skip = d;
      return;
    }
    disk = d;
    dataDir = join(d.dir, 'outbox');
  } else if (process.platform === 'win32') {
    skip = 'no read-only folder without root on Windows here';
    return;
  } else {
    plainDir = mkdtempSync(join(tmpdir(), 'sms-outbox-ro-'));
    dataDir = join(plainDir, 'outbox');
  }
  mkdirSync(dataDir);
  const engine = new Engine({ dataDir, gateway: async () => null });
  engine.campaigns.create(newCampaign({ people: numbers(5).map((msisdn) => ({ msisdn })), name: 'kept' }));
  await engine.close();
  if (disk) disk.readOnly(true);
  else chmodSync(dataDir, 0o500);
});
afterAll(() => {
  if (disk) {
    disk.readOnly(false);
    disk.unmount();
  }
  if (plainDir) {
    chmodSync(dataDir, 0o700);
    rmSync(plainDir, { recursive: true, force: true });
  }
});

const cli = (argv: string[]) => cliInProcess(argv, { env: { GATEWAYAPI_TOKEN: 'read-only-test-token-0123' } });

const snapshots = () => readdirSync(tmpdir()).filter((f) => f.startsWith('sms-outbox-readonly-')).length;

describe('a read-only data folder', () => {
  it('status and the import report read it; nothing is left behind', async (ctx) => {
    if (skip) {
      console.log(`skipped: read-only folder tests (${skip})`);
      return ctx.skip();
    }
    const before = snapshots();
    const status = await cli(['status', '--data-dir', dataDir]);
    expect(status.err).toBe('');
    expect(status.code).toBe(EXIT.ok);
    expect(status.out).toMatch(/#1 kept — .*5 recipients/);
    const json = await cli(['status', '--json', '--data-dir', dataDir]);
    expect(json.out.trim().split('\n')).toHaveLength(5);

    const csv = join(tmpdir(), `ro-import-${process.pid}.csv`);
    writeFileSync(csv, 'phone\n+4540100000\n+4540100001\n');
    const imp = await cli(['import', csv, '--data-dir', dataDir]);
    rmSync(csv);
    expect(imp.code).toBe(EXIT.ok);
    expect(imp.out).toMatch(/2 recipients accepted/);
    expect(snapshots()).toBe(before);
    expect(existsSync(join(dataDir, 'outbox.sqlite-shm'))).toBe(false);
  });

  it('send, resume and resolve say the folder is read-only, in one sentence', async (ctx) => {
    if (skip) return ctx.skip();
    const csv = join(tmpdir(), `ro-send-${process.pid}.csv`);
    writeFileSync(csv, 'phone\n+4540100000\n');
    const send = await cli(['send', '--data-dir', dataDir, '--csv', csv, '--message', 'Hi', '--sender', 'Shop', '--yes']);
    rmSync(csv);
    const resume = await cli(['resume', '--data-dir', dataDir]);
    const resolve = await cli(['resolve', '--campaign', '1', '--mark-sent', '--data-dir', dataDir]);
    for (const r of [send, resume, resolve]) {
      expect(r.code).toBe(EXIT.other);
      expect(r.err).toMatch(/read-only/);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    expect(send.err).toMatch(/The data folder .* is read-only: the outbox can be read/);
  });
});
