import { describe, expect, it } from 'vitest';
import { QuietCheck, localMinutes, quietUntil, scheduledQuietWarning, type QuietHours } from './quietHours';
import { knownZones, multiZoneCountries, zoneOf } from './timeZones';

const at = (h: number, m = 0) => new Date(2026, 10, 25, h, m).getTime();
const q = { enabled: true, start: '21:00', end: '08:00' };
const utc = (mo: number, d: number, h: number, m = 0) => Date.UTC(2026, mo - 1, d, h, m);
const CPH = 'Europe/Copenhagen';
const NYC = 'America/New_York';

/** The definition, by brute force: the first whole minute after `now` whose local time is outside. */
function walk(now: number, w: QuietHours, zone: string): number | null {
  const start = Number(w.start.slice(0, 2)) * 60 + Number(w.start.slice(3));
  const end = Number(w.end.slice(0, 2)) * 60 + Number(w.end.slice(3));
  const inside = (t: number) => {
    const cur = localMinutes(t, zone);
    return start < end ? cur >= start && cur < end : cur >= start || cur < end;
  };
  if (!inside(now)) return null;
  for (let t = Math.floor(now / 60_000) * 60_000 + 60_000; ; t += 60_000) if (!inside(t)) return t;
}

describe('quiet hours on the computer clock (recipients without a known country)', () => {
  it('holds sending inside a window that wraps midnight, until its end', () => {
    expect(quietUntil(at(22, 30), q)).toBe(new Date(2026, 10, 26, 8, 0).getTime());
    expect(quietUntil(at(3), q)).toBe(at(8));
  });

  it('lets sending go outside the window and when disabled', () => {
    expect(quietUntil(at(12), q)).toBeNull();
    expect(quietUntil(at(8), q)).toBeNull();
    expect(quietUntil(at(22), { ...q, enabled: false })).toBeNull();
  });

  it('handles a same-day window', () => {
    const lunch = { enabled: true, start: '12:00', end: '13:00' };
    expect(quietUntil(at(12, 15), lunch)).toBe(at(13));
    expect(quietUntil(at(13), lunch)).toBeNull();
  });
});

