// Layout at the smallest window we support (1024×700), with classic scrollbars that take space as on
// Windows and most Linux desktops (headless Chromium overlays them, which hides width bugs).
import { existsSync } from 'node:fs';
import { csvFile, expect, test } from './harness';
import { enterDemo } from './flows';

test.use({
  viewport: { width: 1024, height: 700 },
  // Only so the test can add a scrollbar style to the page; the app's own CSS is unchanged.
  bypassCSP: true,
  launchOptions: {
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic'],
    ignoreDefaultArgs: ['--hide-scrollbars'],
  },
});

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent =
        '::-webkit-scrollbar { width: 15px; height: 15px; background: #e4e4e4 } ::-webkit-scrollbar-thumb { background: #999 }';
      document.head.append(style);
    });
  });
});

test('the recipients table header lines up with its rows when the list scrolls', async ({ page, harness }) => {
  await enterDemo(page, harness.url);
  const lines = ['Navn;Telefon;By'];
  for (let i = 0; i < 40; i++) lines.push(`Kunde ${i + 1} Østergård;${20100000 + i};København`);
  await page.getByLabel('Recipients file (CSV)').setInputFiles(csvFile('mange.csv', lines.join('\n')));
  await page.getByRole('button', { name: 'Check recipients' }).click();
  await expect(page.getByTestId('accepted-count')).toHaveText('40');
  await page.getByLabel('Sender').fill('Butik');
  await page.getByLabel('Message', { exact: true }).fill('Hej %Navn%');
  await page.getByRole('button', { name: 'Send…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send now' }).click();

  const table = page.getByRole('table', { name: 'Recipients' });
  const firstRow = table.locator('[role="row"][data-msisdn="4520100000"]');
  await expect(firstRow).toContainText('Kunde 1 Østergård');
  // The list scrolls, and its scrollbar takes room (the condition that used to shift the columns).
  const scroller = page.locator('.vscroll');
  expect(await scroller.evaluate((e: HTMLElement) => e.scrollHeight > e.clientHeight && e.offsetWidth - e.clientWidth > 0)).toBe(true);

  const edges = (cells: ReturnType<typeof table.locator>) =>
    cells.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
  const head = await edges(table.getByRole('columnheader'));
  const row = await edges(firstRow.getByRole('cell'));
  // No one is uncertain, so there is no Action column taking room.
  expect(head).toHaveLength(7);
  expect(row).toEqual(head);
  // Names stay readable at this width (not cut to "Kunde 1…").
  expect(
    await firstRow
      .getByRole('cell')
      .nth(2)
      .evaluate((e) => e.scrollWidth <= e.clientWidth),
  ).toBe(true);
  await table.screenshot({ path: test.info().outputPath('recipients-1024.png') });
});

test('a long GatewayAPI error is readable in full in the table, without hovering', async ({ page, harness }) => {
  await enterDemo(page, harness.url);
  // Numbers ending in 666 are refused by the (simulated) gateway as blacklisted; Icelandic numbers
  // are refused as a country not enabled: each row carries GatewayAPI's explanation.
  await page.getByLabel('Recipients file (CSV)').setInputFiles(csvFile('sort.csv', 'Navn;Telefon\nBo;20123666\nLi;+354 611 1234\n'));
  await page.getByRole('button', { name: 'Check recipients' }).click();
  await expect(page.getByTestId('accepted-count')).toHaveText('2');
  await page.getByLabel('Sender').fill('Butik');
  await page.getByLabel('Message', { exact: true }).fill('Hej %Navn%');
  await page.getByRole('button', { name: 'Send…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send now' }).click();

  const row = page.getByRole('table', { name: 'Recipients' }).locator('[role="row"][data-msisdn="4520123666"]');
  await expect(row).toContainText('Failed', { timeout: 30_000 });
  const error = row.getByRole('cell').nth(6);
  const text = (await error.textContent()) ?? '';
  expect(text.length).toBeGreaterThan(25);
  // Nothing of it is cut off: the cell wraps (the row grows) instead of ending in "…".
  expect(await error.evaluate((e) => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight + 1)).toBe(true);
  expect(await error.getAttribute('title')).toBeNull();
});
