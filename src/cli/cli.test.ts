// The CLI end to end, in-process: real argument parsing, import, SQLite outbox, engine and HTTP
// against the simulator on 127.0.0.1; only the terminal, environment and keychain are fakes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../core/engine';
import { openDatabase } from '../core/db/open';
import { newCampaign, people } from '../core/testing';
import { createMemoryStore, type SecretStore } from '../core/secrets/secretStore';
import { startSimulator, type Simulator } from '../simulator';
import { EXIT } from './exitCodes';
import { runCli } from './run';

const TOKEN = 'cli-test-token-0123456789';
let dir: string;
let sim: Simulator | null = null;
let holder: Engine | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-cli-'));
});
afterEach(async () => {
  await holder?.close();
  holder = null;
  await sim?.close();
  sim = null;
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cli(argv: string[], o: { env?: NodeJS.ProcessEnv; secrets?: SecretStore; signal?: AbortSignal } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    env: o.env ?? {},
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    interactive: false,
    ask: null,
    secrets: () => o.secrets ?? createMemoryStore(),
    fetch: (input, init) => fetch(input, init),
    signal: o.signal ?? new AbortController().signal,
    tickMs: 20,
    demo: { statusDelayMs: 150, notFoundUntilMs: 50, pollScheduleMs: [100, 100, 200] },
  });
  return { code, out, err };
}

function csv(name: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, rows.join('\n') + '\n');
  return path;
}

/** Numbers +45 20 12 34 00…: the simulator decides each one's fate by its last digit. */
function contacts(n: number): string[] {
  return [
    'name,phone',
    ...Array.from({ length: n }, (_, i) => `Person ${i},+45 20 12 ${String(3400 + i).replace(/(\d\d)(\d\d)/, '$1 $2')}`),
  ];
}

