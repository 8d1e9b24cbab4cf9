// Issue 16's outside check, as a script running in the window: it tries to learn the token, send to
// a number of its own, skip main's confirmation and remove a suppressed number. The user answers
// "no" to every question main asks in its own dialog (the harness stands in for dialog.showMessageBox).
// Expected: 0 characters of the token learned, 0 messages sent, the suppressed number still listed,
// and main asked every time (nothing went through without its dialog).
import { randomBytes } from 'node:crypto';
import { expect, test } from './harness';
import { oracleAttack } from '../src/app/testing/tokenOracle';
import type { Page } from '@playwright/test';

const HEX = '0123456789abcdef';
/** The user's answer to main's dialogs: yes while the test sets things up, then no. */
let userSaysYes = true;
test.use({ confirmAnswer: { answer: () => userSaysYes } });
test.beforeEach(() => {
  userSaysYes = true;
});

/** Runs a bridge call from inside the page, as an injected script would. */
function inPage(page: Page, name: string, input: unknown) {
  return page.evaluate(
    ([n, i]) => (window as unknown as { smsOutbox: { call(n: string, i: unknown): Promise<unknown> } }).smsOutbox.call(n, i),
    [name, input] as const,
  ) as Promise<{ ok: boolean; value?: unknown; error?: { kind: string } }>;
}

test('a script in the window learns no token character, sends nothing and removes no opt-out without main', async ({ page, harness }) => {
  const token = randomBytes(20).toString('hex');
  await page.goto(harness.url);
  // Set up by the user: a token (main asked, the user said yes), then the window turns hostile.
  expect(await harness.app.dispatch('token.set', { token })).toMatchObject({ ok: true });
  userSaysYes = false;
  const before = harness.confirmations.length;

  // 1. The token: the oracle attack through the window's own echoes, from whatever app.status tells,
  // and again holding its last 8 characters (as if they had leaked elsewhere).
  const attack = (given: string) =>
    page.evaluate(
      `(${oracleAttack.toString()})((n, i) => window.smsOutbox.call(n, i), ${JSON.stringify(HEX)}, ${JSON.stringify(given)})`,
    ) as Promise<{ learned: number; rounds: number }>;
  expect((await attack('')).learned).toBe(0);
  expect((await attack(token.slice(-8))).learned).toBe(0);
  expect(await page.content()).not.toContain(token.slice(-4));
  // Swapping in its own account's token needs the user's yes in main's dialog.
  expect(await inPage(page, 'token.set', { token: 'attacker-token-0000000' })).toMatchObject({ ok: false });

  // 2. Sending, in demo mode, where the simulator counts every message that reaches it.
  await inPage(page, 'mode.set', { mode: 'demo' });
  const suppressed = await inPage(page, 'suppression.add', { numbers: ['20123455'], reason: 'Opted out' });
  expect(suppressed).toMatchObject({ ok: true });
  // To its own number: as the test number (main asks), or named in the call (ignored).
  expect(await inPage(page, 'settings.update', { testNumber: '+45 99 99 99 99' })).toMatchObject({
    ok: false,
    error: { kind: 'declined' },
  });
  expect(await inPage(page, 'campaign.sendTest', { sender: 'Shop', message: 'Win!', msisdn: '4599999999', importId: null })).toMatchObject({
    ok: false,
  });
  // A campaign "confirmed" by the window itself.
  const csv = 'phone\n99999999\n20123450\n';
  const preview = await inPage(page, 'import.preview', { fileName: 'x.csv', dataBase64: Buffer.from(csv).toString('base64') });
  const importId = (preview.value as { importId: string }).importId;
  await inPage(page, 'import.analyse', { importId, hasHeader: true, phoneColumn: 0, defaultCountry: 'DK', message: 'Win!' });
  const create = { importId, name: 'x', sender: 'Shop', message: 'Win!', sendAt: null, confirm: true };
  expect(await inPage(page, 'campaign.create', create)).toMatchObject({ ok: false, error: { kind: 'declined' } });
  // Quiet hours off (so messages go at night) and the opt-out removed.
  await inPage(page, 'settings.update', { quietHours: { enabled: true, start: '21:00', end: '08:00' } });
  expect(await inPage(page, 'settings.update', { quietHours: { enabled: false, start: '21:00', end: '08:00' } })).toMatchObject({
    ok: false,
  });
  expect(await inPage(page, 'suppression.remove', { msisdn: '4520123455' })).toMatchObject({ ok: false, error: { kind: 'declined' } });

  await page.waitForTimeout(1500);
  expect(harness.app.simulator!.log).toHaveLength(0);
  expect(await inPage(page, 'campaign.page', {})).toMatchObject({ ok: true, value: { total: 0 } });
  expect(await inPage(page, 'suppression.list', {})).toMatchObject({ ok: true, value: { total: 1 } });
  expect(harness.app.engine.settings()).toMatchObject({ testNumber: null, quietHours: { enabled: true } });
  // Main asked every time; nothing needing a yes happened without its dialog.
  expect(harness.confirmations.slice(before).map((r) => r.kind)).toEqual([
    'replaceToken',
    'testNumber',
    'send',
    'quietHoursOff',
    'unsuppress',
  ]);
});
