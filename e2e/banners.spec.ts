// App-wide warnings a user must see before they act: no keychain (the token will not survive a
// restart), and another sms-outbox sending from the same data folder.
import { expect, test } from './harness';

test.describe('without a system keychain', () => {
  test.use({
    keychain: {
      ok: false,
      message: 'No D-Bus session bus (English, for the log)',
      text: { code: 'keychain_problem', kind: 'no_dbus', detail: null },
    },
  });

  test('a banner says why and that the token lasts for this session only', async ({ page, harness }) => {
    await page.goto(harness.url);
    const banner = page.getByTestId('keychain-banner');
    await expect(banner).toContainText('No D-Bus session bus with a Secret Service (such as GNOME Keyring or KWallet) was found');
    await expect(banner).toContainText('kept in memory for this session only');
    // The welcome text does not promise a keychain that is not there.
    await expect(page.getByText('It is stored in the system keychain')).toHaveCount(0);
    await expect(page.getByText('No system keychain is available, so it is kept in memory')).toBeVisible();
    // Saving a token still works (in memory), and the warning stays: it is still true.
    await page.getByLabel('GatewayAPI token').fill('gwapi-secret-token-9f3e1234');
    await page.getByRole('button', { name: 'Save token' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByTestId('token-hint')).toHaveText(/^Token set · saved /);
    await expect(banner).toBeVisible();
  });
});

test('with a working keychain there is no keychain banner', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('button', { name: /Try the demo/ })).toBeVisible();
  await expect(page.getByTestId('keychain-banner')).toHaveCount(0);
  await expect(page.getByText('It is stored in the system keychain')).toBeVisible();
  await expect(page.getByTestId('held-elsewhere-banner')).toHaveCount(0);
});

test.describe('when another sms-outbox holds the data folder', () => {
  test.use({ dataFolderHeldElsewhere: true });

  test('a banner says another app or the command line is sending from it', async ({ page, harness }) => {
    await page.goto(harness.url);
    const banner = page.getByTestId('held-elsewhere-banner');
    await expect(banner).toContainText('Another sms-outbox (the app or the command line) is sending from this data folder');
    expect(harness.app.engine.holdsLease).toBe(false);
  });
});

test('a campaign the app stopped storing half-way is named in a banner, and Discard removes it', async ({ page, harness }) => {
  const db = harness.app.engine.db;
  // What a crash after the first chunk leaves: a campaign row with stored = 0 and some recipients.
  const id = Number(
    db
      .prepare(
        "INSERT INTO campaigns (name, sender, message, created_at, status, stored) VALUES ('Forårsudsalg', 'Shop', 'Hej', ?, 'paused', 0)",
      )
      .run(Date.now() - 3600_000).lastInsertRowid,
  );
  db.prepare(
    "INSERT INTO recipients (campaign_id, row_no, msisdn, encoding, parts, state, updated_at) VALUES (?, 2, '4520000000', 'GSM7', 1, 'queued', 0)",
  ).run(id);
  await page.goto(harness.url);
  const banner = page.getByTestId('half-stored-banner');
  await expect(banner).toContainText('Campaign “Forårsudsalg”');
  await expect(banner).toContainText('the app stopped after 1 recipient. It is not shown and nothing of it will be sent.');
  await banner.getByRole('button', { name: 'Discard “Forårsudsalg”' }).click();
  await expect(banner).toHaveCount(0);
  expect(db.prepare('SELECT COUNT(*) FROM campaigns').pluck().get()).toBe(0);
});
