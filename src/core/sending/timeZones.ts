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

// Countries over several zones: quiet hours hold while it is night in any of them (the strictest
// reading), since a number does not say where its holder lives. The first is the main zone above.
const ALL_ZONES: Readonly<Record<string, readonly string[]>> = {
  US: [
    'America/New_York',
    'America/Chicago',
    'America/Denver',
    'America/Phoenix',
    'America/Los_Angeles',
    'America/Anchorage',
    'Pacific/Honolulu',
  ],
  CA: [
    'America/Toronto',
    'America/St_Johns',
    'America/Halifax',
    'America/Winnipeg',
    'America/Regina',
    'America/Edmonton',
    'America/Vancouver',
  ],
  MX: ['America/Mexico_City', 'America/Cancun', 'America/Chihuahua', 'America/Hermosillo', 'America/Mazatlan', 'America/Tijuana'],
  BR: ['America/Sao_Paulo', 'America/Noronha', 'America/Manaus', 'America/Rio_Branco'],
  AU: ['Australia/Sydney', 'Australia/Brisbane', 'Australia/Adelaide', 'Australia/Darwin', 'Australia/Perth'],
  RU: [
    'Europe/Moscow',
    'Europe/Kaliningrad',
    'Europe/Samara',
    'Asia/Yekaterinburg',
    'Asia/Omsk',
    'Asia/Novosibirsk',
    'Asia/Krasnoyarsk',
    'Asia/Irkutsk',
    'Asia/Yakutsk',
    'Asia/Vladivostok',
    'Asia/Magadan',
    'Asia/Kamchatka',
  ],
  NZ: ['Pacific/Auckland', 'Pacific/Chatham'],
  ES: ['Europe/Madrid', 'Atlantic/Canary'],
  PT: ['Europe/Lisbon', 'Atlantic/Azores'],
};

/** Every zone of a country (several for the large ones); [null] = the computer's own clock. */
export function zonesOf(country: string | null | undefined): readonly (string | null)[] {
  const all = country ? ALL_ZONES[country.toUpperCase()] : undefined;
  return all ?? [zoneOf(country)];
}

/** The zone quiet hours use for a recipient's country; null (unknown or missing) = the computer's own clock. */
export function zoneOf(country: string | null | undefined): string | null {
  if (!country) return null;
  return ZONES[country.toUpperCase()] ?? null;
}

/** Every country → zone pair (tests check each zone is one the runtime knows). */
export function knownZones(): Readonly<Record<string, string>> {
  return ZONES;
}

/** Every country → all of its zones, for countries with several. */
export function multiZoneCountries(): Readonly<Record<string, readonly string[]>> {
  return ALL_ZONES;
}
