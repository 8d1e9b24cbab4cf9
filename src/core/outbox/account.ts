// Last known credit and the price list, cached so the app can show them offline.
import type { Db } from '../db/open';
import type { PriceList } from '../gateway/types';

export interface StoredAccount {
  credit: number | null;
  currency: string | null;
  checkedAt: number | null;
  lowAlarm: boolean;
  error: string | null;
}

export class AccountStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  get(): StoredAccount {
    const r = this.db.prepare('SELECT credit, currency, checked_at, low_alarm, error FROM account WHERE id = 1').get() as {
      credit: number | null;
      currency: string | null;
      checked_at: number | null;
      low_alarm: number;
      error: string | null;
    };
    return { credit: r.credit, currency: r.currency, checkedAt: r.checked_at, lowAlarm: r.low_alarm === 1, error: r.error };
  }

  /** Records a fresh balance; returns true when it just crossed below the threshold (alarm once). */
  record(credit: number, currency: string, threshold: number): { crossedLow: boolean } {
    return this.db
      .transaction(() => {
        const before = this.get();
        const low = credit < threshold;
        this.db
          .prepare('UPDATE account SET credit = ?, currency = ?, checked_at = ?, low_alarm = ?, error = NULL WHERE id = 1')
          .run(credit, currency, this.now(), low ? 1 : 0);
        return { crossedLow: low && !before.lowAlarm };
      })
      .immediate();
  }

  recordError(message: string): void {
    this.db.prepare('UPDATE account SET error = ? WHERE id = 1').run(message);
  }

  savePrices(list: PriceList): void {
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM prices').run();
        // A country listed more than once (e.g. per operator) is estimated at its highest price.
        const ins = this.db.prepare(
          'INSERT INTO prices (country, currency, price) VALUES (?, ?, ?) ON CONFLICT (country, currency) DO UPDATE SET price = MAX(price, excluded.price)',
        );
        for (const e of list.tiers.standard ?? Object.values(list.tiers)[0] ?? []) {
          for (const [cur, price] of Object.entries(e.prices)) ins.run(e.country.toUpperCase(), cur.toUpperCase(), price);
        }
        this.db
          .prepare("INSERT INTO settings (key, value) VALUES ('prices_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
          .run(JSON.stringify(this.now()));
      })
      .immediate();
  }

  pricesAt(): number | null {
    const r = this.db.prepare("SELECT value FROM settings WHERE key = 'prices_at'").get() as { value: string } | undefined;
    return r ? (JSON.parse(r.value) as number) : null;
  }

  price(country: string, currency: string): number | null {
    const r = this.db.prepare('SELECT price FROM prices WHERE country = ? AND currency = ?').get(country, currency) as
      { price: number } | undefined;
    return r?.price ?? null;
  }
}
