// The simulated account: credit, accepted messages, the recipient log and status reports.
// No HTTP here: each method takes the request's data and returns the reply GatewayAPI would give.
//
// Money is kept in integer millionths of the currency so 100,000 additions of 0.31 do not drift.
// Pricing: one price per part per country and tier. The standard price is `countryPrices[iso]` when
// given, else `pricePerPart` (also for numbers of unknown country, 'XX'); premium (`class:
// "premium"`) costs twice the standard price. The price list served at /api/prices/list/sms/json is
// built from the same function, so what it lists is exactly what a send is charged.

import { COUNTRIES, countryOf, type Country } from './countries';
import { MAX_PARTS, countParts, type WireEncoding } from './segments';
import { finalReportFor } from './statuses';
import { compileTemplate } from './tags';
import { coded, parseSendBody, type ParsedMessage, type Reply } from './validate';
import { takeFault, type Faults } from './faults';

export interface AcceptedRecipient {
  messageId: number;
  msisdn: string;
  /** The text this recipient gets, tags replaced. */
  text: string;
  encoding: WireEncoding;
  parts: number;
  /** Unix seconds, when the message was scheduled; else null. */
  sendtime: number | null;
  /** Simulator clock (ms) when it was accepted. */
  at: number;
  /** ISO country from the calling code ('XX' unknown). */
  country: string;
  /** Sent as UTF8 (GSM-7) but holds characters GSM-7 lacks: the handset would see '?'. */
  lossy: boolean;
  /** The request's validity_period (seconds), null when it sent none. */
  validityPeriod: number | null;
}

export interface StateOptions {
  token: string;
  credit: number;
  currency: string;
  pricePerPart: number;
  countryPrices: Record<string, number>;
  statusDelayMs: number;
  notFoundUntilMs: number;
  firstId: number;
  /** ISO codes this account may not send to: 403 0x0217 naming the country. */
  blockedCountries: string[];
}

interface StoredMessage {
  id: number;
  sender: string;
  message: string;
  encoding: WireEncoding;
  userref: string | null;
  label: string | null;
  sendtime: number | null;
  acceptedAt: number;
  /** When it leaves the gateway: acceptedAt, or sendtime when that is later. */
  sendAt: number;
  msisdns: string[];
  countries: Country[];
  costMicros: number;
  deletedAt: number | null;
  /** A final status was already served once (the out-of-order fault needs that). */
  finalServed: boolean;
  cached: { key: string; json: string } | null;
}

const MICROS = 1_000_000;
/** Units of a currency per euro, for the eur/dkk columns of the price list. Unknown currencies
 * are taken at par with the euro. */
const PER_EUR: Record<string, number> = { EUR: 1, DKK: 7.46, SEK: 11.2, NOK: 11.6, USD: 1.08, GBP: 0.85 };

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

export class SimState {
  token: string;
  readonly currency: string;
  creditMicros: number;
  readonly log: AcceptedRecipient[] = [];
  private readonly messages = new Map<number, StoredMessage>();
  private readonly timesAccepted = new Map<string, number>();
  /** Temporarily blacklisted msisdn → simulator time its blacklisting ends. */
  private readonly tempBlacklist = new Map<string, number>();
  private nextId: number;

  constructor(private readonly opts: StateOptions) {
    this.token = opts.token;
    this.currency = opts.currency;
    this.creditMicros = Math.round(opts.credit * MICROS);
    this.nextId = opts.firstId;
  }

  /** These numbers are refused with 0x0214 until simulator time `until` (ms). */
  blacklistTemporarily(msisdns: string[], until: number): void {
    for (const m of msisdns) this.tempBlacklist.set(m, until);
  }

  getCredit(): number {
    return this.creditMicros / MICROS;
  }
  setCredit(n: number): void {
    this.creditMicros = Math.round(n * MICROS);
  }

