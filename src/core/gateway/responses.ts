// 2xx bodies → our types. Defensive: numbers may arrive as strings, optional parts may be missing.
// Each parser returns null when the body is unusable; the client decides what that means.
import type { Account, PriceEntry, PriceList, RecipientReport, SendResponse, StatusResponse, Usage } from './types';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A finite number from a number or a numeric string ("1234.56"). */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function toStr(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The one rule for a GatewayAPI message id, wherever one is read or used: a positive safe integer
 * (as a number, or as a string of digits). 0, negatives, fractions, "1e3" and "0x10" are not ids:
 * a batch answered with one cannot be polled, so it must not count as submitted.
 */
export function gatewayId(v: unknown): number | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v > 0 ? v : null;
  if (typeof v === 'string' && /^\s*[1-9]\d{0,15}\s*$/.test(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

/**
 * A 200 to POST /rest/mtsms. `expected` is how many ids the request calls for: GatewayAPI gives one id
 * per message object (we send one per request); an answer with one id per recipient is taken too.
 * Any other count, or any invalid id, makes the answer unusable (the caller: uncertain).
 */
export function parseSendResponse(json: unknown, expected?: { messages: number; recipients: number }): SendResponse | null {
  if (!isObj(json) || !Array.isArray(json.ids)) return null;
  const ids: number[] = [];
  for (const raw of json.ids) {
    const id = gatewayId(raw);
    if (id === null) return null;
    ids.push(id);
  }
  if (ids.length === 0) return null;
  if (expected && ids.length !== expected.messages && ids.length !== expected.recipients) return null;
  return { ids, usage: parseUsage(json.usage) };
}

function parseUsage(v: unknown): Usage | null {
  if (!isObj(v)) return null;
  const countries: Record<string, number> = {};
  if (isObj(v.countries)) {
    for (const [k, n] of Object.entries(v.countries)) {
      const num = toNumber(n);
      if (num !== null) countries[k] = num;
    }
  }
  const total = toNumber(v.total_cost);
  return {
    countries,
    currency: typeof v.currency === 'string' ? v.currency : '',
    total_cost: total ?? 0,
  };
}

/** dsntime may be unix seconds (possibly fractional, possibly a string) or an ISO date. */
function toUnixSeconds(v: unknown): number | null {
  const n = toNumber(v);
  if (n !== null) return n;
  if (typeof v === 'string') {
    const ms = Date.parse(v);
    if (!Number.isNaN(ms)) return ms / 1000;
  }
  return null;
}

function parseReport(r: unknown): RecipientReport | null {
  if (!isObj(r)) return null;
  // Matched against our digits-only msisdn: tolerate "+45…" or "45 12…" spellings.
  const msisdn = toStr(r.msisdn)?.replace(/\D/g, '').replace(/^00/, '') ?? '';
  if (msisdn === '') return null;
  // The webhook's field names (status/error/code/time) as fallback: same facts, other spelling.
  const status = toStr(r.dsnstatus ?? r.status);
  return {
    msisdn,
    status: status ? status.toUpperCase() : 'UNKNOWN',
    error: toStr(r.dsnerror ?? r.error),
    code: toStr(r.dsnerrorcode ?? r.code),
    time: toUnixSeconds(r.dsntime ?? r.time),
    country: toStr(r.country ?? r.country_code),
  };
}

/** GET /rest/mtsms/{id} answers an array of message objects (or, in places, one object). */
export function parseStatusResponse(json: unknown, id: number): StatusResponse | null {
  const messages = Array.isArray(json) ? json.filter(isObj) : isObj(json) ? [json] : null;
  if (messages === null) return null;
  const mine = messages.filter((m) => toNumber(m.id) === id);
  const chosen = mine.length > 0 ? mine : messages;
  const recipients: RecipientReport[] = [];
  for (const m of chosen) {
    if (!Array.isArray(m.recipients)) continue;
    for (const r of m.recipients) {
      const rep = parseReport(r);
      if (rep) recipients.push(rep);
    }
  }
  return { id, recipients };
}

export function parseAccount(json: unknown): Account | null {
  if (!isObj(json)) return null;
  const credit = toNumber(json.credit);
  if (credit === null) return null;
  const id = toNumber(json.id);
  return {
    credit,
    currency: typeof json.currency === 'string' ? json.currency : '',
    id: id !== null && Number.isSafeInteger(id) ? id : null,
  };
}

// Numeric fields of a price entry that are not prices.
const NOT_PRICES = new Set(['prefix', 'mcc', 'mnc', 'id', 'parts', 'min', 'max']);

function parsePriceEntry(v: unknown): PriceEntry | null {
  if (!isObj(v)) return null;
  const country = typeof v.country === 'string' ? v.country.trim().toUpperCase() : '';
  if (!/^[A-Z]{2}$/.test(country)) return null;
  const prefix = toNumber(v.prefix);
  const prices: Record<string, number> = {};
  for (const [k, raw] of Object.entries(v)) {
    const key = k.toLowerCase();
    if (NOT_PRICES.has(key) || !/^[a-z]{3}$/.test(key)) continue;
    const n = toNumber(raw);
    if (n !== null && n >= 0) prices[key] = n;
  }
  return { country, prefix: prefix !== null && Number.isInteger(prefix) ? prefix : 0, prices };
}

/** `{"standard":[{country,prefix,eur,dkk,…}],"premium":[…]}`; an unexpected bare array → "standard". */
export function parsePriceList(json: unknown): PriceList | null {
  const tiers: Record<string, PriceEntry[]> = {};
  const source: Obj | null = Array.isArray(json) ? { standard: json } : isObj(json) ? json : null;
  if (source === null) return null;
  for (const [tier, list] of Object.entries(source)) {
    if (!Array.isArray(list)) continue;
    const entries: PriceEntry[] = [];
    for (const item of list) {
      const e = parsePriceEntry(item);
      if (e) entries.push(e);
    }
    tiers[tier] = entries;
  }
  if (Object.keys(tiers).length === 0) return null;
  return { tiers };
}
