// Removing an opt-out is not undone by accident: it asks first.
import { expect, test } from './harness';
import { enterDemo } from './flows';

test('removing a suppressed number asks first; Enter in the form adds', async ({ page, harness }) => {
  await enterDemo(page, harness.url);
  await page.getByRole('button', { name: 'Suppression list' }).click();
  await page.getByLabel('Reason (optional)').fill('Afmeldt');
  await page.getByLabel('Numbers to suppress').fill('20 12 34 55');
  // Enter in the one-line field submits the form, as in any form.
  await page.getByLabel('Reason (optional)').press('Enter');
  const list = page.getByRole('table', { name: 'Suppressed numbers' });
  await expect(list).toContainText('4520123455');

  await list.getByRole('button', { name: 'Remove 4520123455' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Remove 4520123455 from the suppression list?');
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(list).toContainText('4520123455');

  await list.getByRole('button', { name: 'Remove 4520123455' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('No numbers on the list.')).toBeVisible();
});
