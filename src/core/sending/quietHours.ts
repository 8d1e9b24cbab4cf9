// Quiet hours: a daily window (e.g. 21:00–08:00, may wrap midnight) in which nobody is texted. The
// window is read on the recipient's clock (their country's zone, timeZones.ts); recipients without a
// known country use the computer's clock. Their batches hold and go at the window's end.
import { zonesOf } from './timeZones';

export interface QuietHours {
  enabled: boolean;
  start: string; // "HH:MM"
  end: string; // "HH:MM"
}

const MINUTE = 60_000;
const DAY_MIN = 1440;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

// Building an Intl.DateTimeFormat costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight at `t` on the clock of `zone` (null = this computer's zone). */
export function localMinutes(t: number, zone: string | null): number {
  if (zone == null) {
    const d = new Date(t);
    return d.getHours() * 60 + d.getMinutes();
  }
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  let h = 0;
  let m = 0;
  for (const p of f.formatToParts(t)) {
    if (p.type === 'hour') h = Number(p.value);
    else if (p.type === 'minute') m = Number(p.value);
  }
  return h * 60 + m;
}

/**
 * When `now` falls inside the window on `zone`'s clock (null = this computer's), the epoch ms at
 * which it ends: the first minute whose local time is outside it. Else null.
 */
export function quietUntil(now: number, q: QuietHours, zone: string | null = null): number | null {
  if (!q.enabled) return null;
  const start = minutes(q.start);
  const end = minutes(q.end);
  if (start === end) return null;
  const inside = (t: number) => {
    const cur = localMinutes(t, zone);
    return start < end ? cur >= start && cur < end : cur >= start || cur < end;
  };
  // Every zone's offset is whole minutes, so the answer is the same for the whole minute of `now`.
  const m0 = Math.floor(now / MINUTE) * MINUTE;
  if (!inside(m0)) return null;
  // No clock change before the end (every night but two a year): the wall clock runs with real time,
  // so the end is its wall-clock distance away.
  const t = m0 + ((end - localMinutes(m0, zone) + DAY_MIN) % DAY_MIN) * MINUTE;
  if (localMinutes(t, zone) === end) return t;
  // A DST change in between: the end may move by the change, fall in the skipped hour, or (window
  // starting in a repeated hour) come when the clock goes back. Walk to the first minute outside.
  for (let u = m0 + MINUTE; u <= m0 + 2 * DAY_MIN * MINUTE; u += MINUTE) if (!inside(u)) return u;
  return null;
}

/**
 * quietUntil for a country over several zones: quiet while any of them is inside the window; it ends
 * when none is (the zones' windows may overlap one after another).
 */
export function quietUntilZones(now: number, q: QuietHours, zones: readonly (string | null)[]): number | null {
  let t = now;
  for (let round = 0; round <= zones.length; round++) {
    let end: number | null = null;
    for (const z of zones) {
      const u = quietUntil(t, q, z);
      if (u != null && (end == null || u > end)) end = u;
    }
    if (end == null) return round === 0 ? null : t;
    t = end;
  }
  return t;
}

/** For a country (ISO alpha-2; null = this computer's clock): the end of its quiet window now, or null. */
export function countryQuietUntil(now: number, q: QuietHours, country: string | null): number | null {
  return quietUntilZones(now, q, zonesOf(country));
}

export interface QuietCountries {
  /** Queued countries inside their window now (null = recipients without a country). */
  quiet: (string | null)[];
  /** Whether some queued country may be sent to now. */
  open: boolean;
  /** The earliest end among the quiet ones, or null when none is quiet. */
  until: number | null;
}

/**
 * Splits the queued countries into quiet and open. Results are kept per zone for the current minute
 * (they cannot change within it), so the sender can ask on every step.
 */
export class QuietCheck {
  private minute = -1;
  private key = '';
  private readonly byZone = new Map<string, number | null>();

  countries(now: number, q: QuietHours, countries: readonly (string | null)[]): QuietCountries {
    const minute = Math.floor(now / MINUTE);
    const key = `${q.enabled}|${q.start}|${q.end}`;
    if (minute !== this.minute || key !== this.key) {
      this.byZone.clear();
      this.minute = minute;
      this.key = key;
    }
    const quiet: (string | null)[] = [];
    let open = false;
    let until: number | null = null;
    for (const c of countries) {
      const zones = zonesOf(c);
      const key = zones.join('|');
      let end = this.byZone.get(key);
      if (end === undefined) {
        end = quietUntilZones(now, q, zones);
        this.byZone.set(key, end);
      }
      if (end == null) open = true;
      else {
        quiet.push(c);
        until = until == null ? end : Math.min(until, end);
      }
    }
    return { quiet, open, until };
  }
}

/**
 * A campaign scheduled with sendtime goes to GatewayAPI now and is sent by GatewayAPI at that time,
 * whatever our quiet hours say: a time inside a recipient country's window must be flagged when the
 * campaign is created. Returns a sentence for the user, or null when no country is quiet then.
 */
export interface QuietWarning {
  start: string;
  end: string;
  /** The countries whose quiet hours the time falls in (null: recipients without a known country). */
  countries: (string | null)[];
}

/** Which countries a scheduled time falls in quiet hours for (GatewayAPI sends at that time regardless). */
export function scheduledQuietWarning(
  sendAtMs: number,
  q: QuietHours | undefined,
  countries: readonly (string | null)[],
): QuietWarning | null {
  if (!q?.enabled) return null;
  const quiet = [...new Set(countries)].filter((c) => countryQuietUntil(sendAtMs, q, c) != null);
  if (quiet.length === 0) return null;
  return { start: q.start, end: q.end, countries: quiet };
}
