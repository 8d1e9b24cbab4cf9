// The credit and price cache the app shows offline: the low-credit alarm fires once per drop below
// the threshold, an error is shown until the next good check, and prices are per country at their highest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { AccountStore } from './account';

let dir: string;
let db: Db;
let now: number;
let account: AccountStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-account-'));
  db = openDatabase(dir);
  now = 1_000;
  account = new AccountStore(db, () => now);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('AccountStore', () => {
  it('knows nothing before the first check', () => {
    expect(account.get()).toEqual({ credit: null, currency: null, checkedAt: null, lowAlarm: false, error: null });
    expect(account.pricesAt()).toBeNull();
    expect(account.price('DK', 'DKK')).toBeNull();
  });

  it('raises the low-credit alarm once when the credit drops below the threshold, again only after it was topped up', () => {
    expect(account.record(150, 'DKK', 100)).toEqual({ crossedLow: false });
    // At the threshold is not below it.
    expect(account.record(100, 'DKK', 100)).toEqual({ crossedLow: false });
    expect(account.get().lowAlarm).toBe(false);
    now = 2_000;
    expect(account.record(99.5, 'DKK', 100)).toEqual({ crossedLow: true });
    expect(account.get()).toEqual({ credit: 99.5, currency: 'DKK', checkedAt: 2_000, lowAlarm: true, error: null });
    expect(account.record(40, 'DKK', 100)).toEqual({ crossedLow: false });
    expect(account.record(500, 'DKK', 100)).toEqual({ crossedLow: false });
    expect(account.get().lowAlarm).toBe(false);
    expect(account.record(20, 'DKK', 100)).toEqual({ crossedLow: true });
  });

  it('shows a failed check beside the last known credit until a check succeeds', () => {
    account.record(150, 'EUR', 10);
    account.recordError('GatewayAPI could not be reached.');
    expect(account.get()).toMatchObject({ credit: 150, currency: 'EUR', error: 'GatewayAPI could not be reached.' });
    account.record(149, 'EUR', 10);
    expect(account.get()).toMatchObject({ credit: 149, error: null });
  });

  it('keeps the standard tier of the price list, a country listed per operator at its highest price, and replaces the old list', () => {
    now = 5_000;
    account.savePrices({
      tiers: {
        premium: [{ country: 'dk', prefix: 45, prices: { dkk: 9 } }],
        standard: [
          { country: 'dk', prefix: 45, prices: { dkk: 0.25, eur: 0.034 } },
          { country: 'DK', prefix: 45, prices: { DKK: 0.31 } },
          { country: 'DK', prefix: 45, prices: { DKK: 0.2 } },
          { country: 'se', prefix: 46, prices: { eur: 0.05 } },
        ],
      },
    });
    expect(account.price('DK', 'DKK')).toBe(0.31);
    expect(account.price('DK', 'EUR')).toBe(0.034);
    expect(account.price('SE', 'EUR')).toBe(0.05);
    expect(account.pricesAt()).toBe(5_000);

    now = 6_000;
    // A list without a standard tier: its first tier.
    account.savePrices({ tiers: { basic: [{ country: 'no', prefix: 47, prices: { nok: 0.4 } }] } });
    expect(account.price('NO', 'NOK')).toBe(0.4);
    expect(account.price('DK', 'DKK')).toBeNull();
    expect(account.pricesAt()).toBe(6_000);

    // An empty list (no tiers at all) leaves no prices: estimates say "unknown", not the old ones.
    account.savePrices({ tiers: {} });
    expect(account.price('NO', 'NOK')).toBeNull();
  });
});
