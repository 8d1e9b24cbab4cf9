// The results view against the real core and the demo simulator: filters, search, export, history
// with the network gone, the offline queue, a credit pause, and the user's decision on uncertain sends.
import { readFileSync } from 'node:fs';
import { expect, test } from './harness';
import { enterDemo, importAndSend, recipientRow } from './flows';

test('filter, search and export the results; history stays readable offline', async ({ page, harness }) => {
  await enterDemo(page, harness.url);
  const csv = [
    'Navn,Mobil',
    'Søren Ærø,20123450',
    '"=HYPERLINK(""http://evil.example"",""klik"")",20123451',
    'Mette Bæk,20123457',
    'Åse Ørsted,20123459',
  ].join('\n');
  await importAndSend(page, { csv, message: 'Hej %Navn%', accepted: 4 });
  await expect(recipientRow(page, '4520123450')).toContainText('Delivered', { timeout: 30_000 });
  await expect(recipientRow(page, '4520123457')).toContainText('Not deliverable', { timeout: 30_000 });
  await expect(recipientRow(page, '4520123459')).toContainText('Rejected', { timeout: 30_000 });

  const table = page.getByRole('table', { name: 'Recipients' });
  const dataRows = table.locator('[role="row"][data-msisdn]');
  await page.getByLabel('Show').selectOption('failed');
  await expect(dataRows).toHaveCount(2);
  await expect(table).not.toContainText('Søren');
  await page.getByLabel('Show').selectOption('delivered');
  await expect(dataRows).toHaveCount(2);
  await page.getByLabel('Show').selectOption('all');
  await page.getByLabel('Search recipients').fill('Søren');
  await expect(dataRows).toHaveCount(1);
  await expect(page.getByTestId('recipient-total')).toHaveText('1 recipient');
  await page.getByLabel('Search recipients').fill('');
  await expect(dataRows).toHaveCount(4);

  // Every request is logged per batch, with GatewayAPI's HTTP status.
  await page.getByText('Attempts log for').click();
  await expect(page.getByRole('table', { name: 'Attempts' }).locator('tbody tr').first()).toContainText('200');

  // Export: UTF-8 with BOM for Excel, Danish letters intact, formula cells neutralised.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('Søren Ærø');
  expect(text).toContain('Delivered');
  expect(text).toMatch(/'=HYPERLINK/);
  expect(text).not.toMatch(/(^|[,;\n]|")=HYPERLINK/);

  // The gateway disappears (simulator stopped): everything shown so far comes from SQLite.
  await harness.app.simulator!.goOffline();
  await page.reload();
  await page.getByRole('button', { name: 'Outbox' }).click();
  await page.getByRole('button', { name: 'Show recipients' }).click();
  await expect(recipientRow(page, '4520123450')).toContainText('Delivered');
  await expect(recipientRow(page, '4520123459')).toContainText('Rejected');
  await expect(page.getByRole('article').getByTestId('delivered-count')).toHaveText('2');

  expect(await harness.cspViolations()).toEqual([]);
});

test('offline: the header says how many wait, and the queue resumes by itself', async ({ page, harness }) => {
  await enterDemo(page, harness.url);
  await harness.app.simulator!.goOffline();
  await importAndSend(page, { csv: 'Navn;Telefon\nBo;20123450\nIb;20123451\n', message: 'Hej %Navn%', accepted: 2 });
  await expect(page.getByTestId('outbox-state')).toHaveText('Offline — 2 queued', { timeout: 20_000 });

  await harness.app.simulator!.goOnline();
  harness.app.wake(); // what the Electron shell does on a network change
  await expect(recipientRow(page, '4520123450')).toContainText('Delivered', { timeout: 40_000 });
  await expect(recipientRow(page, '4520123451')).toContainText('Delivered', { timeout: 40_000 });
  await expect(page.getByTestId('outbox-state')).toHaveText('Idle');
  expect(harness.app.simulator!.duplicates()).toEqual([]);
});

test('a campaign can be paused, resumed and cancelled while it waits; cancelled ones are never sent', async ({ page, harness }) => {
  await enterDemo(page, harness.url);
  await harness.app.simulator!.goOffline();
  await importAndSend(page, { csv: 'Navn;Telefon\nBo;20123450\nIb;20123451\n', message: 'Hej %Navn%', accepted: 2 });
  const card = page.getByRole('article');
  await card.getByRole('button', { name: 'Pause' }).click();
  await expect(card).toContainText('Paused');
  await card.getByRole('button', { name: 'Resume' }).click();
  await expect(card.getByRole('button', { name: 'Pause' })).toBeVisible();

  await card.getByRole('button', { name: 'Cancel campaign' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('will not be sent');
  await dialog.getByRole('button', { name: 'Cancel campaign' }).click();
  await expect(recipientRow(page, '4520123450')).toContainText('Cancelled');
  await expect(recipientRow(page, '4520123451')).toContainText('Cancelled');

  await harness.app.simulator!.goOnline();
  harness.app.wake();
  await page.waitForTimeout(2000);
  expect(harness.app.simulator!.log).toEqual([]);
});

test('credit runs out: sending pauses with a banner, and Resume after topping up sends the rest', async ({ page, harness }) => {
  await enterDemo(page, harness.url);
  harness.app.simulator!.setCredit(0);
  await importAndSend(page, { csv: 'Navn;Telefon\nBo;20123452\n', message: 'Hej %Navn%', accepted: 1 });
  const banner = page.getByRole('alert').filter({ hasText: 'run out of credit' });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('outbox-state')).toHaveText(/^Paused:/);

  harness.app.simulator!.setCredit(100);
  await banner.getByRole('button', { name: 'Resume' }).click();
  await expect(banner).toBeHidden();
  await expect(recipientRow(page, '4520123452')).toContainText('Delivered', { timeout: 30_000 });
});

test('uncertain: the user chooses resend or mark as sent, after a warning about double sending', async ({ page, harness }) => {
  await enterDemo(page, harness.url);
  // The gateway accepts the request, then the connection drops before the answer: ambiguous.
  harness.app.simulator!.faults.dropAfterAccept = { count: 1 };
  await importAndSend(page, { csv: 'Navn;Telefon\nBo;20123453\nIb;20123454\n', message: 'Hej %Navn%', accepted: 2 });
  await expect(recipientRow(page, '4520123453')).toContainText('Uncertain', { timeout: 20_000 });
  await expect(recipientRow(page, '4520123454')).toContainText('Uncertain');
  // Never resent behind the user's back.
  expect(harness.app.simulator!.log.filter((r) => String(r.msisdn) === '4520123453')).toHaveLength(1);

  const banner = page.getByTestId('uncertain-banner');
  await expect(banner).toContainText('2 recipients are uncertain');
  await page.getByRole('button', { name: 'Resend to 4520123453' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('twice');
  await dialog.getByRole('button', { name: 'Resend' }).click();
  await expect(recipientRow(page, '4520123453')).toContainText('Delivered', { timeout: 30_000 });

  await page.getByRole('button', { name: 'Mark 4520123454 as sent' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Mark as sent' }).click();
  await expect(recipientRow(page, '4520123454')).toContainText('Marked as sent');
  // Nobody is uncertain any more: the campaign's banner goes (it used to stay until a restart).
  await expect(banner).toBeHidden();
  // Only the number the user chose to resend went out twice.
  expect(harness.app.simulator!.duplicates()).toEqual(['4520123453']);
});