function statusLines(
  r: Run,
): { campaign: number; msisdn: string; state: string; status: string | null; error: string | null; code: string | null }[] {
  return r.out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

describe('sms-outbox send --demo', () => {
  it('sends a 20-row file with a merge field and shows every recipient in status --json', async () => {
    const file = csv('c20.csv', contacts(20));
    const sent = await cli(['send', '--demo', '--data-dir', dir, '--csv', file, '--message', 'Hi %name%', '--sender', 'Shop', '--wait']);
    expect(sent.err).toBe('');
    expect(sent.err).toBe('');
    expect(sent.code).toBe(EXIT.ok); // UNDELIVERABLE/EXPIRED/REJECTED reports do not fail the run
    expect(sent.out).toContain('c20.csv: 20 rows, 20 recipients accepted, 0 rejected.');
    expect(sent.out).toContain('Campaign 1 "c20": 20 recipients');
    expect(sent.out).toContain('  20 submitted');
    expect(sent.out).toContain('delivery: 14 delivered · 6 not delivered · 0 awaiting reports');

    const status = await cli(['status', '--demo', '--data-dir', dir, '--json']);
    expect(status.code).toBe(EXIT.ok);
    const lines = statusLines(status);
    expect(lines).toHaveLength(20);
    expect(lines[0]).toEqual({
      campaign: 1,
      msisdn: '4520123400',
      state: 'submitted',
      status: 'DELIVERED',
      error: null,
      code: null,
      gatewayapi: null,
    });
    expect(lines[7]).toMatchObject({ msisdn: '4520123407', state: 'submitted', status: 'UNDELIVERABLE', code: '0x0001' });
    expect(new Set(lines.map((l) => l.state))).toEqual(new Set(['submitted']));

    const table = await cli(['status', '--demo', '--data-dir', dir]);
    expect(table.out).toMatch(/#1 c20 — Done, 20 recipients/);
    expect(table.out).toMatch(/ {4}Not deliverable {9}2\n/);
  });

  it('says on every start that a campaign was left half-stored (never listed, never sent)', async () => {
    const file = csv('c2.csv', contacts(2));
    const sent = await cli(`send --demo --data-dir ${dir} --csv ${file} --message Hi --sender Shop`.split(' '));
    expect(sent.code).toBe(EXIT.ok);
    const db = openDatabase(dir);
    const id = db
      .prepare("INSERT INTO campaigns (name, sender, message, created_at, status, stored) VALUES ('Forår', 'Shop', 'Hi', ?, 'paused', 0)")
      .run(Date.now() - 3600_000).lastInsertRowid;
    db.prepare(
      "INSERT INTO recipients (campaign_id, row_no, msisdn, encoding, parts, state, updated_at) VALUES (?, 2, '4520999999', 'GSM7', 1, 'queued', 0)",
    ).run(id);
    db.close();
    const status = await cli(['status', '--demo', '--data-dir', dir]);
    expect(status.err).toContain('Campaign “Forår”');
    expect(status.err).toContain('the app stopped after 1 recipient. It is not shown and nothing of it will be sent.');
    expect(status.out).not.toContain('Forår');
  });

  it('reports bad rows by kind and row number without failing the send', async () => {
    const file = csv('mixed.csv', [
      'name,phone',
      'Ann,+45 20 12 34 01',
      'Bob,12',
      'Cy,',
      'Dan,+45 20 12 34 01',
      'Eve,4.5201E+09',
      'Fay,+45 20 12 34 02',
    ]);
    const r = await cli(['send', '--demo', '--data-dir', dir, '--csv', file, '--message', 'Hi %name%', '--sender', 'Shop']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('mixed.csv: 6 rows, 2 recipients accepted, 4 rejected.');
    expect(r.out).toMatch(/Invalid number: 2\n    row 3: .*\n    row 6: Excel turned this number/);
    expect(r.out).toMatch(/No number: 1\n    row 4:/);
    expect(r.out).toMatch(/Duplicate: 1\n    row 5: Same number as row 2/);
    expect(statusLines(await cli(['status', '--demo', '--data-dir', dir, '--json']))).toHaveLength(2);
  });

  it('stores nothing when the input is unusable (exit 2)', async () => {
    const file = csv('c.csv', contacts(3));
    const unknown = await cli(['send', '--demo', '--data-dir', dir, '--csv', file, '--message', 'Hej %fornavn%', '--sender', 'Shop']);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.err).toBe(
      'sms-outbox: --message uses %fornavn%, but c.csv has no such column (columns: name, phone). Fix the placeholder or the file.\n',
    );

    const none = await cli([
      'send',
      '--demo',
      '--data-dir',
      dir,
      '--csv',
      csv('bad.csv', ['phone', '12', 'abc']),
      '--phone-column',
      'phone',
      '--message',
      'x',
      '--sender',
      'Shop',
    ]);
    expect(none.code).toBe(EXIT.usage);
    expect(none.err).toMatch(/No recipient in bad.csv can be sent to; nothing was stored/);

    const binary = join(dir, 'book.xlsx');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const xlsx = await cli(['send', '--demo', '--data-dir', dir, '--csv', binary, '--message', 'x', '--sender', 'Shop']);
    expect(xlsx.code).toBe(EXIT.usage);
    expect(xlsx.err).toMatch(/^sms-outbox: This is a spreadsheet workbook/);
    expect(xlsx.err.split('\n')).toHaveLength(2); // one line, no stack trace

    const status = await cli(['status', '--demo', '--data-dir', dir]);
    expect(status.out).toContain('No campaigns in this data folder yet.');
  });
});

describe('sms-outbox against GatewayAPI (the simulator as a custom base URL)', () => {
  const env = { GATEWAYAPI_TOKEN: TOKEN };
  const send = (file: string, extra: string[] = []) =>
    cli(
      ['send', '--data-dir', dir, '--base-url', sim!.url, '--csv', file, '--message', 'Hi %name%', '--sender', 'Shop', '--yes', ...extra],
      { env },
    );

  it('sends in batches of --batch-size and exits 0', async () => {
    sim = await startSimulator({ token: TOKEN });
    const r = await send(csv('c.csv', contacts(45)), ['--batch-size', '10']);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    expect(sim.requests.filter((q) => q.method === 'POST').length).toBe(5);
    expect(sim.log).toHaveLength(45);
    expect(r.out).toContain('45 of 45 recipients submitted in 5 batches');
  });

  it('pauses on a refused token (exit 3), never prints the token, and resume sends once it is right', async () => {
    sim = await startSimulator({ token: 'the-real-token' });
    const r = await send(csv('c.csv', contacts(5)));
    expect(r.code).toBe(EXIT.paused);
    expect(r.err).toMatch(/Sending is paused/);
    expect(r.out + r.err).not.toContain(TOKEN);
    expect(r.out).toContain('0 submitted · 5 not sent yet');
    expect(sim.log).toHaveLength(0);

    sim.setToken(TOKEN);
    const again = await cli(['resume', '--data-dir', dir, '--base-url', sim.url], { env });
    expect(again.code).toBe(EXIT.ok);
    expect(sim.log).toHaveLength(5);
  });

  it('exits 3 without storing anything when there is no token at all', async () => {
    sim = await startSimulator({ token: TOKEN });
    const r = await cli([
      'send',
      '--data-dir',
      dir,
      '--base-url',
      sim.url,
      '--csv',
      csv('c.csv', contacts(2)),
      '--message',
      'x',
      '--sender',
      'Shop',
      '--yes',
    ]);
    expect(r.code).toBe(EXIT.paused);
    expect(r.err).toMatch(/^sms-outbox: No GatewayAPI token: set GATEWAYAPI_TOKEN/);
    expect(sim.requests).toHaveLength(0);
  });

  it('takes the token from the keychain when GATEWAYAPI_TOKEN is unset', async () => {
    sim = await startSimulator({ token: TOKEN });
    const secrets = createMemoryStore();
    await secrets.set(TOKEN);
    const r = await cli(
      ['send', '--data-dir', dir, '--base-url', sim.url, '--csv', csv('c.csv', contacts(2)), '--message', 'x', '--sender', 'Shop', '--yes'],
      { secrets },
    );
    expect(r.code).toBe(EXIT.ok);
    expect(sim.log).toHaveLength(2);
  });

  it('pauses when credit runs out (exit 3)', async () => {
    sim = await startSimulator({ token: TOKEN, credit: 1, pricePerPart: 0.25 });
    const r = await send(csv('c.csv', contacts(12)), ['--batch-size', '4']);
    expect(r.code).toBe(EXIT.paused);
    expect(r.err).toMatch(/credit/i);
    expect(sim.log).toHaveLength(4);
    expect(r.out).toContain('4 submitted · 8 not sent yet');
  });

  it('exits 4 when a batch is uncertain or recipients failed; delivery outcomes do not count', async () => {
    sim = await startSimulator({ token: TOKEN });
    sim.faults.status5xx = { code: 500, acceptBeforeFail: true, count: 1 };
    const rows = [...contacts(6), 'Blocked,+45 20 12 36 66'];
    const r = await send(csv('c.csv', rows), ['--batch-size', '3']);
    expect(r.code).toBe(EXIT.incomplete);
    expect(r.out).toContain('3 submitted · 1 failed · 3 uncertain');
    expect(r.err).toMatch(/1 failed .*3 uncertain/);
    const lines = statusLines(await cli(['status', '--data-dir', dir, '--json']));
    expect(lines.find((l) => l.msisdn === '4520123666')).toMatchObject({ state: 'failed', code: '0x0215' });
    expect(lines.filter((l) => l.state === 'uncertain')).toHaveLength(3);
  });

  it('resolve --mark-sent / --resend decides about uncertain recipients; resume then sends only the resent', async () => {
    sim = await startSimulator({ token: TOKEN });
    sim.faults.status5xx = { code: 502, acceptBeforeFail: false, count: 2 };
    const r = await send(csv('c.csv', contacts(6)), ['--batch-size', '3']);
    expect(r.code).toBe(EXIT.incomplete);
    expect(r.err).toMatch(/sms-outbox resolve --campaign N --resend/);
    expect(sim.log).toHaveLength(0);

    // Nothing queued, only uncertain: resume needs no token and says what to do.
    const idle = await cli(['resume', '--data-dir', dir]);
    expect(idle.code).toBe(EXIT.incomplete);
    expect(idle.err).toMatch(/6 recipients are uncertain/);

    const lines = async () => statusLines(await cli(['status', '--data-dir', dir, '--json']));
    const uncertain = (await lines()).filter((l) => l.state === 'uncertain').map((l) => l.msisdn);
    expect(uncertain).toHaveLength(6);

    expect((await cli(['resolve', '--data-dir', dir, '--campaign', '1'])).code).toBe(EXIT.usage);
    const resent = await cli(['resolve', '--data-dir', dir, '--campaign', '1', '--resend']);
    expect(resent.code).toBe(EXIT.ok);
    expect(resent.out).toMatch(/6 uncertain recipients of campaign 1 are queued again/);
    const again = await cli(['resume', '--data-dir', dir, '--base-url', sim.url], { env });
    expect(again.code).toBe(EXIT.ok);
    expect(sim.log.map((l) => l.msisdn).sort()).toEqual(uncertain.sort());
    expect(sim.duplicates()).toEqual([]);
    expect(new Set((await lines()).map((l) => l.state))).toEqual(new Set(['submitted']));
    expect((await cli(['resolve', '--data-dir', dir, '--campaign', '1', '--mark-sent'])).out).toMatch(/no uncertain recipients/);
  });

  it('refuses to send the same file twice unless --again, and resume with nothing queued exits 0', async () => {
    sim = await startSimulator({ token: TOKEN });
    const file = csv('c.csv', contacts(3));
    expect((await send(file)).code).toBe(EXIT.ok);
    const twice = await send(file);
    expect(twice.code).toBe(EXIT.usage);
    expect(twice.err).toMatch(/c\.csv was already sent as campaign 1 .*add --again.*Nothing was stored/);
    expect(sim.log).toHaveLength(3);
    expect((await cli(['resume', '--data-dir', dir])).code).toBe(EXIT.ok);
    expect((await send(file, ['--again'])).code).toBe(EXIT.ok);
    expect(sim.log).toHaveLength(6);
  });

  it('on Ctrl-C lets requests under way finish, records them, and exits 1; resume sends the rest once', async () => {
    sim = await startSimulator({ token: TOKEN });
    sim.faults.latencyMs = 150;
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 200);
    const r = await cli(
      [
        'send',
        '--data-dir',
        dir,
        '--base-url',
        sim.url,
        '--csv',
        csv('c.csv', contacts(20)),
        '--message',
        'x',
        '--sender',
        'Shop',
        '--yes',
        '--batch-size',
        '2',
      ],
      { env, signal: stop.signal },
    );
    expect(r.code).toBe(EXIT.other);
    expect(r.err).toMatch(/Stopped by Ctrl-C\.\n\d+ recipients are not sent yet: run "sms-outbox resume" to continue\./);
    const lines = statusLines(await cli(['status', '--data-dir', dir, '--json']));
    // Nothing was left in flight: every request written got its answer recorded.
    expect(lines.filter((l) => l.state === 'in_flight' || l.state === 'uncertain')).toEqual([]);
    expect(lines.filter((l) => l.state === 'submitted').length).toBe(sim.log.length);
    expect(sim.log.length).toBeGreaterThan(0);
    expect(sim.log.length).toBeLessThan(20);

    sim.faults.latencyMs = 0;
    expect((await cli(['resume', '--data-dir', dir, '--base-url', sim.url], { env })).code).toBe(EXIT.ok);
    expect(sim.log).toHaveLength(20);
    expect(sim.duplicates()).toEqual([]);
  });

  it('with --wait gives up after --timeout and says reports are still awaited (exit 1)', async () => {
    sim = await startSimulator({ token: TOKEN, statusDelayMs: 60_000, notFoundUntilMs: 0 });
    const r = await send(csv('c.csv', contacts(3)), ['--wait', '--timeout', '1']);
    expect(r.code).toBe(EXIT.other);
    expect(r.out).toContain('delivery: 0 delivered · 0 not delivered · 3 awaiting reports');
    expect(r.err).toMatch(/Stopped waiting with 3 delivery reports outstanding/);
  });

  it('resume --wait keeps waiting for reports when more recipients were marked as sent than are awaited', async () => {
    // Reports take a minute; the first batch of 3 ends uncertain and is marked as sent, the second
    // batch (3) awaits its reports. Counting the marked ones against the awaited ones made resume
    // say "Nothing to send" and exit 0 with 3 reports outstanding.
    sim = await startSimulator({ token: TOKEN, statusDelayMs: 60_000, notFoundUntilMs: 0 });
    sim.faults.status5xx = { code: 502, acceptBeforeFail: false, count: 1 };
    const sent = await send(csv('c.csv', [...contacts(3), 'Extra,+45 20 12 35 00', 'Extra 2,+45 20 12 35 01', 'Extra 3,+45 20 12 35 02']), [
      '--batch-size',
      '3',
    ]);
    expect(sent.code).toBe(EXIT.incomplete);
    expect((await cli(['resolve', '--data-dir', dir, '--campaign', '1', '--mark-sent'])).code).toBe(EXIT.ok);
    const resumed = await cli(['resume', '--data-dir', dir, '--base-url', sim.url, '--wait', '--timeout', '1'], { env });
    expect(resumed.out).not.toMatch(/Nothing to send/);
    expect(resumed.code).toBe(EXIT.other);
    expect(resumed.err).toMatch(/Stopped waiting with 3 delivery reports outstanding/);
  });

  it('exits 5 at once, storing nothing, while another process sends from the folder', async () => {
    sim = await startSimulator({ token: TOKEN });
    holder = new Engine({ dataDir: dir, gateway: async () => null });
    holder.start();
    expect(holder.holdsLease).toBe(true);
    const started = Date.now();
    const r = await send(csv('c.csv', contacts(3)));
    expect(r.code).toBe(EXIT.busy);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.err).toMatch(new RegExp(`^sms-outbox: Another SMS Outbox process \\(pid ${process.pid} on .*\\) is sending from ${dir}`));
    expect(holder.campaigns.list(false)).toHaveLength(0);
    holder.campaigns.create(newCampaign({ people: people(2) }));
    expect((await cli(['resume', '--data-dir', dir, '--base-url', sim.url], { env })).code).toBe(EXIT.busy);
  });

  it('refuses to send live from a folder that was used for the demo', async () => {
    sim = await startSimulator({ token: TOKEN });
    const file = csv('c.csv', contacts(1));
    expect((await cli(['send', '--demo', '--data-dir', dir, '--csv', file, '--message', 'x', '--sender', 'Shop'])).code).toBe(EXIT.ok);
    const r = await send(file);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/holds demo campaigns/);
    expect(sim.requests).toHaveLength(0);
  });
});

