// Every word in the user's language. (1) The pseudo-language (every catalog string wrapped and
// accented, ⟦Ŝéñð⟧) drives the whole window — welcome, compose with a bad file, the confirmation,
// the outbox with refused, rejected and blocked-country recipients, dialogs, banners, suppression,
// settings — and fails on any visible text (or label/title/placeholder) that is not wrapped. Allowed:
// numbers, dates, money and punctuation; the test's own data (names, numbers, the file, the message);
// GatewayAPI's own text, which the UI marks as such. (2) A Danish and a Swedish user import a file with
// bad rows, send into a gateway that refuses some numbers and a country, let the campaign finish and
// read no English word. (3) Screenshots of every main view in Swedish and Norwegian.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { en } from '../src/renderer/src/i18n/en';
import { pseudoize } from '../src/shared/i18n/pseudo';
import { csvFile, expect, test } from './harness';

const SHOTS = resolve(__dirname, '..', 'test-results', 'screenshots');

/** A renderer string in the pseudo-language, as the window shows it (for finding buttons by name). */
function P(key: string): string {
  const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], en);
  return pseudoize(String(text), /(\{\{[^}]*\}\}|<\/?\d+>)/);
}

// The fixture: a good number of each fate, bad rows of each kind. Numbers ending in 7 are undeliverable,
// 8 expire, 9 are rejected, 666 are on GatewayAPI's block list, +354 (Iceland) is a blocked country.
const CSV =
  'Navn;Telefon\nSøren;20123450\nÅse;20123457\nIb;20123458\nMia;20123459\nBo;20123666\nLi;+354 611 1234\n' +
  'Ole;abc\nKaj;\nSøren to;20123450\nEva;12\n';
const NAMES = ['Søren', 'Åse', 'Ib', 'Mia', 'Bo', 'Li', 'Ole', 'Kaj', 'Søren to', 'Eva', 'Navn', 'Telefon'];
const MESSAGE = 'Hej %Navn%, vi har udsalg';
// 'xyz' is what the user typed into the suppression list (shown back as not a phone number).
const DATA = [...NAMES, 'kunder.csv', 'Butik', MESSAGE, 'Hej Søren, vi har udsalg', 'abc', '%Navn%', 'SMS Outbox', 'xyz'];

/** Visible texts that are neither wrapped nor data. */
async function unwrapped(page: Page): Promise<string[]> {
  return page.evaluate((data) => {
    const allowed = new Set(data);
    const bad: string[] = [];
    const isData = (text: string) =>
      /^⟦[\s\S]*⟧$/.test(text) ||
      /^[\d\s.,:;%+\-–—()/·…×#'"“”«»!?<>=\u00a0\u202f]*$/.test(text) || // numbers, dates, punctuation
      /^[\d\s.,\u00a0\u202f]+[A-Z]{3}$/.test(text) || // money: 1.234,50 DKK
      /^0x[0-9A-F]{4}$/i.test(text) || // an error code
      /^[A-Z]{2}$/.test(text) || // a country code (DK, IS)
      // The campaign's name is stored data (its default was proposed in the language of the moment).
      /^(Campaign|⟦Çáɱþáíĝñ) \d{4}-\d\d-\d\d⟧?$/.test(text) ||
      /^(Ctrl|Alt|Shift|Cmd|⌘)(\+\w+)+$/.test(text) || // a key on the keyboard
      allowed.has(text) ||
      [...allowed].some((d) => d.length > 3 && text.includes(d) && text.replace(d, '').trim().length <= 3);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('script, style, textarea, code, [data-untranslated], .file-preview')) continue;
      if (!el.checkVisibility()) continue;
      if (!isData(text)) bad.push(text);
    }
    for (const el of document.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder]')) {
      if (!el.checkVisibility() || el.closest('[data-untranslated]')) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a)?.trim();
        if (v && !isData(v)) bad.push(`[${a}] ${v}`);
      }
    }
    return [...new Set(bad)];
  }, DATA);
}

async function expectAllWrapped(page: Page, where: string): Promise<void> {
  expect(await unwrapped(page), where).toEqual([]);
}

async function setLanguage(page: Page, language: string): Promise<void> {
  await page.evaluate(async (l) => {
    const w = window as unknown as { smsOutbox: { call(n: string, i: unknown): Promise<unknown> } };
    await w.smsOutbox.call('settings.update', { language: l });
  }, language);
  await page.reload();
}