  /** Price of one part, in millionths of the account currency. */
  priceMicros(iso: string, tier: 'standard' | 'premium'): number {
    const standard = this.opts.countryPrices[iso] ?? this.opts.pricePerPart;
    return Math.round(standard * MICROS) * (tier === 'premium' ? 2 : 1);
  }

  isAuthorised(header: string | undefined): boolean {
    if (!header) return false;
    const token = /^Token\s+(.+)$/i.exec(header)?.[1];
    if (token !== undefined) return token.trim() === this.token;
    const basic = /^Basic\s+(.+)$/i.exec(header)?.[1];
    if (basic !== undefined) {
      const decoded = Buffer.from(basic.trim(), 'base64').toString('utf8');
      const user = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded;
      return user === this.token;
    }
    return false;
  }

  send(raw: string, now: number, faults: Faults): Reply {
    if (faults.frozen) return coded(403, '0x022A', 'Account frozen');
    const parsed = parseSendBody(raw);
    if (!parsed.ok) return parsed.reply;
    const { messages } = parsed;

    // Refusals that name recipients refuse the whole request: nothing is accepted.
    const blacklisted = collect(messages, (m) => m.endsWith('666'));
    if (blacklisted.length) return coded(403, '0x0215', 'Blacklisted recipient', blacklisted);
    // A temporary blacklisting names one number (and a hash) and ends by itself.
    const tempBlocked = this.tempBlacklist.size === 0 ? [] : collect(messages, (m) => (this.tempBlacklist.get(m) ?? 0) > now);
    if (tempBlocked.length) {
      const msisdn = tempBlocked[0];
      return coded(403, '0x0214', 'Recipient temporarily blacklisted', [msisdn, hashOf(msisdn)]);
    }
    const blocked = new Set(this.opts.blockedCountries.map((c) => c.toUpperCase()));
    const refusedCountry = blocked.size === 0 ? null : firstCountry(messages, (c) => blocked.has(c.iso));
    if (refusedCountry) {
      const variable = faults.countryAsCallingCode ? String(refusedCountry.prefix) : refusedCountry.iso;
      return coded(403, '0x0217', `Unauthorized destination: country ${variable}`, [variable]);
    }

    // Price everything before touching the account, so a refusal leaves no trace.
    const priced = messages.map((m) => this.price(m));
    for (const p of priced) {
      if (p.tooLong) {
        return coded(400, '0x0222', `Message too long: ${p.tooLong.parts} parts (at most ${p.tooLong.max})`);
      }
    }
    const costMicros = priced.reduce((sum, p) => sum + p.costMicros, 0);
    if (costMicros > this.creditMicros) return coded(403, '0x0216', 'Insufficient credit');
    this.creditMicros -= costMicros;

    const ids: number[] = [];
    const usage: Record<string, number> = {};
    messages.forEach((m, k) => {
      const p = priced[k];
      const id = this.nextId++;
      ids.push(id);
      const sendAt = m.sendtime !== null ? Math.max(now, m.sendtime * 1000) : now;
      this.messages.set(id, {
        id,
        sender: m.sender,
        message: m.message,
        encoding: m.encoding,
        userref: m.userref,
        label: m.label,
        sendtime: m.sendtime,
        acceptedAt: now,
        sendAt,
        msisdns: m.recipients.map((r) => r.msisdn),
        countries: p.countries,
        costMicros: p.costMicros,
        deletedAt: null,
        finalServed: false,
        cached: null,
      });
      for (let i = 0; i < m.recipients.length; i++) {
        const msisdn = m.recipients[i].msisdn;
        const iso = p.countries[i].iso;
        usage[iso] = (usage[iso] ?? 0) + 1;
        this.timesAccepted.set(msisdn, (this.timesAccepted.get(msisdn) ?? 0) + 1);
        this.log.push({
          messageId: id,
          msisdn,
          text: p.texts[i],
          encoding: m.encoding,
          parts: p.parts[i],
          sendtime: m.sendtime,
          at: now,
          country: iso,
          lossy: p.lossy[i],
          validityPeriod: m.validityPeriod,
        });
      }
    });
    return {
      status: 200,
      body: { ids, usage: { countries: usage, currency: this.currency, total_cost: round4(costMicros / MICROS) } },
    };
  }

