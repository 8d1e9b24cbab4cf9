// A new user, in Danish (the OS language), with no token and no mouse: demo mode → drops a messy
// CSV → fixes the phone column → picks a saved message → replaces a smart quote → previews file row 3
// → sends (Ctrl+Enter) → watches statuses arrive → exports the results.
import { readFileSync } from 'node:fs';
import { expect, test } from './harness';
import { chooseOption, dropFile, press, typeInto } from './keyboard';

test.use({ locale: 'da-DK' });

// Exported from Excel in a Danish locale: windows-1252, semicolons, CRLF, a blank line, a number
// with spaces and +45, one too short, one twice. "Tlf" is the customers' landline; the mobile
// numbers are under "Kontakt", which the app cannot know: the user fixes the column.
const ROWS = [
  'Navn;Tlf;Kontakt;By',
  'Søren Ærø;33 12 34 00;+45 20 12 34 50;København', // row 2
  'Åse Østergård;33 12 34 01;20123451;Århus', // row 3
  '',
  'Jens Jørgensen;33 12 34 02;20 12 34 52;Odense', // row 5
  'Mette Bæk;33 12 34 03;2012345;Aalborg', // row 6: too short
  'Åse Østergård;33 12 34 01;+4520123451;Århus', // row 7: duplicate
];
const latin1 = Buffer.from(ROWS.join('\r\n') + '\r\n', 'latin1');

test('keyboard only, in Danish: demo → drop CSV → fix mapping → template → fix quote → preview → send → export', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');

  // Demo mode from the welcome panel.
  await press(page, page.getByRole('button', { name: /Prøv demoen/ }));
  await expect(page.getByTestId('mode-badge')).toHaveText('DEMO');
  await expect(page.getByTestId('credit-badge')).toHaveText(/Saldo: \d{1,3}(\.\d{3})*,\d\d [A-Z]{3}/);

  // A message saved earlier (pasted from Word: typographic quotes and a dash).
  await harness.app.dispatch('template.save', { id: null, name: 'Forårstilbud', text: 'Hej %Navn% – “Forårstilbud” i dag!' });
  await page.reload();
  await expect(page.getByTestId('mode-badge')).toHaveText('DEMO');

  // 1. Drop the file onto the window.
  await dropFile(page, 'kunder.csv', latin1);
  await expect(page.getByTestId('preview-summary')).toContainText('kunder.csv');
  await expect(page.getByRole('table', { name: 'Forhåndsvisning af filen' })).toContainText('Søren Ærø');
  const phone = page.getByLabel('Kolonne med telefonnummer');
  await expect(phone.locator('option:checked')).toHaveText(/Tlf/);
  await chooseOption(page, phone, /Kontakt/);
  await press(page, page.getByRole('button', { name: 'Kontroller modtagere' }));
  await expect(page.getByTestId('accepted-count')).toHaveText('3');
  await expect(page.getByTestId('count-invalid_number')).toHaveText('1');
  await expect(page.getByTestId('count-duplicate')).toHaveText('1');

  // 2. The saved message, then the one-click fix for the typographic characters.
  await typeInto(page, page.getByLabel('Afsender'), 'Butik');
  await chooseOption(page, page.getByLabel('Gemt besked'), /Forårstilbud/);
  await press(page, page.getByRole('button', { name: 'Brug denne besked' }));
  const message = page.getByLabel('Besked', { exact: true });
  await expect(message).toHaveValue('Hej %Navn% – “Forårstilbud” i dag!');
  await expect(page.getByTestId('sms-counter')).toContainText('Unicode');
  const hint = page.getByTestId('ucs2-hint');
  await expect(hint.locator('mark').first()).toBeVisible();
  await press(page, hint.getByRole('button', { name: 'Erstat typografiske tegn med almindelige' }));
  await expect(message).toHaveValue('Hej %Navn% - "Forårstilbud" i dag!');
  await expect(page.getByTestId('sms-counter')).toContainText('GSM-7');
  await expect(page.getByText('3 tegn erstattet: beskeden er nu GSM-7.')).toBeVisible();

  // 3. Preview file row 3 (the report is re-checked for the new message first).
  const preview = page.getByTestId('recipient-preview');
  await expect(preview).toContainText('Hej Søren Ærø - "Forårstilbud" i dag!');
  await typeInto(page, page.getByLabel('Række i filen'), '3');
  await page.keyboard.press('Enter');
  await expect(preview.getByTestId('preview-row')).toHaveText('Række 3 · 4520123451');
  await expect(preview).toContainText('Hej Åse Østergård - "Forårstilbud" i dag!');
  await expect(preview.getByTestId('preview-stats')).toContainText('GSM-7 · 1 del');
  await press(page, page.getByRole('button', { name: 'Næste' }));
  await expect(preview.getByTestId('preview-row')).toHaveText('Række 5 · 4520123452');

  // 4. Send with the shortcut; the confirmation has the numbers; Tab to "Send nu".
  await expect(page.getByTestId('estimate')).toBeVisible();
  const dialog = page.getByRole('dialog');
  // Escape closes the confirmation without sending; the shortcut opens it again.
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toContainText('Send 3 beskeder?');
  await expect(dialog.getByTestId('confirm-summary')).toContainText(/Modtagere\s*3/);
  await expect(dialog.getByTestId('credit-after')).toHaveText(/,\d\d [A-Z]{3}$/);
  await press(page, dialog.getByRole('button', { name: 'Send nu' }));
  await expect(dialog).toBeHidden();

  // 5. Statuses arrive in the Outbox.
  await expect(page.getByRole('button', { name: 'Udbakke' })).toHaveAttribute('aria-current', 'page');
  const table = page.getByRole('table', { name: 'Modtagere' });
  for (const msisdn of ['4520123450', '4520123451', '4520123452']) {
    await expect(table.locator(`[role="row"][data-msisdn="${msisdn}"]`)).toContainText('Leveret', { timeout: 30_000 });
  }
  await expect(page.getByTestId('campaign-status')).toHaveText('Færdig');

  // 6. Export the results.
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, page.getByRole('button', { name: 'Eksporter CSV' }))]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('4520123451');
  expect(csv).toContain('Leveret');

  expect(harness.console.filter((l) => l.startsWith('pageerror'))).toEqual([]);
});
