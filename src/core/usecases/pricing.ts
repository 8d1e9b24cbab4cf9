// What a campaign will cost: its recipients' SMS parts per country times GatewayAPI's price list,
// which is cached in SQLite and refreshed at most once a day.
import type { Estimate } from '../../shared/contract';
import type { Engine } from '../engine';
import type { AccountStore } from '../outbox/account';

const PRICE_LIST_MAX_AGE_MS = 24 * 3600_000;

/** Fetches the price list when the cached one is older than a day; a failure keeps the cache. */
export async function refreshPriceList(engine: Engine): Promise<void> {
  const at = engine.account.pricesAt();
  if (at != null && engine.clock.now() - at < PRICE_LIST_MAX_AGE_MS) return;
  const client = await engine.gateway();
  if (!client) return;
  try {
    engine.account.savePrices(await client.prices());
  } catch (e) {
    engine.logger.warn('price list refresh failed; using the cached one', { error: String(e) });
  }
}

/** The estimate for these recipients from the cached price list (null costs where a price is missing). */
export function estimateCost(recipients: readonly { country: string | null; parts: number }[], account: AccountStore): Estimate {
  const stored = account.get();
  const credit = stored.credit;
  const currency = stored.currency ?? 'EUR';
  const byCountry = new Map<string, { recipients: number; parts: number }>();
  let parts = 0;
  for (const recipient of recipients) {
    const country = recipient.country ?? '??';
    const entry = byCountry.get(country) ?? { recipients: 0, parts: 0 };
    entry.recipients++;
    entry.parts += recipient.parts;
    parts += recipient.parts;
    byCountry.set(country, entry);
  }
  const missingPrices: string[] = [];
  let total: number | null = 0;
  const lines = [...byCountry].map(([country, entry]) => {
    const unitPrice = account.price(country, currency);
    if (unitPrice == null) missingPrices.push(country);
    const cost = unitPrice == null ? null : round2(unitPrice * entry.parts);
    if (cost == null) total = null;
    else if (total != null) total += cost;
    return { country, recipients: entry.recipients, parts: entry.parts, unitPrice, cost };
  });
  const roundedTotal = total == null ? null : round2(total);
  return {
    recipients: recipients.length,
    parts,
    lines,
    currency: currency,
    total: roundedTotal,
    priceListDate: account.pricesAt(),
    credit,
    exceedsCredit: roundedTotal != null && credit != null && roundedTotal > credit,
    missingPrices,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