  private price(m: ParsedMessage) {
    const n = m.recipients.length;
    const texts: string[] = new Array(n);
    const parts: number[] = new Array(n);
    const lossy: boolean[] = new Array(n);
    const countries: Country[] = new Array(n);
    const render = compileTemplate(m.message, m.tags);
    // Without tags every recipient gets the same text: count it once.
    const fixed = m.tags.length === 0 ? countParts(m.message, m.encoding) : null;
    const max = Math.min(MAX_PARTS, m.maxParts ?? MAX_PARTS);
    let costMicros = 0;
    let tooLong: { parts: number; max: number } | null = null;
    for (let i = 0; i < n; i++) {
      const r = m.recipients[i];
      const text = fixed ? m.message : render(r.tagvalues);
      const count = fixed ?? countParts(text, m.encoding);
      const country = countryOf(r.msisdn);
      texts[i] = text;
      parts[i] = count.parts;
      lossy[i] = count.lossy;
      countries[i] = country;
      if (count.parts > max && !tooLong) tooLong = { parts: count.parts, max };
      costMicros += count.parts * this.priceMicros(country.iso, m.tier);
    }
    return { texts, parts, lossy, countries, costMicros, tooLong };
  }

  status(id: number, now: number, faults: Faults): Reply {
    const m = this.messages.get(id);
    // GatewayAPI answers 404 until the message has been sent and stored: a scheduled message is
    // not found until its sendtime (a cancelled one reports DELETED).
    if (!m || now < m.acceptedAt + this.opts.notFoundUntilMs) return notFound();
    if (m.deletedAt === null && now < m.sendAt) return notFound();
    const finalAt = m.sendAt + this.opts.statusDelayMs;
    let phase: 'DELETED' | 'SCHEDULED' | 'ENROUTE' | 'final';
    if (m.deletedAt !== null) phase = 'DELETED';
    else if (now < m.sendAt) phase = 'SCHEDULED';
    else if (now < finalAt) phase = 'ENROUTE';
    else phase = 'final';
    const stale = phase === 'final' && m.finalServed && takeFault(faults, 'outOfOrder') !== null;
    if (phase === 'final') m.finalServed = true;

    // A phase's report never changes, so pollers re-reading 1,000-recipient messages get the
    // serialised reply from the cache.
    const key = stale ? 'stale' : phase;
    if (m.cached?.key !== key) m.cached = { key, json: JSON.stringify([this.report(m, phase, stale)]) };
    return { status: 200, body: m.cached.json };
  }

  private report(m: StoredMessage, phase: 'DELETED' | 'SCHEDULED' | 'ENROUTE' | 'final', stale: boolean) {
    const sentSec = Math.floor(m.sendAt / 1000);
    const finalSec = Math.floor((m.sendAt + this.opts.statusDelayMs) / 1000);
    const deletedSec = m.deletedAt === null ? null : Math.floor(m.deletedAt / 1000);
    const recipients = new Array(m.msisdns.length);
    for (let i = 0; i < m.msisdns.length; i++) {
      const msisdn = m.msisdns[i];
      const c = m.countries[i];
      let dsnstatus: string;
      let dsnerror: string | null = null;
      let dsnerrorcode: string | null = null;
      let dsntime: number | null = null;
      let senttime: number | null = null;
      if (phase === 'DELETED') {
        dsnstatus = 'DELETED';
        dsntime = deletedSec;
      } else if (phase === 'SCHEDULED') {
        dsnstatus = 'SCHEDULED';
      } else if (phase === 'ENROUTE' || (stale && i % 2 === 0)) {
        dsnstatus = 'ENROUTE';
        dsntime = sentSec;
        senttime = sentSec;
      } else {
        const f = finalReportFor(msisdn);
        dsnstatus = f.status;
        dsnerror = f.error;
        dsnerrorcode = f.code;
        dsntime = finalSec;
        senttime = sentSec;
      }
      recipients[i] = {
        msisdn: Number(msisdn),
        dsnstatus,
        dsnerror,
        dsnerrorcode,
        dsntime,
        senttime,
        country: c.iso === 'XX' ? null : c.iso,
        mcc: c.mcc,
        mnc: c.mnc,
      };
    }
    return {
      id: m.id,
      message: m.message,
      sender: m.sender,
      encoding: m.encoding,
      sendtime: m.sendtime,
      userref: m.userref,
      label: m.label,
      recipients,
    };
  }