describe('sms-outbox import', () => {
  it('reports every rejected row as JSON and stores nothing', async () => {
    const file = csv('c.csv', ['Navn;Mobil', 'Ann;20 12 34 01', 'Bob;999', 'Cy;20 12 34 01']);
    const r = await cli(['import', file, '--json', '--data-dir', dir]);
    expect(r.code).toBe(EXIT.ok);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({
      file: 'c.csv',
      delimiter: ';',
      phoneColumn: 'Mobil',
      totalRows: 3,
      accepted: 1,
      rejected: 2,
      counts: { invalid_number: 1, duplicate: 1 },
    });
    expect(report.rejectedRows).toEqual([
      { row: 3, kind: 'invalid_number', reason: expect.any(String), cells: ['Bob', '999'] },
      { row: 4, kind: 'duplicate', reason: expect.stringMatching(/row 2/), cells: ['Cy', '20 12 34 01'] },
    ]);
    expect(r.err).toBe('');
    expect((await cli(['status', '--data-dir', dir])).out).toMatch(/No outbox in/);
  });

  it('honours --country and --phone-column', async () => {
    const file = csv('c.csv', ['Home,Work', '070-123 45 67,20 12 34 01']);
    const se = JSON.parse((await cli(['import', file, '--json', '--country', 'SE', '--phone-column', 'home'])).out);
    expect(se).toMatchObject({ phoneColumn: 'Home', accepted: 1 });
    const dk = await cli(['import', file, '--json', '--phone-column', '2']);
    expect(JSON.parse(dk.out)).toMatchObject({ phoneColumn: 'Work', accepted: 1 });
    const bad = await cli(['import', file, '--phone-column', 'Mobile']);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.err).toMatch(/no such column \(columns: "Home", "Work"\)/);
  });
});

