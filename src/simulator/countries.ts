// Calling code → country, for usage counts, status reports and the price list.

export interface Country {
  iso: string; // ISO 3166 alpha-2, 'XX' when the prefix is not in the table
  prefix: number; // calling code, 0 when unknown
  mcc: number | null;
  mnc: number | null;
  operator: string;
}

export const COUNTRIES: readonly Country[] = [
  { iso: 'DK', prefix: 45, mcc: 238, mnc: 1, operator: 'TDC' },
  { iso: 'SE', prefix: 46, mcc: 240, mnc: 1, operator: 'Telia' },
  { iso: 'NO', prefix: 47, mcc: 242, mnc: 1, operator: 'Telenor' },
  { iso: 'DE', prefix: 49, mcc: 262, mnc: 1, operator: 'Telekom' },
  { iso: 'GB', prefix: 44, mcc: 234, mnc: 15, operator: 'Vodafone' },
  { iso: 'US', prefix: 1, mcc: 310, mnc: 260, operator: 'T-Mobile' },
  { iso: 'FR', prefix: 33, mcc: 208, mnc: 1, operator: 'Orange' },
  { iso: 'NL', prefix: 31, mcc: 204, mnc: 8, operator: 'KPN' },
  { iso: 'FI', prefix: 358, mcc: 244, mnc: 91, operator: 'Telia' },
  { iso: 'IS', prefix: 354, mcc: 274, mnc: 1, operator: 'Siminn' },
];

export const UNKNOWN_COUNTRY: Country = { iso: 'XX', prefix: 0, mcc: null, mnc: null, operator: 'Unknown' };

const byPrefix = new Map(COUNTRIES.map((c) => [String(c.prefix), c]));

/** Calling codes are prefix-free, so the first match from the longest (3 digits) down is the one. */
export function countryOf(msisdn: string): Country {
  for (let len = 3; len >= 1; len--) {
    const c = byPrefix.get(msisdn.slice(0, len));
    if (c) return c;
  }
  return UNKNOWN_COUNTRY;
}
