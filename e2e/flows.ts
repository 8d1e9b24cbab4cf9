// Steps several specs share: enter demo mode, import a CSV and send it through the UI.
import type { Page } from '@playwright/test';
import { csvFile, expect } from './harness';

export async function enterDemo(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: /Try the demo/ }).click();
  await expect(page.getByTestId('mode-badge')).toHaveText('DEMO');
  await expect(page.getByTestId('credit-badge')).toHaveText(/Credit: \d/);
}

export async function importAndSend(
  page: Page,
  o: { csv: string; fileName?: string; sender?: string; message: string; accepted: number },
): Promise<void> {
  await page.getByRole('button', { name: 'Compose' }).click();
  await page.getByLabel('Recipients file (CSV)').setInputFiles(csvFile(o.fileName ?? 'list.csv', o.csv));
  await page.getByRole('button', { name: 'Check recipients' }).click();
  await expect(page.getByTestId('accepted-count')).toHaveText(String(o.accepted));
  await page.getByLabel('Sender').fill(o.sender ?? 'Butik');
  await page.getByLabel('Message', { exact: true }).fill(o.message);
  await expect(page.getByTestId('estimate')).toBeVisible();
  await page.getByRole('button', { name: 'Send…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByRole('table', { name: 'Recipients' })).toBeVisible();
}

/** The recipients-table row for one number. */
export function recipientRow(page: Page, msisdn: string) {
  return page.getByRole('table', { name: 'Recipients' }).locator(`[role="row"][data-msisdn="${msisdn}"]`);
}
