// Country (ISO 3166 alpha-2, as the import stores it) → IANA time zone, so quiet hours follow the
// recipient's clock. Countries that span several zones use their most populous one (US → New York,
// CA → Toronto, AU → Sydney, RU → Moscow, BR → São Paulo, ...): good enough for "not at night", and a
// number does not say which zone its holder is in anyway. Territories the import gives their own code
// (Faroe Islands, Greenland, Åland, ...) have their own entry; ES and PT use the mainland's clock.
const ZONES: Readonly<Record<string, string>> = {
  // EU
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  HR: 'Europe/Zagreb',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  DE: 'Europe/Berlin',
  GR: 'Europe/Athens',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IT: 'Europe/Rome',
  LV: 'Europe/Riga',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  SK: 'Europe/Bratislava',
  SI: 'Europe/Ljubljana',
  ES: 'Europe/Madrid',
  SE: 'Europe/Stockholm',
  // EEA, EFTA and Nordic territories
  IS: 'Atlantic/Reykjavik',
  LI: 'Europe/Vaduz',
  NO: 'Europe/Oslo',
  CH: 'Europe/Zurich',
  FO: 'Atlantic/Faroe',
  GL: 'America/Nuuk',
  AX: 'Europe/Mariehamn',
  // Rest of Europe
  GB: 'Europe/London',
  IM: 'Europe/Isle_of_Man',
  JE: 'Europe/Jersey',
  GG: 'Europe/Guernsey',
  GI: 'Europe/Gibraltar',
  AD: 'Europe/Andorra',
  MC: 'Europe/Monaco',
  SM: 'Europe/San_Marino',
  VA: 'Europe/Vatican',
  AL: 'Europe/Tirane',
  BA: 'Europe/Sarajevo',
  ME: 'Europe/Podgorica',
  MK: 'Europe/Skopje',
  RS: 'Europe/Belgrade',
  XK: 'Europe/Belgrade',
  MD: 'Europe/Chisinau',
  UA: 'Europe/Kyiv',
  TR: 'Europe/Istanbul',
  RU: 'Europe/Moscow',
  // Further afield, most often met
  US: 'America/New_York',
  CA: 'America/Toronto',
  MX: 'America/Mexico_City',
  BR: 'America/Sao_Paulo',
  AU: 'Australia/Sydney',
  NZ: 'Pacific/Auckland',
  JP: 'Asia/Tokyo',
  CN: 'Asia/Shanghai',
  HK: 'Asia/Hong_Kong',
  SG: 'Asia/Singapore',
  IN: 'Asia/Kolkata',
  TH: 'Asia/Bangkok',
  AE: 'Asia/Dubai',
  IL: 'Asia/Jerusalem',
  ZA: 'Africa/Johannesburg',
};

/** The zone quiet hours use for a recipient's country; null (unknown or missing) = the computer's own clock. */
export function zoneOf(country: string | null | undefined): string | null {
  if (!country) return null;
  return ZONES[country.toUpperCase()] ?? null;
}

/** Every country → zone pair (tests check each zone is one the runtime knows). */
export function knownZones(): Readonly<Record<string, string>> {
  return ZONES;
}
