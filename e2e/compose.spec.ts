// Compose details against the real core: suppression and missing merge values in the report, the
// rejected-rows download, a test to yourself, and a scheduled campaign cancelled before it goes out.
import { readFileSync } from 'node:fs';
import { csvFile, expect, test } from './harness';
import { enterDemo, recipientRow } from './flows';

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
  await expect(page.getByTestId('count-missing_merge_value')).toHaveText('0');
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