describe('quiet hours on the recipient clock', () => {
  it('22:30 in Copenhagen is quiet until 08:00 there while 16:30 in New York is not', () => {
    const now = utc(1, 5, 21, 30); // 22:30 CET, 16:30 EST
    expect(localMinutes(now, CPH)).toBe(22 * 60 + 30);
    expect(localMinutes(now, NYC)).toBe(16 * 60 + 30);
    expect(quietUntil(now, q, CPH)).toBe(utc(1, 6, 7, 0)); // 08:00 CET
    expect(quietUntil(now, q, NYC)).toBeNull();
    // New York's own night: 21:30 EST → 08:00 EST.
    expect(quietUntil(utc(1, 6, 2, 30), q, NYC)).toBe(utc(1, 6, 13, 0));
  });

  it('ends the window at 08:00 local on the nights clocks change', () => {
    // Europe springs forward 29 March 2026 (01:00 UTC): 08:00 CEST is 06:00 UTC, not 07:00.
    expect(quietUntil(utc(3, 28, 21, 30), q, CPH)).toBe(utc(3, 29, 6, 0));
    // ...and falls back 25 October (01:00 UTC): 08:00 CET is 07:00 UTC, not 06:00.
    expect(quietUntil(utc(10, 24, 20, 30), q, CPH)).toBe(utc(10, 25, 7, 0));
    // New York springs forward 8 March at 02:00 EST: 21:30 EST → 08:00 EDT = 12:00 UTC.
    expect(quietUntil(utc(3, 8, 2, 30), q, NYC)).toBe(utc(3, 8, 12, 0));
  });

  it('an end inside the skipped or repeated hour ends at the first minute past it', () => {
    const early = { enabled: true, start: '21:00', end: '02:30' };
    // 02:30 does not exist in Copenhagen on 29 March: the window ends when 02:00 becomes 03:00.
    expect(quietUntil(utc(3, 28, 22, 0), early, CPH)).toBe(utc(3, 29, 1, 0));
    // On 25 October 02:30 happens twice: the first one ends the window.
    expect(quietUntil(utc(10, 24, 20, 0), early, CPH)).toBe(utc(10, 25, 0, 30));
  });

  it('agrees with a minute-by-minute walk across DST nights', () => {
    const windows = [q, { enabled: true, start: '01:30', end: '03:15' }, { enabled: true, start: '22:00', end: '02:30' }];
    const nights = [utc(3, 28, 12), utc(10, 24, 12), utc(3, 7, 18), utc(10, 31, 18)];
    for (const zone of [CPH, NYC, 'Australia/Sydney']) {
      for (const w of windows) {
        for (const night of nights) {
          for (let t = night; t < night + 24 * 3600_000; t += 47 * 60_000 + 13_000) {
            expect(quietUntil(t, w, zone), `${zone} ${w.start}-${w.end} ${new Date(t).toISOString()}`).toBe(walk(t, w, zone));
          }
        }
      }
    }
  });

  it('maps the countries the import gives to zones the runtime knows; unknown ones use the computer clock', () => {
    const zones = knownZones();
    expect(Object.keys(zones).length).toBeGreaterThanOrEqual(50);
    for (const [country, zone] of Object.entries(zones)) {
      expect(country).toMatch(/^[A-Z]{2}$/);
      expect(() => localMinutes(0, zone), zone).not.toThrow();
    }
    expect(zoneOf('DK')).toBe(CPH);
    expect(zoneOf('dk')).toBe(CPH);
    expect(zoneOf('US')).toBe(NYC);
    expect(zoneOf(null)).toBeNull();
    expect(zoneOf('001')).toBeNull();
  });

  it('splits queued countries into quiet and open, with the earliest end', () => {
    const check = new QuietCheck();
    const now = utc(1, 5, 21, 30);
    const r = check.countries(now, q, ['DK', 'FI', 'US']);
    expect(r.quiet).toEqual(['DK', 'FI']);
    expect(r.open).toBe(true);
    // Helsinki (UTC+2) reaches 08:00 an hour before Copenhagen.
    expect(r.until).toBe(utc(1, 6, 6, 0));
    // Countries without a known zone follow the computer clock.
    const local = quietUntil(now, q);
    expect(check.countries(now, q, [null, 'XX']).quiet).toEqual(local == null ? [] : [null, 'XX']);
    expect(check.countries(now, { ...q, enabled: false }, ['DK', 'US'])).toEqual({ quiet: [], open: true, until: null });
    expect(check.countries(utc(1, 6, 7, 0), q, ['DK']).quiet).toEqual([]);
  });

  it('a country over several zones is quiet while it is night in any of them (the strictest reading)', () => {
    const check = new QuietCheck();
    // 08:30 in New York, 05:30 in Los Angeles, 03:30 in Honolulu: Americans in the west are asleep.
    const now = utc(1, 5, 13, 30);
    expect(quietUntil(now, q, NYC)).toBeNull();
    const r = check.countries(now, q, ['US']);
    expect(r.quiet).toEqual(['US']);
    // Until 08:00 in Honolulu, the last US zone to wake.
    expect(r.until).toBe(utc(1, 5, 18, 0));
    expect(check.countries(utc(1, 5, 18, 0), q, ['US']).quiet).toEqual([]);
    // The evening end too: 21:00 in New York starts the night for the whole country.
    expect(check.countries(utc(1, 6, 2, 0), q, ['US']).quiet).toEqual(['US']);
    // Spain's Canary Islands are an hour behind the mainland: the country waits for them.
    expect(check.countries(utc(1, 5, 7, 30), q, ['ES']).quiet).toEqual(['ES']); // 08:30 Madrid, 07:30 Canary
    for (const [country, zones] of Object.entries(multiZoneCountries())) {
      expect(zones[0], country).toBe(zoneOf(country));
      for (const z of zones) expect(() => localMinutes(0, z), z).not.toThrow();
    }
  });

  it("flags a scheduled time inside a recipient country's quiet hours (GatewayAPI would send then)", () => {
    // 22:30 in Copenhagen, 16:30 in New York.
    expect(scheduledQuietWarning(utc(1, 5, 21, 30), q, ['DK', 'US', 'DK'])).toEqual({ start: '21:00', end: '08:00', countries: ['DK'] });
    expect(scheduledQuietWarning(utc(1, 5, 12, 0), q, ['DK'])).toBeNull(); // 13:00 in Copenhagen
    expect(scheduledQuietWarning(utc(1, 5, 12, 0), q, ['DK', 'US'])?.countries).toEqual(['US']); // 07:00 in New York
    expect(scheduledQuietWarning(utc(1, 5, 21, 30), { ...q, enabled: false }, ['DK'])).toBeNull();
  });
});

