// 0x0217's variable names a country: an ISO 3166 alpha-2 code ("SE") or, on some answers, a
// calling code ("46"). Both become the upper-case ISO code the sender matches recipients against.
import metadata from 'libphonenumber-js/metadata.max.json';

// libphonenumber's metadata lists, per calling code, the countries sharing it, main country first.
const byCallingCode = (metadata as unknown as { country_calling_codes: Record<string, string[]> }).country_calling_codes;
const isoCodes = new Set(Object.values(byCallingCode).flat());

/** ISO alpha-2 (upper-case) for "SE", "se", "46", "+46", 46; null when it names no country. */
export function countryFromVariable(v: unknown): string | null {
  const text = typeof v === 'number' && Number.isInteger(v) ? String(v) : typeof v === 'string' ? v.trim() : '';
  if (/^[A-Za-z]{2}$/.test(text)) {
    const iso = text.toUpperCase();
    return isoCodes.has(iso) ? iso : null;
  }
  const digits = /^(?:\+|00)?(\d{1,3})$/.exec(text)?.[1];
  if (digits === undefined) return null;
  const iso = byCallingCode[String(Number(digits))]?.[0];
  // Non-geographic codes (+800, +882…) map to "001": no country to match recipients against.
  return iso !== undefined && /^[A-Z]{2}$/.test(iso) ? iso : null;
}
