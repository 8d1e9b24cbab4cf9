// Numbers, money, dates, plurals, lists and country names for one language, all from Intl: the
// catalogs never format a value themselves, so "1.234,50 DKK" and "1 234,50 SEK" come out right.
import { isolateBidi } from '../bidi';
import { INTL_LOCALES, type UiLanguage } from './languages';

export interface PluralForms {
  one: string;
  other: string;
}

export interface Formatter {
  readonly lang: UiLanguage;
  readonly locale: string;
  /** A plain value from the data (a name, a number as typed): pseudo-language leaves it unwrapped. */
  v(text: string | number): string;
  n(value: number): string;
  /** Two decimals, up to four for sub-unit prices, then the ISO code (accounts bill in DKK, SEK, NOK, EUR). */
  money(amount: number | null | undefined, currency: string | null | undefined): string;
  /** Date and time, short ("04-12-2026 15:30"). */
  dateTime(ms: number): string;
  /** Hours and minutes ("08:00", "08.00"). */
  clock(ms: number): string;
  /** A length of time in words ("90 minutes", "24 timer"): minutes under two hours, else whole hours. */
  duration(minutes: number): string;
  /** Picks the form for n by the language's plural rules. */
  plural(n: number, forms: PluralForms): string;
  /** "a, b and c" ("a, b og c", "a, b och c"). */
  list(items: readonly string[]): string;
  /** "DK" → "Denmark" / "Danmark" / "Danmark"; an unknown code stays as it is. */
  country(code: string | null | undefined): string;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, small: boolean | null): Intl.NumberFormat {
  const key = `${locale}|${String(small)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, small === null ? {} : { minimumFractionDigits: 2, maximumFractionDigits: small ? 4 : 2 });
    numberFormats.set(key, f);
  }
  return f;
}

export function formatterFor(lang: UiLanguage, v: (text: string) => string = (t) => t): Formatter {
  const locale = INTL_LOCALES[lang];
  const rules = new Intl.PluralRules(locale);
  const f: Formatter = {
    lang,
    locale,
    // Data inside a sentence is isolated from it (bidi controls in a name cannot reorder our words).
    v: (text) => v(isolateBidi(String(text))),
    n: (value) => v(numberFormat(locale, null).format(value)),
    money: (amount, currency) => {
      if (amount == null) return '—';
      const small = Math.abs(amount) < 1 && amount !== 0;
      const n = numberFormat(locale, small).format(amount);
      return v(currency ? `${n} ${currency}` : n);
    },
    dateTime: (ms) => v(new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(ms))),
    clock: (ms) => v(new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(ms))),
    duration: (minutes) => {
      const hours = minutes >= 120;
      const amount = hours ? Math.round(minutes / 6) / 10 : Math.max(1, Math.round(minutes));
      return v(
        new Intl.NumberFormat(locale, {
          style: 'unit',
          unit: hours ? 'hour' : 'minute',
          unitDisplay: 'long',
          maximumFractionDigits: 1,
        }).format(amount),
      );
    },
    plural: (n, forms) => (rules.select(n) === 'one' ? forms.one : forms.other),
    list: (items) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items),
    country: (code) => {
      if (!code) return '';
      if (!/^[A-Z]{2}$/.test(code)) return v(code);
      try {
        return v(new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code);
      } catch {
        return v(code);
      }
    },
  };
  return f;
}