test('pseudo-language: no visible text in any view, dialog or banner is left untranslated', async ({ page, harness }) => {
  test.setTimeout(300_000);
  await page.goto(harness.url);
  await setLanguage(page, 'pseudo');
  await expect(page.getByRole('button', { name: P('welcome.tryButton') })).toBeVisible();
  await expectAllWrapped(page, 'welcome');
  await page.getByRole('button', { name: P('welcome.tryButton') }).click();
  await expect(page.getByTestId('mode-badge')).toHaveText(P('app.demoBadge'));
  // The demo folder has its own settings.
  await setLanguage(page, 'pseudo');

  await page.getByLabel(P('import.fileLabel')).setInputFiles(csvFile('kunder.csv', CSV));
  await expect(page.getByRole('button', { name: P('import.check') })).toBeVisible();
  await expectAllWrapped(page, 'compose: file preview');
  await page.getByRole('button', { name: P('import.check') }).click();
  await expect(page.getByTestId('accepted-count')).toHaveText('6');
  // Open every example list of the report.
  for (const s of await page.locator('table.compact details summary').all()) await s.click();
  await page.getByLabel(P('message.sender')).fill('Butik');
  await page.getByLabel(P('message.label'), { exact: true }).fill(MESSAGE);
  await expect(page.getByTestId('estimate')).toBeVisible();
  await expect(page.getByTestId('recipient-preview')).toBeVisible();
  await expectAllWrapped(page, 'compose: report, preview and estimate');

  await page.getByRole('button', { name: P('send.sendButton') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expectAllWrapped(page, 'send confirmation');
  await dialog.getByRole('button', { name: P('send.confirm.sendNow') }).click();

  const table = page.getByRole('table', { name: P('recipients.table') });
  await expect(table.locator('[role="row"][data-msisdn="4520123459"]')).toContainText(pseudoize('Rejected'), { timeout: 40_000 });
  await expect(table.locator('[role="row"][data-msisdn="4520123457"]')).toContainText(pseudoize('Not deliverable'), { timeout: 40_000 });
  await expect(table.locator('[role="row"][data-msisdn="4520123458"]')).toContainText(pseudoize('Expired'), { timeout: 40_000 });
  await expect(page.getByTestId('campaign-status')).toHaveText(pseudoize('Done'), { timeout: 40_000 });
  // GatewayAPI's own words are one click away (and marked as untranslated on purpose).
  for (const s of await table.locator('details summary').all()) await s.click();
  await expectAllWrapped(page, 'outbox with refused, rejected and blocked-country recipients, finished notice');

  await page.getByRole('button', { name: P('campaigns.resendFailed') }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAllWrapped(page, 'resend-to-failed dialog');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: P('common.cancel') })
    .click();

  await page.getByRole('button', { name: P('app.tabs.suppression') }).click();
  await page.getByLabel(P('suppression.numbers')).fill('20 12 34 55\nxyz');
  await page.getByRole('button', { name: P('suppression.add') }).click();
  await expect(page.getByRole('table', { name: P('suppression.table') })).toContainText('4520123455');
  await expectAllWrapped(page, 'suppression list');

  await page.getByRole('button', { name: P('app.tabs.settings') }).click();
  await expect(page.getByLabel(P('settings.language'))).toBeVisible();
  await expectAllWrapped(page, 'settings');

  // The paused banner (sending paused by the user, through the same call the Pause button makes).
  await page.evaluate(async () => {
    const w = window as unknown as { smsOutbox: { call(n: string, i: unknown): Promise<unknown> } };
    await w.smsOutbox.call('outbox.pause', {});
  });
  await page.reload();
  await expect(page.getByRole('button', { name: P('banners.resume') })).toBeVisible();
  await expectAllWrapped(page, 'paused banner');
  await page.getByRole('button', { name: P('banners.resume') }).click();
  await expect(page.getByRole('button', { name: P('banners.resume') })).toHaveCount(0);
  expect(harness.console.filter((l) => l.startsWith('pageerror'))).toEqual([]);
});

// Words that only English has (none is a Danish, Swedish or Norwegian word too).
const ENGLISH =
  /\b(the|and|with|this|that|was|were|recipients?|delivered|failed|refused|rejected|expired|undeliverable|blacklisted|country|account|campaign|number|queued|submitted|uncertain|pending|credit|paused|GatewayAPI said|invalid|duplicate|missing|row)\b/i;

async function englishWords(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent ?? '').trim();
      if (text && el && el.checkVisibility() && !el.closest('[data-untranslated], script, style')) out.push(text);
    }
    return out;
  });
  return texts.filter((t) => ENGLISH.test(t.replace('SMS Outbox', '')));
}

const USERS = {
  da: {
    locale: 'da-DK',
    try: /Prøv demoen/,
    file: 'Modtagerfil (CSV)',
    check: 'Kontroller modtagere',
    sender: 'Afsender',
    message: 'Besked',
    send: 'Send…',
    sendNow: 'Send nu',
    table: 'Modtagere',
    invalid: 'Ikke et telefonnummer',
    rejected: 'Afvist',
    country: 'Kontoen må ikke sende til Island',
    blocked: 'spærreliste',
    finished: /Kampagnen “.+” er færdig: 1 leveret, 5 ikke leveret/,
    done: 'Færdig',
  },
  sv: {
    locale: 'sv-SE',
    try: /Prova demon/,
    file: 'Mottagarfil (CSV)',
    check: 'Kontrollera mottagarna',
    sender: 'Avsändare',
    message: 'Meddelande',
    send: 'Skicka…',
    sendNow: 'Skicka nu',
    table: 'Mottagare',
    invalid: 'Inte ett telefonnummer',
    rejected: 'Avvisat',
    country: 'Kontot får inte skicka till Island',
    blocked: 'spärrlista',
    finished: /Kampanjen ”.+” är klar: 1 levererade, 5 inte levererade/,
    done: 'Klar',
  },
} as const;

