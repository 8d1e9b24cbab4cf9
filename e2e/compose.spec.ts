// Compose details against the real core: suppression and missing merge values in the report, the
// rejected-rows download, a test to yourself, and a scheduled campaign cancelled before it goes out.
import { readFileSync } from 'node:fs';
import { csvFile, expect, test } from './harness';
import { enterDemo, importAndSend, recipientRow } from './flows';

test('report counts suppressed numbers and missing merge values; rejected rows download as CSV', async ({ page, harness }) => {
  await enterDemo(page, harness.url);
  await page.getByRole('button', { name: 'Suppression list' }).click();
  await page.getByLabel('Numbers to suppress').fill('+45 20 12 34 55');
  await page.getByLabel('Reason (optional)').fill('Afmeldt');
  await page.getByRole('button', { name: 'Add to suppression list' }).click();
  await expect(page.getByRole('table', { name: 'Suppressed numbers' })).toContainText('4520123455');

  await page.getByRole('button', { name: 'Compose' }).click();
  const csv = 'Navn;Telefon;Butik\nSøren;20123450;Vesterbro\nÅse;20123455;Nørrebro\nIb;20123456;\n';
  await page.getByLabel('Recipients file (CSV)').setInputFiles(csvFile('kunder.csv', csv));
  await page.getByLabel('Message', { exact: true }).fill('Hej %Navn%, velkommen i %Butik%');
  await page.getByRole('button', { name: 'Check recipients' }).click();
  await expect(page.getByTestId('count-suppressed')).toHaveText('1');
  await expect(page.getByTestId('count-missing_merge_value')).toHaveText('1');
  await expect(page.getByTestId('accepted-count')).toHaveText('1');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download rejected rows' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('kunder-rejected.csv');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toContain('Nørrebro');
  expect(text).toContain('Ib');
  expect(text).not.toContain('Vesterbro');

  // Changing the message re-checks the rows: without %Butik% nobody misses a value.
  await page.getByLabel('Message', { exact: true }).fill('Hej %Navn%');
  // Only kinds that occurred are listed: no row of zeros.
  await expect(page.getByTestId('count-missing_merge_value')).toHaveCount(0);
  await expect(page.getByTestId('accepted-count')).toHaveText('2');
});

