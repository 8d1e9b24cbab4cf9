// The composition root end to end in demo mode: import → estimate → confirm → send → delivered,
// through the same dispatcher the Electron shell and the e2e harness use.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type SmsOutboxApp } from './openApp';
import { startSimulator } from '../simulator';
import { createMemoryStore } from '../core/secrets/secretStore';
import { openDatabase } from '../core/db/open';
import { markFolderMode } from '../core/folders/folderMode';
import type { Result } from '../shared/result';
import type { ConfirmRequest } from '../shared/confirmRequest';

let app: SmsOutboxApp | null = null;
let dir = '';
const events: { event: string; payload: unknown }[] = [];
/** Main's questions (the shell's native dialog) and the user's answer to the next ones. */
const asked: ConfirmRequest[] = [];
let answer = true;

async function start(secrets = createMemoryStore()) {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-app-'));
  app = await openApp({
    dataDir: dir,
    fetch: (u, i) => fetch(u, i),
    secrets,
    emit: (event, payload) => events.push({ event, payload }),
    demo: { statusDelayMs: 300, notFoundUntilMs: 100, pollScheduleMs: [200, 200, 300] },
    confirm: async (request) => {
      asked.push(request);
      return answer;
    },
  });
  return app;
}

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = (await app!.dispatch(name, input)) as Result<T>;
  if (!r.ok) throw new Error(`${name}: ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

afterEach(async () => {
  await app?.close();
  app = null;
  rmSync(dir, { recursive: true, force: true });
  events.length = 0;
  asked.length = 0;
  answer = true;
});

const csv = [
  'Navn;Mobil',
  'Åse Ødegård;20 12 34 50',
  'Bjørn;+45 20123451',
  'Cæcilie;0045 20 12 34 57',
  'Dorte;(0) 20-12-34-59',
  'Dorte igen;20123459',
  'Ugyldig;123',
].join('\r\n');

describe('app (demo mode)', () => {
  it('imports, asks to confirm the cost, sends and shows delivery results', async () => {
    await start();
    const mode = await call<{ app: { mode: string } }>('mode.set', { mode: 'demo' });
    expect(mode.app.mode).toBe('demo');

    const preview = await call<{ importId: string; phoneColumn: number; headers: string[] }>('import.preview', {
      fileName: 'kunder.csv',
      dataBase64: Buffer.from(csv, 'latin1').toString('base64'),
    });
    expect(preview.headers).toEqual(['Navn', 'Mobil']);
    expect(preview.phoneColumn).toBe(1);

    const report = await call<{ accepted: number; counts: Record<string, number> }>('import.analyse', {
      importId: preview.importId,
      hasHeader: true,
      phoneColumn: 1,
      defaultCountry: 'DK',
      message: 'Hej %navn%, 20% rabat',
    });
    expect(report.accepted).toBe(4);
    expect(report.counts.duplicate).toBe(1);
    expect(report.counts.invalid_number).toBe(1);

    const past = await app!.dispatch('campaign.create', {
      importId: preview.importId,
      name: 'Efterår',
      sender: 'Shop',
      message: 'Hej %navn%, 20% rabat',
      sendAt: Math.floor(Date.now() / 1000) - 3600,
      confirm: true,
    });
    expect(past).toMatchObject({ ok: false, error: { kind: 'invalid_input', field: 'sendAt' } });

    // The window says `confirm: true`; main asks the user anyway, who says no: nothing is stored.
    answer = false;
    const first = await app!.dispatch('campaign.create', {
      importId: preview.importId,
      name: 'Efterår',
      sender: 'Shop',
      message: 'Hej %navn%, 20% rabat',
      sendAt: null,
      confirm: true,
    });
    expect(first).toMatchObject({ ok: false, error: { kind: 'declined' } });
    expect(asked).toEqual([expect.objectContaining({ kind: 'send', campaign: 'Efterår', recipients: 4, parts: 4, sendAt: null })]);
    expect(await call('campaign.page', {})).toMatchObject({ total: 0 });
    answer = true;

    const created = await call<{ campaignId: number; queued: number }>('campaign.create', {
      importId: preview.importId,
      name: 'Efterår',
      sender: 'Shop',
      message: 'Hej %navn%, 20% rabat',
      sendAt: null,
      confirm: true,
    });
    expect(created.queued).toBe(4);

    const deadline = Date.now() + 15000;
    let rows: { msisdn: string; status: string | null; state: string }[] = [];
    while (Date.now() < deadline) {
      rows = (await call<{ rows: typeof rows }>('campaign.recipients', { campaignId: created.campaignId })).rows;
      if (rows.every((r) => r.status && r.status !== 'ENROUTE')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const byNumber = Object.fromEntries(rows.map((r) => [r.msisdn, r.status]));
    expect(byNumber).toEqual({
      '4520123450': 'DELIVERED',
      '4520123451': 'DELIVERED',
      '4520123457': 'UNDELIVERABLE',
      '4520123459': 'REJECTED',
    });
    // The simulator received the merged text with the name, and the literal "20%" left alone.
    const texts = app!.simulator!.log.map((l) => l.text).sort();
    expect(texts[0]).toBe('Hej Bjørn, 20% rabat');

    const exported = await call<{ csv: string }>('campaign.exportCsv', { campaignId: created.campaignId });
    expect(exported.csv.startsWith('\uFEFF')).toBe(true);
    expect(exported.csv).toContain('4520123457');

    const account = await call<{ credit: number | null; currency: string | null }>('account.refresh', {});
    expect(account.currency).toBe('DKK');
    expect(account.credit).toBeLessThan(500);
  });

  it('estimates and sends with the mapping the user confirmed, not the guess', async () => {
    await start();
    await call('mode.set', { mode: 'demo' });
    const file = ['Mobil;Fastnet', '20123450;', '20123451;', '20123452;33123456'].join('\n');
    const p = await call<{ importId: string; phoneColumn: number }>('import.preview', {
      fileName: 'two.csv',
      dataBase64: Buffer.from(file).toString('base64'),
    });
    expect(p.phoneColumn).toBe(0);
    const r = await call<{ accepted: number }>('import.analyse', {
      importId: p.importId,
      hasHeader: true,
      phoneColumn: 1,
      defaultCountry: 'DK',
      message: 'Hi',
    });
    expect(r.accepted).toBe(1);
    const est = await call<{ recipients: number }>('campaign.estimate', { importId: p.importId, message: 'Hi again' });
    expect(est.recipients).toBe(1);
    const c = await call<{ queued: number }>('campaign.create', {
      importId: p.importId,
      name: 'x',
      sender: 'Shop',
      message: 'Hi again',
      sendAt: null,
      confirm: true,
    });
    expect(c.queued).toBe(1);
  });

  it('live mode: a custom GatewayAPI URL and a token from the keychain store send for real, and a bad token pauses', async () => {
    const sim = await startSimulator({ token: 'live-token-1234567890', statusDelayMs: 200, notFoundUntilMs: 50 });
    try {
      // The keychain holds a token GatewayAPI no longer accepts (revoked since it was saved).
      const keychain = createMemoryStore();
      await keychain.set('wrong-token-000000');
      await start(keychain);
      const bad = await app!.dispatch('settings.update', { platform: 'custom', customBaseUrl: 'http://example.com' });
      expect(bad).toMatchObject({ ok: false, error: { field: 'customBaseUrl' } });
      await call('settings.update', { platform: 'custom', customBaseUrl: sim.url });
      // A token GatewayAPI refuses is not stored at all, and main never asks about it.
      const refused = await app!.dispatch('token.set', { token: 'another-wrong-token' });
      expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid_input', field: 'token' } });
      expect(asked).toEqual([]);
      const p = await call<{ importId: string }>('import.preview', {
        fileName: 'k.csv',
        dataBase64: Buffer.from(csv, 'latin1').toString('base64'),
      });
      await call('import.analyse', { importId: p.importId, hasHeader: true, phoneColumn: 1, defaultCountry: 'DK', message: 'Hej %navn%' });
      await call('campaign.create', {
        importId: p.importId,
        name: 'Live',
        sender: 'Shop',
        message: 'Hej %navn%',
        sendAt: null,
        confirm: true,
      });
      const deadline = Date.now() + 10000;
      let state = await call<{ paused: string | null }>('outbox.state', {});
      while (state.paused !== 'auth' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        state = await call('outbox.state', {});
      }
      expect(state.paused).toBe('auth');
      expect(sim.log).toHaveLength(0);

      await call('token.set', { token: 'live-token-1234567890' }); // a new token lifts the auth pause
      // Main named the account GatewayAPI reports for it before storing it.
      expect(asked).toContainEqual(
        expect.objectContaining({ kind: 'replaceToken', replacing: true, account: expect.objectContaining({ currency: 'DKK' }) }),
      );
      while (sim.log.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(sim.log.map((l) => l.msisdn).sort()).toEqual(['4520123450', '4520123451', '4520123457', '4520123459']);
      expect(sim.duplicates()).toEqual([]);
    } finally {
      await app?.close();
      app = null;
      await sim.close();
    }
  });

  it('never sends from a folder that demo sending (e.g. the CLI with --demo) used', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sms-outbox-app-'));
    const db = openDatabase(dir);
    markFolderMode(db, 'demo');
    db.close();
    app = await openApp({
      dataDir: dir,
      fetch: (u, i) => fetch(u, i),
      secrets: createMemoryStore(),
      emit: (event, payload) => events.push({ event, payload }),
      confirm: async () => true,
    });
    await call('settings.update', { testNumber: '20123450' });
    const r = await app.dispatch('campaign.sendTest', { sender: 'Shop', message: 'Hi' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/holds demo campaigns/) });
    expect(events.some((e) => e.event === 'notice' && JSON.stringify(e.payload).includes('folder_mode_conflict'))).toBe(true);
    expect(app.engine.holdsLease).toBe(false);
  });

  it('rejects invalid input with the field named, and never returns the token', async () => {
    await start();
    const bad = await app!.dispatch('settings.update', { batchSize: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.field).toBe('batchSize');
    const unknown = await app!.dispatch('fs.readFile', {});
    expect(unknown.ok).toBe(false);

    await call('token.set', { token: 'secret-token-abcd1234' });
    const view = await call<unknown>('settings.get', {});
    expect(JSON.stringify(view)).not.toContain('secret-token');
    expect(JSON.stringify(view)).not.toContain('1234');
    expect(view).toMatchObject({ app: { token: { set: true, savedAt: expect.any(Number) } } });
  });

  it.each([
    ['GSM-7, one part', 'Hej %navn%, tilbud i dag'],
    ['UCS-2 (emoji)', 'Hej %navn% 🎉 tilbud'],
    ['GSM extension characters', 'Pris: 10€ [rabat] {kode} ~50% | \\ ^'],
    ['multi-part GSM-7', 'Hej %navn%. ' + 'Lang besked om vores tilbud. '.repeat(8)],
    ['multi-part UCS-2', 'Привет %navn%! ' + 'Длинное сообщение. '.repeat(6)],
  ])('estimate agrees with what the gateway charges: %s', async (_label, message) => {
    await start();
    await call('mode.set', { mode: 'demo' });
    const preview = await call<{ importId: string }>('import.preview', {
      fileName: 'k.csv',
      dataBase64: Buffer.from(csv, 'latin1').toString('base64'),
    });
    await call('import.analyse', { importId: preview.importId, hasHeader: true, phoneColumn: 1, defaultCountry: 'DK', message });
    const est = await call<{ total: number | null; parts: number; currency: string }>('campaign.estimate', {
      importId: preview.importId,
      message,
    });
    const creditBefore = app!.simulator!.getCredit();
    const created = await call<{ campaignId: number }>('campaign.create', {
      importId: preview.importId,
      name: 'x',
      sender: 'Shop',
      message,
      sendAt: null,
      confirm: true,
    });
    const deadline = Date.now() + 10000;
    let summary: { totalCost: number | null; states: Record<string, number> } | undefined;
    while (Date.now() < deadline) {
      summary = (await call<{ campaigns: (typeof summary & { id: number })[] }>('campaign.page', {})).campaigns.find(
        (c) => c!.id === created.campaignId,
      );
      if (summary?.states.submitted === 4) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const charged = Math.round((creditBefore - app!.simulator!.getCredit()) * 100) / 100;
    expect(est.total).toBe(charged);
    expect(summary?.totalCost).toBe(charged);
  });
});