describe('terminal safety', () => {
  it('prints no control characters from CSV cells or campaign names', async () => {
    const evil = '\u001b]0;owned\u0007\u001b[2J\u009b31m';
    // Enough ordinary rows that the importer takes the file for text (it refuses > 1 % controls).
    const rows = ['name,phone', `Ann${evil},+45 20 12 39 01`, `Bob,999${evil}`, `Cy\rFAKE LINE,+45 20 12 39 02`];
    const file = csv('c.csv', [...rows, ...contacts(100).slice(1)]);
    const checked = await cli(['import', file, '--data-dir', dir, '--message', 'Hi %name%']);
    const jsonReport = await cli(['import', file, '--data-dir', dir, '--json']);
    const sent = await cli([
      'send',
      '--demo',
      '--data-dir',
      dir,
      '--csv',
      file,
      '--message',
      'Hi',
      '--sender',
      'Shop',
      '--name',
      `Sale${evil}\nX`,
    ]);
    const status = await cli(['status', '--demo', '--data-dir', dir]);
    const json = await cli(['status', '--demo', '--data-dir', dir, '--json']);
    expect(sent.err).toBe('');
    expect(sent.code).toBe(EXIT.ok);
    for (const r of [checked, jsonReport, sent, status, json]) {
      expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    // The readable rest of the text survives.
    // JSON escapes C0 controls itself (still parseable, nothing raw); the one-byte CSI is dropped.
    expect(JSON.parse(jsonReport.out).rejectedRows[0].cells[1]).toBe('999\u001b]0;owned\u0007\u001b[2J31m');
    expect(status.out).toMatch(/#1 Sale\]0;owned\[2J31m X — /);
  });
});

describe('bin/sms-outbox.js', () => {
  it('says how to build when out/main/cli.js is missing', () => {
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(__dirname, '..', '..', 'bin', 'sms-outbox.js'), join(dir, 'bin', 'sms-outbox.js'));
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'sms-outbox.js'), 'status'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('sms-outbox is not built yet: run `npm run build` (or npm install && npm start) first\n');
  });
});
