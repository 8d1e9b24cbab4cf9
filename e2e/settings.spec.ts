// Settings in live mode: the token is write-only, and a bad value is reported next to its field.
// (The harness's fetch refuses every host but 127.0.0.1, so setting a token reaches no real server.)
import { expect, test } from './harness';

test('token can be written but never read back; invalid settings are explained at the field', async ({ page, harness }) => {
  await page.goto(harness.url);
  // First run in live mode offers the demo and a token field.
  await expect(page.getByRole('button', { name: /Try the demo/ })).toBeVisible();
  await expect(page.getByTestId('token-hint')).toHaveText('No token set');

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const token = page.getByLabel('GatewayAPI token');
  await expect(token).toHaveAttribute('type', 'password');
  // Too short: main's validation message lands at the token field.
  await token.fill('short');
  await page.getByRole('button', { name: 'Save token' }).click();
  await expect(page.getByText('The token looks too short')).toBeVisible();
  await expect(token).toHaveAttribute('aria-invalid', 'true');

  const secret = 'gwapi-secret-token-9f3e1234';
  await token.fill(secret);
  await page.getByRole('button', { name: 'Save token' }).click();
  await expect(page.getByTestId('token-hint')).toHaveText(/^Token set · saved /);
  await expect(token).toHaveValue('');
  // Not one character of it is shown: no "…1234" to start guessing from.
  await expect(page.getByTestId('token-hint')).not.toContainText('1234');
  // The token is nowhere in the page, not even after a reload.
  expect(await page.content()).not.toContain(secret);
  await page.reload();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByTestId('token-hint')).toHaveText(/^Token set · saved /);
  expect(await page.content()).not.toContain(secret);

  // A value main rejects is shown next to the field it names.
  const country = page.getByLabel('Default country');
  await country.fill('D1');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(country).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Use a two-letter country code such as DK')).toBeVisible();
  await country.fill('SE');

  const batch = page.getByLabel('Batch size');
  await batch.fill('20000');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(batch).toHaveAttribute('aria-invalid', 'true');
  await batch.fill('500');

  await page.getByLabel('Platform').selectOption('eu');
  await page.getByLabel('Your test number').fill('+45 20 12 34 56');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByLabel('Default country')).toHaveValue('SE');
  await expect(page.getByLabel('Batch size')).toHaveValue('500');
  await expect(page.getByLabel('Platform')).toHaveValue('eu');

  await page.getByRole('button', { name: 'Remove token' }).click();
  await expect(page.getByTestId('token-hint')).toHaveText('No token set');
  expect(await harness.cspViolations()).toEqual([]);
});

test('credit below the threshold turns the badge red and shows a banner', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: /Try the demo/ }).click();
  const badge = page.getByTestId('credit-badge');
  await expect(badge).toHaveText(/Credit: 500(\.00)? DKK/);
  await expect(page.getByTestId('low-credit-banner')).toBeHidden();

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Low-credit warning below').fill('1000');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('low-credit-banner')).toContainText('Credit is low');
  await expect(badge).toHaveClass(/badge-low/);
  await expect(badge).toHaveAccessibleName(/\(low\)/);
});

test('the language follows the OS until chosen in Settings; the choice is kept after a restart and across modes', async ({
  page,
  harness,
}) => {
  // An English OS (the test default): English, with amounts written the English way.
  await page.goto(harness.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: /Try the demo/ }).click();
  await expect(page.getByTestId('credit-badge')).toHaveText('Credit: 500.00 DKK');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Language', { exact: true }).selectOption('da');
  await expect(page.getByRole('button', { name: 'Indstillinger', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('credit-badge')).toHaveText('Saldo: 500,00 DKK');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');

  // Stored in the data folder's settings: a restart (reload) keeps Danish.
  await page.reload();
  await expect(page.getByTestId('credit-badge')).toHaveText('Saldo: 500,00 DKK');
  // Leaving demo mode opens the live folder: the person's language comes along.
  await page.getByRole('button', { name: 'Indstillinger', exact: true }).click();
  await page.getByRole('button', { name: 'Forlad demotilstand' }).click();
  await expect(page.getByRole('button', { name: 'Skift til demotilstand' })).toBeVisible();
  expect((await harness.app.dispatch('settings.get', {})) as { ok: boolean; value: { settings: { language: string } } }).toMatchObject({
    ok: true,
    value: { settings: { language: 'da' } },
  });
});
