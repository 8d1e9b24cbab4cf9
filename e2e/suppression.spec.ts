// Removing an opt-out is not undone by accident: main asks first, in its own native dialog (the
// harness answers for the user through the same seam).
import { expect, test } from './harness';
import { enterDemo } from './flows';

test("removing a suppressed number waits for main's question; Enter in the form adds", async ({ page, harness }) => {
  await enterDemo(page, harness.url);
  await page.getByRole('button', { name: 'Suppression list' }).click();
  await page.getByLabel('Reason (optional)').fill('Afmeldt');
  await page.getByLabel('Numbers to suppress').fill('20 12 34 55');
  // Enter in the one-line field submits the form, as in any form.
  await page.getByLabel('Reason (optional)').press('Enter');
  const list = page.getByRole('table', { name: 'Suppressed numbers' });
  await expect(list).toContainText('4520123455');

  await list.getByRole('button', { name: 'Remove 4520123455' }).click();
  await expect(page.getByText('No numbers on the list.')).toBeVisible();
  expect(harness.confirmations).toEqual([{ kind: 'unsuppress', msisdn: '4520123455', reason: 'Afmeldt' }]);
});
