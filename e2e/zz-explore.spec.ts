import { csvFile, expect, test } from './harness';
import { enterDemo } from './flows';
const S = (n: string) => `/tmp/shots/${n}.png`;
test.use({ viewport: { width: 1024, height: 700 } });
test('explore', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.screenshot({ path: S('01-welcome') });
  await page.getByRole('button', { name: /Try the demo/ }).click();
  await expect(page.getByTestId('mode-badge')).toHaveText('DEMO');
  await page.screenshot({ path: S('02-compose-empty'), fullPage: true });
  // header-less file
  await page.getByLabel('Recipients file (CSV)').setInputFiles(csvFile('nohead.csv', 'Søren;20123450;København\nÅse;20123451;Århus\n'));
  await page.waitForTimeout(500);
  await page.screenshot({ path: S('03-nohead-preview'), fullPage: true });
  await page.getByRole('button', { name: 'Check recipients' }).click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: S('04-nohead-report'), fullPage: true });
  // send w/o sender
  await page.getByLabel('Message', { exact: true }).fill('Hej');
  await page.waitForTimeout(1000);
  await page.getByRole('button', { name: 'Send…' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: S('05-dialog') });
  await page.getByRole('dialog').getByRole('button', { name: 'Send now' }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: S('06-after-send-nosender'), fullPage: true });
  // schedule past
  await page.getByLabel('Sender').fill('Butik');
  await page.getByLabel('Schedule for later').check();
  await page.getByLabel('Send at').fill('2020-01-01T10:00');
  await page.getByRole('button', { name: 'Schedule…' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: S('07-schedule-dialog') });
  await page.getByRole('dialog').getByRole('button', { name: 'Schedule' }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: S('08-schedule-past'), fullPage: true });
  console.log(await page.locator('main').innerText());
});