describe('quiet hours at the edges of the window', () => {
  it('a window whose start equals its end is never quiet', () => {
    expect(quietUntil(at(3), { enabled: true, start: '08:00', end: '08:00' })).toBeNull();
    expect(quietUntil(at(8), { enabled: true, start: '08:00', end: '08:00' })).toBeNull();
  });

  it('the window has begun at its start minute', () => {
    expect(quietUntil(at(21), q)).toBe(new Date(2026, 10, 26, 8, 0).getTime());
    expect(quietUntil(at(12), { enabled: true, start: '12:00', end: '13:00' })).toBe(at(13));
  });

  it('a 12-hour window entered at its start holds until the next morning, not a time already past', () => {
    expect(quietUntil(at(18), { enabled: true, start: '18:00', end: '06:00' })).toBe(new Date(2026, 10, 26, 6, 0).getTime());
  });

  it('07:00 in Copenhagen a week before the clocks change is quiet for one more hour', () => {
    expect(quietUntil(utc(3, 20, 6, 0), q, CPH)).toBe(utc(3, 20, 7, 0));
  });

  it('entered at its start on a night the clocks change, the window ends after the skipped hour', () => {
    const early = { enabled: true, start: '21:00', end: '02:30' };
    expect(quietUntil(utc(3, 28, 20, 0), early, CPH)).toBe(utc(3, 29, 1, 0));
  });

  it('no quiet hours in the settings: no warning for a scheduled time', () => {
    expect(scheduledQuietWarning(utc(1, 5, 21, 30), undefined, ['DK'])).toBeNull();
  });

  it('the warning lists each quiet country, and recipients without a known country', () => {
    expect(scheduledQuietWarning(utc(1, 5, 21, 30), q, ['DK', 'FI', 'US'])?.countries).toEqual(['DK', 'FI']);
    expect(scheduledQuietWarning(at(22, 30), q, [null])?.countries).toEqual([null]);
  });
});

describe('quiet hours over the zones of one country', () => {
  it('a window so long that it is always night somewhere in the country holds it, and the answer comes back', () => {
    // 09:00–08:00 leaves one open hour a day; across the US's zones (New York to Honolulu) those
    // hours never meet, so some American is always asleep: no end exists, and the check must not hang.
    const long = { enabled: true, start: '09:00', end: '08:00' };
    for (const now of [utc(1, 5, 13, 30), utc(1, 5, 18, 30), utc(7, 5, 2, 0)]) {
      const r = new QuietCheck().countries(now, long, ['US']);
      expect(r).toMatchObject({ quiet: ['US'], open: false });
      // A time to ask again, later than now, at which the country is still held.
      expect(r.until).toBeGreaterThan(now);
      expect(new QuietCheck().countries(r.until!, long, ['US']).quiet).toEqual(['US']);
    }
    expect(scheduledQuietWarning(utc(1, 5, 13, 30), long, ['US'])?.countries).toEqual(['US']);
  });
});