for (const [lang, u] of Object.entries(USERS)) {
  test.describe(`a ${lang} user`, () => {
    test.use({ locale: u.locale });
    test(`imports bad rows, sends into refusals and a blocked country, sees it finish — and reads no English (${lang})`, async ({
      page,
      harness,
    }) => {
      test.setTimeout(180_000);
      await page.goto(harness.url);
      await page.getByRole('button', { name: u.try }).click();
      await page.getByLabel(u.file).setInputFiles(csvFile('kunder.csv', CSV));
      await page.getByRole('button', { name: u.check }).click();
      await expect(page.getByTestId('accepted-count')).toHaveText('6');
      for (const s of await page.locator('table.compact details summary').all()) await s.click();
      await expect(page.locator('tr[data-kind="invalid_number"]')).toContainText(u.invalid);
      expect(await englishWords(page)).toEqual([]);

      await page.getByLabel(u.sender).fill('Butik');
      await page.getByLabel(u.message, { exact: true }).fill(MESSAGE);
      await expect(page.getByTestId('estimate')).toBeVisible();
      await page.getByRole('button', { name: u.send }).click();
      expect(await englishWords(page)).toEqual([]);
      await page.getByRole('dialog').getByRole('button', { name: u.sendNow }).click();

      const table = page.getByRole('table', { name: u.table, exact: true });
      await expect(table.locator('[role="row"][data-msisdn="3546111234"]')).toContainText(u.country, { timeout: 40_000 });
      await expect(table.locator('[role="row"][data-msisdn="4520123666"]')).toContainText(u.blocked, { timeout: 40_000 });
      await expect(table.locator('[role="row"][data-msisdn="4520123459"]')).toContainText(u.rejected, { timeout: 40_000 });
      await expect(page.getByTestId('campaign-status')).toHaveText(u.done, { timeout: 40_000 });
      await expect(page.locator('.banners')).toContainText(u.finished);
      expect(await englishWords(page)).toEqual([]);
    });
  });
}

for (const lang of ['sv', 'nb'] as const) {
  test(`screenshots of every main view in ${lang}`, async ({ page, harness }) => {
    test.setTimeout(180_000);
    mkdirSync(SHOTS, { recursive: true });
    await page.goto(harness.url);
    await setLanguage(page, lang);
    await page.screenshot({ path: resolve(SHOTS, `welcome-${lang}.png`) });
    await page.getByRole('button', { name: lang === 'sv' ? /Prova demon/ : /Prøv demoen/ }).click();
    await setLanguage(page, lang);
    const tabs = lang === 'sv' ? ['Skriv', 'Utkorg', 'Spärrlista', 'Inställningar'] : ['Skriv', 'Utboks', 'Sperreliste', 'Innstillinger'];
    await page.getByLabel(lang === 'sv' ? 'Mottagarfil (CSV)' : 'Mottakerfil (CSV)').setInputFiles(csvFile('kunder.csv', CSV));
    await page.getByRole('button', { name: lang === 'sv' ? 'Kontrollera mottagarna' : 'Sjekk mottakerne' }).click();
    await expect(page.getByTestId('accepted-count')).toHaveText('6');
    await page.getByLabel(lang === 'sv' ? 'Avsändare' : 'Avsender').fill('Butik');
    await page.getByLabel(lang === 'sv' ? 'Meddelande' : 'Melding', { exact: true }).fill(MESSAGE);
    await expect(page.getByTestId('estimate')).toBeVisible();
    await page.screenshot({ path: resolve(SHOTS, `compose-${lang}.png`), fullPage: true });
    await page.getByRole('button', { name: lang === 'sv' ? 'Skicka…' : 'Send…' }).click();
    await page.screenshot({ path: resolve(SHOTS, `confirm-${lang}.png`) });
    await page
      .getByRole('dialog')
      .getByRole('button', { name: lang === 'sv' ? 'Skicka nu' : 'Send nå' })
      .click();
    await expect(page.getByTestId('campaign-status')).toHaveText(lang === 'sv' ? 'Klar' : 'Ferdig', { timeout: 40_000 });
    for (const [i, view] of (['compose', 'outbox', 'suppression', 'settings'] as const).entries()) {
      await page.getByRole('button', { name: tabs[i], exact: true }).click();
      await page.screenshot({ path: resolve(SHOTS, `${view}-${lang}.png`), fullPage: true });
    }
  });
}
