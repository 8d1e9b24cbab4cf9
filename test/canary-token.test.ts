// A canary token through the whole app: set it, import, send, poll, export, fail — with a gateway
// (and a proxy in front of it) that echoes the token, whole and cut in pieces, into every field it
// answers with. Then no 8-character piece of it may be found anywhere: in the data folder's files
// (SQLite, WAL, everything), the log, what the window received over the bridge, or CLI output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type SmsOutboxApp } from '../src/app/openApp';
import { startSimulator, type Simulator } from '../src/simulator';
import { createMemoryStore } from '../src/core/secrets/secretStore';
import { MIN_PIECE } from '../src/core/secrets/redact';
import type { FetchFn } from '../src/core/types';
import type { Result } from '../src/shared/result';
import { runCli } from '../src/cli/run';

// Letters and digits like a real token; 48 characters.
const TOKEN =
  'Cnry' +
  randomBytes(33)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, 'x')
    .slice(0, 44);
const pieces = (s: string) => Array.from({ length: s.length - MIN_PIECE + 1 }, (_, i) => s.slice(i, i + MIN_PIECE));

/** Every 8-character piece of the token found in `text`, with some context. */
function leaks(where: string, text: string): string[] {
  const found: string[] = [];
  for (const p of pieces(TOKEN)) {
    const i = text.indexOf(p);
    if (i >= 0) found.push(`${where}: …${text.slice(Math.max(0, i - 30), i + 40)}…`);
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** The simulator behind a "proxy" that echoes the token into answers, whole and in pieces. */
function echoingFetch(): FetchFn {
  let meCalls = 0;
  let transient = true;
  return async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? init.body : '';
    const json = (status: number, value: unknown) =>
      new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
    if (method === 'POST' && url.endsWith('/rest/mtsms') && body.includes('TRANSIENT') && transient) {
      transient = false; // retried, then accepted
      return new Response(`<html>Service unavailable. Your request: Authorization: Token ${TOKEN}</html>`, { status: 503 });
    }
    if (method === 'POST' && url.endsWith('/rest/mtsms') && body.includes('FAILME')) {
      return json(400, {
        code: `0x0220-${TOKEN.slice(4, 16)}`,
        message: `Bad parameter; you sent Authorization: Token ${TOKEN.slice(0, 30)}`,
        variables: [TOKEN.slice(20), 'x'],
        incident_uuid: TOKEN.slice(10, 40),
      });
    }
    if (url.endsWith('/rest/me') && meCalls++ === 0) {
      return new Response(`upstream echo Token ${TOKEN.slice(7)} (truncated`, { status: 500 });
    }
    const res = await fetch(input, init);
    if (method === 'GET' && /\/rest\/mtsms\/\d+$/.test(url) && res.status === 200) {
      const messages = (await res.json()) as { recipients?: Record<string, unknown>[] }[];
      for (const m of messages) {
        for (const r of m.recipients ?? []) {
          r.dsnstatus = 'UNDELIVERABLE';
          r.dsnerror = `Rejected by operator; header Token ${TOKEN.slice(2, 35)}`;
          r.dsnerrorcode = TOKEN.slice(12, 24);
        }
      }
      return json(200, messages);
    }
    return res;
  };
}

let dir: string;
let sim: Simulator;
let app: SmsOutboxApp | null = null;
const bridge: unknown[] = [];
const logs: unknown[] = [];
let cliOutput = '';

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = (await app!.dispatch(name, input)) as Result<T>;
  bridge.push(r);
  if (!r.ok) throw new Error(`${name}: ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

async function until(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const CSV = ['Navn;Mobil', 'Anna;20123450', 'Bo;+45 20123451', 'Carl;123', `Dorte ${TOKEN.slice(0, 3)};20123457`].join('\r\n');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-canary-'));
  sim = await startSimulator({ token: TOKEN, statusDelayMs: 100, notFoundUntilMs: 20 });
  const log = (level: string) => (msg: string, data?: Record<string, unknown>) => logs.push({ level, msg, data });
  app = await openApp({
    dataDir: dir,
    fetch: echoingFetch(),
    secrets: createMemoryStore(),
    emit: (event, payload) => bridge.push({ event, payload }),
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
    // The user says yes to main's own dialogs (replacing the token, sending).
    confirm: async () => true,
  });
}, 30_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('canary token', () => {
  it('no 8-character piece of the token is stored, logged, sent to the window or printed', async () => {
    await call('settings.update', { platform: 'custom', customBaseUrl: sim.url });
    await call('token.set', { token: TOKEN });

    const preview = await call<{ importId: string }>('import.preview', {
      fileName: 'kunder.csv',
      dataBase64: Buffer.from(CSV).toString('base64'),
    });
    await call('import.analyse', {
      importId: preview.importId,
      hasHeader: true,
      phoneColumn: 1,
      defaultCountry: 'DK',
      message: 'Hej %navn%',
    });
    await call('import.rejectedCsv', { importId: preview.importId });
    const ok = await call<{ campaignId: number }>('campaign.create', {
      importId: preview.importId,
      name: 'Polled',
      sender: 'Shop',
      message: 'Hej %navn% TRANSIENT',
      sendAt: null,
      confirm: true,
    });
    const again = await call<{ importId: string }>('import.preview', {
      fileName: 'kunder2.csv',
      dataBase64: Buffer.from(CSV + '\r\nEva;20123458').toString('base64'),
    });
    await call('import.analyse', {
      importId: again.importId,
      hasHeader: true,
      phoneColumn: 1,
      defaultCountry: 'DK',
      message: 'FAILME %navn%',
    });
    const failed = await call<{ campaignId: number }>('campaign.create', {
      importId: again.importId,
      name: 'Refused',
      sender: 'Shop',
      message: 'FAILME %navn%',
      sendAt: null,
      confirm: true,
    });

    type Page = { rows: { state: string; status: string | null; error: string | null }[] };
    const page = async (id: number) => {
      // Live schedules wait seconds to minutes between retries and polls: make what is due now.
      const db = app!.engine.db;
      db.prepare("UPDATE batches SET next_attempt_at = 0 WHERE state = 'retry_wait'").run();
      db.prepare('UPDATE batches SET poll_next_at = 0 WHERE poll_next_at IS NOT NULL').run();
      app!.wake();
      app!.engine.statusPoller.wake();
      return call<Page>('campaign.recipients', { campaignId: id, search: '', filter: 'all', offset: 0, limit: 100 });
    };
    await until('the sent campaign to be polled to a final status', async () =>
      (await page(ok.campaignId)).rows.every((r) => r.status === 'UNDELIVERABLE'),
    );
    await until('the refused campaign to fail', async () => (await page(failed.campaignId)).rows.every((r) => r.state === 'failed'));
    await call('account.refresh', {}).catch(() => null);
    await call('account.refresh', {});

    // What the window shows of all that: the echoed texts arrive, without the token.
    const failedRows = await page(failed.campaignId);
    expect(failedRows.rows[0].error).toMatch(/Bad parameter; you sent Authorization: Token \[redacted\]/);
    expect((await page(ok.campaignId)).rows[0]).toMatchObject({ error: expect.stringContaining('[redacted]') });
    for (const id of [ok.campaignId, failed.campaignId]) {
      await call('campaign.attempts', { campaignId: id });
      await call('campaign.exportCsv', { campaignId: id });
    }
    await call('campaign.page', {});
    await call('account.get', {});
    await call('outbox.state', {});
    await call('settings.get', {});
    await app!.close();
    app = null;

    // The CLI over the same folder: status, JSON lines, and a send that the gateway refuses.
    const cli = async (argv: string[]) => {
      await runCli(argv, {
        env: { GATEWAYAPI_TOKEN: TOKEN },
        stdout: (s) => void (cliOutput += s),
        stderr: (s) => void (cliOutput += s),
        interactive: false,
        ask: null,
        secrets: () => createMemoryStore(),
        fetch: echoingFetch(),
        signal: new AbortController().signal,
        tickMs: 20,
      });
    };
    const csvPath = join(dir, '..', `canary-${process.pid}.csv`);
    writeFileSync(csvPath, 'Navn;Mobil\r\nFrede;20123459\r\n');
    try {
      await cli(['send', '--data-dir', dir, '--csv', csvPath, '--message', 'FAILME %navn%', '--sender', 'Shop', '--wait', '--yes']);
      await cli(['status', '--data-dir', dir]);
      await cli(['status', '--data-dir', dir, '--json']);
    } finally {
      rmSync(csvPath, { force: true });
    }
    expect(cliOutput).toMatch(/redacted|Refused|failed/);

    const found = [
      ...filesUnder(dir).flatMap((f) => {
        const bytes = readFileSync(f);
        return [...leaks(`${f} (utf-8)`, bytes.toString('latin1')), ...leaks(`${f} (utf-16)`, bytes.toString('utf16le'))];
      }),
      ...leaks('log', JSON.stringify(logs)),
      ...leaks('bridge', JSON.stringify(bridge)),
      ...leaks('cli', cliOutput),
    ];
    expect(found).toEqual([]);
    // The test saw real traffic: the token was echoed back and reached the app.
    expect(sim.log.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(bridge)).toContain('[redacted]');
  }, 60_000);
});
