// Big files: the import shows progress and can be cancelled; the recipients view stays virtualised.
import { expect, test, csvFile } from './harness';
import { enterDemo, recipientRow } from './flows';

const FIRST = 20100000;

function bigCsv(rows: number): string {
  const lines = ['Navn;Telefon'];
  // Distinct Danish mobile numbers from 20 10 00 00 (a block libphonenumber's full metadata accepts).
  for (let i = 0; i < rows; i++) lines.push(`Kunde ${i + 1} Ærø;${FIRST + i}`);
  return lines.join('\n');
}

test('a large import shows progress, can be cancelled, and then completes', async ({ page, harness }) => {
  test.slow();
  // Big enough that checking takes a few seconds here, so there is time to press Cancel.
  const rows = 400_000;
  await enterDemo(page, harness.url);
  await page.getByLabel('Recipients file (CSV)').setInputFiles(csvFile('stor.csv', bigCsv(rows)));
  await expect(page.getByTestId('preview-summary')).toContainText('400,000 rows');
  // Press Cancel from inside the page the moment progress shows: a click from the test process
  // takes several round trips, and on a fast machine the import finishes first (a race, not a test).
  await page.evaluate(() => {
    new MutationObserver((_, observer) => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Import progress"]');
      const cancel = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel import');
      if (bar && Number(bar.getAttribute('aria-valuenow')) > 0 && cancel) {
        observer.disconnect();
        (window as unknown as { __cancelledAt: string }).__cancelledAt = bar.getAttribute('aria-valuenow') ?? '';
        cancel.click();
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByRole('button', { name: 'Check recipients' }).click();

  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __cancelledAt?: string }).__cancelledAt)).toMatch(/^[1-9]/);
  await expect(page.getByText('Import cancelled.')).toBeVisible();
  await expect(bar).toBeHidden();
  await expect(page.getByTestId('import-report')).toBeHidden();

  // Record every phase shown with its bar's maximum, however briefly (reading can take under a second).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __phases: string[] }).__phases = seen;
    new MutationObserver(() => {
      const phase = document.querySelector('[data-testid="import-phase"]')?.textContent;
      const max = document.querySelector('[role="progressbar"][aria-label="Import progress"]')?.getAttribute('aria-valuemax');
      const entry = `${phase}|${max}`;
      if (phase && seen[seen.length - 1] !== entry) seen.push(entry);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.getByRole('button', { name: 'Check recipients' }).click();
  await expect(page.getByTestId('accepted-count')).toHaveText('400,000', { timeout: 60_000 });
  // The bar fills once per phase; the file itself was read once, when it was chosen (the preview),
  // so "Reading file…" only shows until the check of the 400,000 rows reports.
  const seen = await page.evaluate(() => (window as unknown as { __phases: string[] }).__phases);
  expect([...new Set(seen.map((e) => e.split('|')[0]))]).toEqual(['Reading file…', 'Checking rows…']);
  expect(seen).toContain('Checking rows…|400000');
});

test('the recipients table renders only what is visible, and scrolls to the last of thousands', async ({ page, harness }) => {
  test.slow();
  await enterDemo(page, harness.url);
  const n = 3000;
  await page.getByLabel('Recipients file (CSV)').setInputFiles(csvFile('mange.csv', bigCsv(n)));
  await page.getByRole('button', { name: 'Check recipients' }).click();
  await expect(page.getByTestId('accepted-count')).toHaveText('3,000', { timeout: 30_000 });
  await page.getByLabel('Sender').fill('Butik');
  await page.getByLabel('Message', { exact: true }).fill('Hej %Navn%');
  await page.getByRole('button', { name: 'Send…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send now' }).click();

  await expect(page.getByTestId('recipient-total')).toHaveText('3,000 recipients');
  const rendered = page.getByRole('table', { name: 'Recipients' }).locator('[role="row"][data-msisdn]');
  await expect(rendered.first()).toBeVisible();
  expect(await rendered.count()).toBeLessThan(60);

  // Scroll to the end: the last recipient is fetched (a later page) and rendered.
  await page.locator('.vscroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(recipientRow(page, String(4500000000 + FIRST + n - 1))).toBeVisible();
  expect(await rendered.count()).toBeLessThan(60);
  expect(await harness.cspViolations()).toEqual([]);
});