  cancel(id: number, now: number): Reply {
    const m = this.messages.get(id);
    if (!m) return notFound();
    if (m.deletedAt !== null || now >= m.sendAt) {
      return { status: 410, body: { message: 'Message already sent or deleted' } };
    }
    m.deletedAt = now;
    this.creditMicros += m.costMicros;
    this.removeFromLog(id);
    return { status: 204 };
  }

  me(faults: Faults): Reply {
    // GatewayAPI sends the credit as a decimal string ("1234.56000").
    const credit = faults.creditAsNumber ? this.getCredit() : (this.creditMicros / MICROS).toFixed(5);
    return { status: 200, body: { credit, currency: this.currency, id: 1 } };
  }

  prices(): Reply {
    const rate = PER_EUR[this.currency.toUpperCase()] ?? 1;
    const entry = (c: Country, tier: 'standard' | 'premium') => {
      const price = this.priceMicros(c.iso, tier) / MICROS;
      const eur = price / rate;
      return {
        country: c.iso,
        prefix: c.prefix,
        mcc: c.mcc,
        operator: c.operator,
        eur: round4(eur),
        dkk: round4(eur * PER_EUR.DKK),
        [this.currency.toLowerCase()]: round4(price),
      };
    };
    return {
      status: 200,
      body: {
        standard: COUNTRIES.map((c) => entry(c, 'standard')),
        premium: COUNTRIES.map((c) => entry(c, 'premium')),
      },
    };
  }

  duplicates(): string[] {
    const out: string[] = [];
    for (const [msisdn, n] of this.timesAccepted) if (n > 1) out.push(msisdn);
    return out;
  }

  clearLog(): void {
    this.log.length = 0;
    this.timesAccepted.clear();
  }

  /** In place, so a test holding `sim.log` sees the change. */
  private removeFromLog(messageId: number): void {
    let w = 0;
    for (let r = 0; r < this.log.length; r++) {
      const e = this.log[r];
      if (e.messageId === messageId) {
        const n = (this.timesAccepted.get(e.msisdn) ?? 1) - 1;
        if (n > 0) this.timesAccepted.set(e.msisdn, n);
        else this.timesAccepted.delete(e.msisdn);
      } else this.log[w++] = e;
    }
    this.log.length = w;
  }
}

function notFound(): Reply {
  return { status: 404, body: { message: 'Not found' } };
}

/** A stable stand-in for the hash GatewayAPI sends with 0x0214. */
function hashOf(msisdn: string): string {
  let h = 2166136261;
  for (let i = 0; i < msisdn.length; i++) h = Math.imul(h ^ msisdn.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The first recipient country (in request order) matching `pred`. */
function firstCountry(messages: ParsedMessage[], pred: (c: Country) => boolean): Country | null {
  for (const m of messages) {
    for (const r of m.recipients) {
      const c = countryOf(r.msisdn);
      if (pred(c)) return c;
    }
  }
  return null;
}

/** msisdns matching `pred` across all messages, each once, in request order. */
function collect(messages: ParsedMessage[], pred: (msisdn: string) => boolean): string[] {
  const out = new Set<string>();
  for (const m of messages) for (const r of m.recipients) if (pred(r.msisdn)) out.add(r.msisdn);
  return [...out];
}
