// The whole path a new user takes: demo mode → import a CSV → check the report → write a message
// with a merge field → estimate → send with confirmation → watch delivery reports arrive.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { csvFile, expect, test } from './harness';

const SCREENSHOT = resolve(__dirname, '..', 'test-results', 'screenshots', 'results.png');

// Semicolons and Danish letters as Excel writes them in a Danish locale. The demo simulator decides
// each number's fate by its last digit: 0-6 DELIVERED, 7 UNDELIVERABLE, 8 EXPIRED, 9 REJECTED.
const CSV = [
  'Navn;Telefon;By',
  'Søren Ærø;+45 20 12 34 50;København',
  'Åse Østergård;20123451;Århus',
  'Jens Jørgensen;0045 20 12 34 52;Odense',
  'Mette Bæk;20 12 34 57;Aalborg',
  'Birgitte Ørsted;20123458;Esbjerg',
  'Lars Lærke;12;Vejle',
  'Åse Østergård;+4520123451;Århus',
].join('\r\n');

const EXPECTED: Record<string, string> = {
  '4520123450': 'Delivered',
  '4520123451': 'Delivered',
  '4520123452': 'Delivered',
  '4520123457': 'Not deliverable',
  '4520123458': 'Expired',
};

test('demo: import, compose with a merge field, send, and see delivery reports', async ({ page, harness }) => {
  rmSync(SCREENSHOT, { force: true });
  await page.goto(harness.url);

  // The built page carries the strict policy itself (file:// in Electron may not get the header).
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("default-src 'none'");
  expect(meta).toContain("script-src 'self'");
  expect(meta).toContain("style-src 'self'");
  expect(meta).not.toContain('unsafe');

  // The renderer is a plain web page: no Node in it.
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');

  // First run: no token, so the app offers the demo.
  await page.getByRole('button', { name: /Try the demo/ }).click();
  await expect(page.getByTestId('mode-badge')).toHaveText('DEMO');

  const credit = page.getByTestId('credit-badge');
  await expect(credit).toHaveText(/Credit: \d+(\.\d+)? [A-Z]{3}/);
  const creditBefore = await credit.textContent();

  // 1. Recipients
  await page.getByLabel('Recipients file (CSV)').setInputFiles(csvFile('kunder.csv', CSV));
  await expect(page.getByTestId('preview-summary')).toContainText('kunder.csv');
  await expect(page.getByRole('table', { name: 'File preview' })).toContainText('Søren Ærø');
  const phoneColumn = page.getByLabel('Phone number column');
  await expect(phoneColumn.locator('option:checked')).toHaveText(/Telefon/);
  await expect(page.getByLabel('First row is a header')).toBeChecked();
  await page.getByRole('button', { name: 'Check recipients' }).click();

  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('accepted-count')).toHaveText('5');
  await expect(report.getByTestId('count-invalid_number')).toHaveText('1');
  await expect(report.getByTestId('count-duplicate')).toHaveText('1');
  await expect(report.getByTestId('count-missing_number')).toHaveCount(0);
  // The first rows of each kind are shown, with the row they came from.
  await report.locator('tr[data-kind="invalid_number"] summary').click();
  await expect(report.locator('tr[data-kind="invalid_number"]')).toContainText('Lars Lærke');
  await expect(page.getByRole('button', { name: 'Download rejected rows' })).toBeVisible();

  // 2. Message with a merge field chip.
  await page.getByLabel('Sender').fill('Butik');
  const message = page.getByLabel('Message', { exact: true });
  await message.fill('Hej ');
  await page.getByRole('button', { name: 'Insert merge field Navn' }).click();
  await expect(message).toHaveValue('Hej %Navn%');
  await expect(page.getByTestId('sms-counter')).toContainText('GSM-7');
  await expect(page.getByTestId('sms-counter')).toContainText('1 part');

  // 3. Estimate, then send with the confirmation dialog.
  const estimate = page.getByTestId('estimate');
  await expect(estimate).toBeVisible();
  await expect(estimate.locator('tbody tr').first()).toContainText('DK');
  await expect(estimate.locator('tfoot')).toContainText('5');
  const send = page.getByRole('button', { name: 'Send…' });
  await expect(send).toBeEnabled();
  await send.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Send 5 messages?');
  // The numbers behind the decision: recipients, parts, cost and the credit left afterwards.
  const summary = dialog.getByTestId('confirm-summary');
  await expect(summary).toContainText(/Recipients\s*5/);
  await expect(summary).toContainText('SMS parts');
  await expect(summary).toContainText('Estimated cost');
  await expect(dialog.getByTestId('credit-after')).toHaveText(/^\d[\d,]*\.\d\d [A-Z]{3}$/);
  await dialog.getByRole('button', { name: 'Send now' }).click();
  await expect(dialog).toBeHidden();

  // Results: the app switched to the outbox with the new campaign's recipients open.
  await expect(page.getByRole('button', { name: 'Outbox' })).toHaveAttribute('aria-current', 'page');
  const table = page.getByRole('table', { name: 'Recipients' });
  await expect(table.getByRole('row')).toHaveCount(6, { timeout: 20_000 }); // header + 5
  for (const [msisdn, status] of Object.entries(EXPECTED)) {
    await expect(table.locator(`[role="row"][data-msisdn="${msisdn}"]`)).toContainText(status, { timeout: 30_000 });
  }
  // The names survived the round trip into the results.
  await expect(table.locator('[data-msisdn="4520123450"]')).toContainText('Søren Ærø');
  // The merge field was filled per recipient: what reached GatewayAPI is each person's own text
  // (the duplicate row and the invalid number got nothing).
  const sent = Object.fromEntries(harness.app.simulator!.log.map((r) => [r.msisdn, r.text]));
  expect(sent).toEqual({
    '4520123450': 'Hej Søren Ærø',
    '4520123451': 'Hej Åse Østergård',
    '4520123452': 'Hej Jens Jørgensen',
    '4520123457': 'Hej Mette Bæk',
    '4520123458': 'Hej Birgitte Ørsted',
  });

  const card = page.getByRole('article');
  await expect(card.getByTestId('delivered-count')).toHaveText('3');
  await expect(card.getByTestId('failed-count')).toHaveText('2');
  await expect(card.getByTestId('delivery-rate')).toHaveText('60%');
  await expect(card.getByRole('figure')).toContainText('Delivered');
  await expect(card).toContainText('1 of 1 batch submitted');

  // Credit went down by what the simulator charged.
  await expect(credit).not.toHaveText(creditBefore ?? '', { timeout: 20_000 });

  mkdirSync(dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  expect(await harness.cspViolations()).toEqual([]);
  expect(harness.console.filter((l) => l.startsWith('pageerror'))).toEqual([]);
});