test('send a test to myself, then schedule a campaign and cancel it before it goes out', async ({ page, harness }) => {
  await enterDemo(page, harness.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Your test number').fill('20 12 34 53');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  await page.getByRole('button', { name: 'Compose' }).click();
  await page.getByLabel('Sender').fill('Butik');
  await page.getByLabel('Message', { exact: true }).fill('Tilbud i dag');
  await page.getByRole('button', { name: 'Send a test to myself' }).click();
  await expect(page.getByText(/Test sent to/)).toBeVisible();
  await expect.poll(() => harness.app.simulator!.log.map((r) => String(r.msisdn)), { timeout: 15_000 }).toContain('4520123453');

  await page.getByLabel('Recipients file (CSV)').setInputFiles(csvFile('senere.csv', 'Navn;Telefon\nBo;20123454\n'));
  await page.getByRole('button', { name: 'Check recipients' }).click();
  await expect(page.getByTestId('accepted-count')).toHaveText('1');
  await page.getByLabel('Schedule for later').check();
  const at = new Date(Date.now() + 3 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  await page.getByLabel('Send at').fill(local);
  await page.getByRole('button', { name: 'Schedule…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Schedule 1 message?');
  await dialog.getByRole('button', { name: 'Schedule' }).click();

  await expect(recipientRow(page, '4520123454')).toContainText('Scheduled', { timeout: 20_000 });
  // The test message is a campaign of its own; the scheduled one says when it goes out.
  const card = page.getByRole('article').filter({ hasText: 'scheduled for' });
  await expect(card).toHaveCount(1);
  await card.getByRole('button', { name: 'Cancel scheduled' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel scheduled' }).click();
  await expect(card.getByText(/1 cancelled/)).toBeVisible();
  await expect(recipientRow(page, '4520123454')).toContainText('Cancelled');
});

test('a schedule time that is empty or past is refused at the field before any confirmation', async ({ page, harness }) => {
  await enterDemo(page, harness.url);
  await page.getByLabel('Recipients file (CSV)').setInputFiles(csvFile('senere.csv', 'Navn;Telefon\nBo;20123454\n'));
  await page.getByRole('button', { name: 'Check recipients' }).click();
  await expect(page.getByTestId('accepted-count')).toHaveText('1');
  await page.getByLabel('Sender').fill('Butik');
  await page.getByLabel('Message', { exact: true }).fill('Tilbud i morgen');
  await page.getByLabel('Schedule for later').check();
  const sendAt = page.getByLabel('Send at');
  const schedule = page.getByRole('button', { name: 'Schedule…' });

  await schedule.click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(sendAt).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Pick the date and time to send at.')).toBeVisible();
  await expect(sendAt).toBeFocused();

  // Yesterday: GatewayAPI would send it at once, which is not what "schedule" means.
  const past = new Date(Date.now() - 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  await sendAt.fill(
    `${past.getFullYear()}-${pad(past.getMonth() + 1)}-${pad(past.getDate())}T${pad(past.getHours())}:${pad(past.getMinutes())}`,
  );
  await expect(sendAt).toHaveAttribute('aria-invalid', 'false');
  await schedule.click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('Pick a time in the future')).toBeVisible();
  // Nothing was queued or sent.
  await page.getByRole('button', { name: 'Outbox' }).click();
  await expect(page.getByText('No campaigns yet.')).toBeVisible();
  expect(harness.app.simulator!.log).toEqual([]);
});

test('an empty sender is explained at the field, in plain words, before the confirmation', async ({ page, harness }) => {
  await enterDemo(page, harness.url);
  await page.getByLabel('Recipients file (CSV)').setInputFiles(csvFile('kunder.csv', 'Navn;Telefon\nBo;20123454\n'));
  await page.getByRole('button', { name: 'Check recipients' }).click();
  await expect(page.getByTestId('accepted-count')).toHaveText('1');
  await page.getByLabel('Message', { exact: true }).fill('Hej');
  await page.getByRole('button', { name: 'Send…' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const sender = page.getByLabel('Sender');
  await expect(sender).toHaveAttribute('aria-invalid', 'true');
  await expect(sender).toBeFocused();
  await expect(page.getByRole('alert')).toHaveText(['Enter the sender name the recipients will see (or a phone number).']);

  // A sender main refuses: its message appears once, at the field, without the field's code name.
  await sender.fill('Butik!!');
  await page.getByRole('button', { name: 'Send…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send now' }).click();
  await expect(sender).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toHaveText(['Sender: up to 11 letters/digits, or up to 15 digits']);
});

test('a file without a header row: columns are named Column 1, 2 … and work as merge fields', async ({ page, harness }) => {
  await enterDemo(page, harness.url);
  await page
    .getByLabel('Recipients file (CSV)')
    .setInputFiles(csvFile('uden-overskrift.csv', 'Søren;20123450;København\nÅse;20123451;Århus\n'));
  await expect(page.getByLabel('First row is a header')).not.toBeChecked();
  const preview = page.getByRole('table', { name: 'File preview' });
  await expect(preview.getByRole('columnheader')).toHaveText(['Column 1', 'Column 2', 'Column 3']);
  await expect(page.getByLabel('Phone number column').locator('option:checked')).toHaveText('Column 2');
  await page.getByRole('button', { name: 'Check recipients' }).click();
  await expect(page.getByTestId('accepted-count')).toHaveText('2');

  await page.getByLabel('Sender').fill('Butik');
  const message = page.getByLabel('Message', { exact: true });
  await message.fill('Hej ');
  await expect(page.getByRole('button', { name: 'Insert merge field Column 2' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Insert merge field Column 1' }).click();
  await message.press('End');
  await message.pressSequentially(' i ');
  await page.getByRole('button', { name: 'Insert merge field Column 3' }).click();
  await expect(message).toHaveValue('Hej %Column 1% i %Column 3%');
  // Main knows these names: no "not a column" warning, nobody misses a value.
  await expect(page.getByTestId('count-missing_merge_value')).toHaveCount(0);
  await expect(page.getByText('not a column')).toHaveCount(0);

  await page.getByRole('button', { name: 'Send…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send now' }).click();
  await expect
    .poll(() => harness.app.simulator!.log.map((r) => r.text).sort(), { timeout: 15_000 })
    .toEqual(['Hej Søren i København', 'Hej Åse i Århus']);
});

test('importing a file that was already sent warns before anything is queued', async ({ page, harness }) => {
  await enterDemo(page, harness.url);
  const csv = 'Navn;Telefon\nBo;20123454\n';
  await importAndSend(page, { csv, fileName: 'nyhedsbrev.csv', message: 'Nyhedsbrev', accepted: 1 });
  await page.getByRole('button', { name: 'Compose' }).click();
  // The same bytes under another name are still the same file.
  await page.getByLabel('Recipients file (CSV)').setInputFiles(csvFile('kopi.csv', csv));
  const warning = page.getByRole('alert').filter({ hasText: 'already imported' });
  await expect(warning).toContainText('This file was already imported on');
  await expect(warning).toContainText('Sending it again sends every message again.');
  // A different file: no warning.
  await page.getByLabel('Recipients file (CSV)').setInputFiles(csvFile('ny.csv', 'Navn;Telefon\nBo;20123455\n'));
  await expect(page.getByTestId('preview-summary')).toContainText('ny.csv');
  await expect(page.getByText('already imported')).toHaveCount(0);
});
