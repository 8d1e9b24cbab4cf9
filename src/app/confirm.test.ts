// Issue 16: money and trust decisions are taken in main. A window that says `confirm: true`, or that
// calls resend, unsuppress, quiet hours off, a new test number or a new token by itself, gets main's
// own question (the shell's native dialog); a "no" leaves everything as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type SmsOutboxApp } from './openApp';
import { createMemoryStore } from '../core/secrets/secretStore';
import { startSimulator, type Simulator } from '../simulator';
import type { ConfirmRequest } from '../shared/confirmRequest';
import type { Result } from '../shared/result';

let app: SmsOutboxApp | null = null;
let sim: Simulator | null = null;
let dir = '';
const asked: ConfirmRequest[] = [];
let answer = false;

afterEach(async () => {
  await app?.close();
  await sim?.close();
  app = null;
  sim = null;
  asked.length = 0;
  answer = false;
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<SmsOutboxApp> {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-confirm-'));
  app = await openApp({
    dataDir: dir,
    fetch: (u, i) => fetch(u, i),
    secrets: createMemoryStore(),
    emit: () => {},
    demo: { statusDelayMs: 50, notFoundUntilMs: 10, pollScheduleMs: [50, 50, 100] },
    confirm: async (r) => {
      asked.push(r);
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

const csv = 'name,phone\nAnna,20123450\nBo,20123451\nCarl,20123452\n';
async function importThree(): Promise<string> {
  const p = await call<{ importId: string }>('import.preview', { fileName: 'k.csv', dataBase64: Buffer.from(csv).toString('base64') });
  await call('import.analyse', { importId: p.importId, hasHeader: true, phoneColumn: 1, defaultCountry: 'DK', message: 'Hi %name%' });
  return p.importId;
}

describe("main's own confirmation", () => {
  it('a send the window "confirmed" by itself sends nothing; main asks with recipients, parts, cost and credit after', async () => {
    const a = await start();
    await call('mode.set', { mode: 'demo' });
    const importId = await importThree();
    const create = { importId, name: 'Spring', sender: 'Shop', message: 'Hi %name%', sendAt: null, confirm: true };
    expect(await a.dispatch('campaign.create', create)).toMatchObject({ ok: false, error: { kind: 'declined' } });
    expect(asked).toEqual([
      expect.objectContaining({
        kind: 'send',
        campaign: 'Spring',
        recipients: 3,
        parts: 3,
        cost: expect.any(Number),
        creditAfter: expect.any(Number),
      }),
    ]);
    expect(await call('campaign.page', {})).toMatchObject({ total: 0 });
    await new Promise((r) => setTimeout(r, 300));
    expect(a.simulator!.log).toHaveLength(0);

    answer = true;
    expect(await call('campaign.create', create)).toMatchObject({ queued: 3 });
  });

  it('removing a suppressed number, turning quiet hours off and a new test number wait for a yes', async () => {
    const a = await start();
    await call('suppression.add', { numbers: ['20123450'], reason: 'Opted out' });
    await call('settings.update', { quietHours: { enabled: true, start: '21:00', end: '08:00' } });
    expect(asked).toEqual([]); // switching quiet hours ON narrows who is reached: no question

    expect(await a.dispatch('suppression.remove', { msisdn: '4520123450' })).toMatchObject({ ok: false, error: { kind: 'declined' } });
    expect((await call<{ total: number }>('suppression.list', {})).total).toBe(1);
    const off = await a.dispatch('settings.update', { quietHours: { enabled: false, start: '21:00', end: '08:00' } });
    expect(off).toMatchObject({ ok: false, error: { kind: 'declined' } });
    const test = await a.dispatch('settings.update', { testNumber: '+45 20 99 99 99' });
    expect(test).toMatchObject({ ok: false, error: { kind: 'declined' } });
    expect(a.engine.settings()).toMatchObject({ quietHours: { enabled: true }, testNumber: null });
    expect(asked.map((r) => r.kind)).toEqual(['unsuppress', 'quietHoursOff', 'testNumber']);
    expect(asked[0]).toMatchObject({ msisdn: '4520123450', reason: 'Opted out' });
    expect(asked[2]).toMatchObject({ msisdn: '4520999999' });

    answer = true;
    expect(await call('suppression.remove', { msisdn: '4520123450' })).toEqual({ removed: true });
    await call('settings.update', { testNumber: '+45 20 99 99 99' });
    expect(a.engine.settings().testNumber).toBe('4520999999'); // normalised by main
  });

  it('a new token is stored only after main named its GatewayAPI account', async () => {
    sim = await startSimulator({ token: 'good-token-1234567890', credit: 321.5 });
    const a = await start();
    await call('settings.update', { platform: 'custom', customBaseUrl: sim.url });
    expect(await a.dispatch('token.set', { token: 'good-token-1234567890' })).toMatchObject({ ok: false, error: { kind: 'declined' } });
    expect(asked).toEqual([
      { kind: 'replaceToken', account: { id: expect.anything(), credit: 321.5, currency: 'DKK' }, problem: null, replacing: false },
    ]);
    expect((await call<{ app: { token: { set: boolean } } }>('settings.get', {})).app.token.set).toBe(false);
    answer = true;
    const view = await call<{ app: { token: unknown } }>('token.set', { token: 'good-token-1234567890' });
    expect(view.app.token).toMatchObject({ set: true, accepted: true });
  });
});

describe('test messages', () => {
  it('go only to the test number saved in Settings, through the campaign checks, and are listed', async () => {
    const a = await start();
    await call('mode.set', { mode: 'demo' });
    // No number the window names is used: without a saved test number nothing is sent.
    const own = await a.dispatch('campaign.sendTest', { sender: 'Shop', message: 'Hi', msisdn: '4599999999' });
    expect(own).toMatchObject({ ok: false, error: { kind: 'invalid_input', field: 'testNumber' } });
    answer = true;
    await call('settings.update', { testNumber: '20123450' });
    // The campaign rules: sender, length (max parts from Settings), suppression.
    expect(await a.dispatch('campaign.sendTest', { sender: 'A sender far too long', message: 'Hi' })).toMatchObject({
      ok: false,
      error: { field: 'sender' },
    });
    await call('settings.update', { maxParts: 1 });
    expect(await a.dispatch('campaign.sendTest', { sender: 'Shop', message: 'x'.repeat(161) })).toMatchObject({
      ok: false,
      error: { field: 'message' },
    });
    await call('suppression.add', { numbers: ['20123450'], reason: null });
    expect(await a.dispatch('campaign.sendTest', { sender: 'Shop', message: 'Hi' })).toMatchObject({
      ok: false,
      error: { field: 'testNumber' },
    });
    await call('suppression.remove', { msisdn: '4520123450' });

    const sent = await call<{ campaignId: number }>('campaign.sendTest', { sender: 'Shop', message: 'Hi', msisdn: '4599999999' });
    const deadline = Date.now() + 5000;
    while (a.simulator!.log.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(a.simulator!.log.map((l) => l.msisdn)).toEqual(['4520123450']);
    const list = await call<{ campaigns: { id: number }[] }>('campaign.page', {});
    expect(list.campaigns.map((c) => c.id)).toContain(sent.campaignId);
  });
});
