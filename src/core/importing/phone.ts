// Phone number → MSISDN (country code + national number, digits only, as GatewayAPI wants it).
//
// libphonenumber-js with its "max" metadata decides validity (the smaller sets only check length).
// It costs ~6 µs a number because it compiles each metadata pattern anew on every call, which is
// most of a 100k-row import. So the common case takes a fast path: plain digits with a '+'/'00'
// prefix or a national number of the default country, checked against the SAME metadata patterns,
// compiled once, using libphonenumber's own rules (isValid → getNumberType). The fast path only
// ever accepts; anything it is not sure of goes to libphonenumber itself, and a differential test
// (phone.test.ts) checks that both give the same answer.

// 'libphonenumber-js/core' plus explicit metadata rather than 'libphonenumber-js/max': the latter's
// CommonJS build (used by tsx and the CLI) does not export the Metadata class that the fast path needs.
import {
  Metadata,
  getCountryCallingCode as coreCallingCode,
  isSupportedCountry as coreIsSupported,
  parsePhoneNumberFromString as coreParse,
  validatePhoneNumberLength as coreValidateLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';
import type { PhoneProblem } from '../../shared/i18n/messages';
import { translate } from '../../shared/i18n/translate';

const parse = (text: string, defaultCountry?: CountryCode): PhoneNumber | undefined =>
  coreParse(text, { defaultCountry, extract: false }, maxMetadata);
const getCountryCallingCode = (country: CountryCode): string => coreCallingCode(country, maxMetadata);

export type { CountryCode };

export type MsisdnResult =
  | { ok: true; msisdn: string; country: string }
  /** `problem` is what the user reads (in their language); `message` its English wording for logs and the CLI's JSON. */
  | { ok: false; reason: 'missing' | 'excel_scientific' | 'invalid'; message: string; problem: PhoneProblem };

function refused(reason: 'missing' | 'excel_scientific' | 'invalid', problem: PhoneProblem): MsisdnResult {
  return { ok: false, reason, message: translate('en', problem), problem };
}

export function isCountryCode(country: string): country is CountryCode {
  return /^[A-Z]{2}$/.test(country) && coreIsSupported(country as CountryCode, maxMetadata);
}

// A number Excel showed in scientific notation and then saved that way: 4.5201E+09, 4,52E+10.
const EXCEL_SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?[eE][+]?\d+$/;

export function normaliseMsisdn(raw: string, defaultCountry: CountryCode, options: { fastPath?: boolean } = {}): MsisdnResult {
  // Google Contacts puts several numbers of one kind in one cell: "+45 20 12 34 56 ::: 30 12 34 56".
  if (raw.length > 12 && raw.includes(':::')) {
    const results = raw.split(':::').map((part) => normaliseOne(part, defaultCountry, options));
    return results.find((r) => r.ok) ?? results.find((r) => r.ok === false && r.reason !== 'missing') ?? results[0];
  }
  return normaliseOne(raw, defaultCountry, options);
}

function normaliseOne(raw: string, defaultCountry: CountryCode, options: { fastPath?: boolean }): MsisdnResult {
  let text = raw.trim();
  // Excel's "this is text" marker, and our own formula guard in the rejected-rows report.
  if (text.charCodeAt(0) === 0x27) text = text.slice(1).trim();
  if (text === '') return refused('missing', { code: 'phone_missing' });
  if ((text.includes('E') || text.includes('e')) && EXCEL_SCIENTIFIC.test(text)) {
    return refused('excel_scientific', { code: 'phone_excel_scientific', text });
  }
  // "+45 (0) 20 12 34 56" and "(0) 20-12-34-56": the (0) is a trunk prefix to drop when dialling.
  if (text.includes('(0)')) text = text.replace(/\(0\)/g, ' ').trim();

  const clean = cleanDigits(text);
  if (clean !== null && options.fastPath !== false) {
    const fast = fastPath(clean, defaultCountry);
    if (fast) return fast;
  }
  if (clean === null && !/\d/.test(text)) return refused('invalid', { code: 'phone_not_a_number' });
  const forLib = clean ?? text;
  const parsed = parse(forLib, defaultCountry);
  if (parsed?.isValid()) return accepted(parsed.number, parsed.country);
  // Exported lists often hold MSISDNs without '+' (4915112345678 in a Danish file): read a long
  // digit string that is no valid national number as international. Still only if valid.
  if (clean !== null && clean.charCodeAt(0) !== PLUS && clean.length >= 10) {
    const intl = parse('+' + clean);
    if (intl?.isValid()) return accepted(intl.number, intl.country);
  }
  return refused('invalid', invalidProblem(forLib, defaultCountry));
}

function accepted(e164: string, country: CountryCode | undefined): MsisdnResult {
  return { ok: true, msisdn: e164.slice(1), country: country ?? '001' };
}

const PLUS = 43;
const PLAIN = /^\+?\d+$/;
const SEPARATORS = /[\s\-./()\u00a0\u2000-\u200b\u2010-\u2015\u202f]+/g;

/**
 * The digits, with '+' in front if the number had '+' or '00', when the text holds nothing but
 * digits and the usual separators; null for anything else (letters, extensions, two numbers),
 * which is left to libphonenumber.
 */
function cleanDigits(text: string): string | null {
  // Most cells are already plain ("4520123456", "+4520123456"): no copy then.
  const plain = PLAIN.test(text) ? text : text.replace(SEPARATORS, '');
  if (!PLAIN.test(plain)) return null;
  if (plain.charCodeAt(0) === 48 && plain.charCodeAt(1) === 48) return '+' + plain.slice(2); // 00 → +
  return plain;
}

// ---- fast path ------------------------------------------------------------------------------

interface Plan {
  country: CountryCode;
  callingCode: string;
  nationalPattern: RegExp;
  // FIXED_LINE, MOBILE, TOLL_FREE, …: libphonenumber's getNumberType tries them all; any match = valid.
  types: { pattern: RegExp; lengths: number[] | undefined }[] | null;
  /** A plain-digit trunk prefix ("0"), or '' if none; null if the country's rule is a pattern. */
  trunk: string | null;
  idd: RegExp | null;
}

// The runtime shape of libphonenumber-js's NumberingPlan (its .d.ts declares only a few methods).
interface PlanApi {
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  IDDPrefix(): string | undefined;
  hasTypes(): boolean;
  type(t: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

const TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

const metadata = new Metadata(maxMetadata) as unknown as {
  selectNumberingPlan(c: string): void;
  numberingPlan: PlanApi;
  countryCallingCodes(): Record<string, string[]>;
};
const callingCodes = metadata.countryCallingCodes();
// Plans are derived from the bundled metadata only, so caching them can never be wrong.
const plans = new Map<string, Plan | null>();

/** The plan for a calling code that belongs to exactly one country, else null (shared codes such
 * as +1, +44 or +47 need libphonenumber's country-choosing rules). */
function planForCallingCode(cc: string): Plan | null | undefined {
  if (plans.has(cc)) return plans.get(cc);
  const countries = callingCodes[cc];
  let plan: Plan | null | undefined;
  if (!countries) plan = undefined;
  else if (countries.length !== 1) plan = null;
  else plan = buildPlan(countries[0] as CountryCode, cc);
  if (plan !== undefined) plans.set(cc, plan);
  return plan;
}

function buildPlan(country: CountryCode, callingCode: string): Plan {
  metadata.selectNumberingPlan(country);
  const p = metadata.numberingPlan;
  const whole = (re: string) => new RegExp('^(?:' + re + ')$');
  const types = p.hasTypes()
    ? TYPES.map((t) => p.type(t))
        .filter((t): t is NonNullable<typeof t> => !!t && !!t.pattern())
        .map((t) => ({ pattern: whole(t.pattern()), lengths: t.possibleLengths() }))
    : null;
  const prefix = p.nationalPrefixForParsing();
  const trunk = !prefix ? '' : /^\d+$/.test(prefix) && !p.nationalPrefixTransformRule() ? prefix : null;
  const idd = p.IDDPrefix();
  return {
    country,
    callingCode,
    nationalPattern: whole(p.nationalNumberPattern()),
    types,
    trunk,
    idd: idd ? new RegExp('^(?:' + idd + ')') : null,
  };
}

const defaultPlans = new Map<string, Plan | null>();
/** The plan for national numbers of `country`, or null if its calling code is shared. */
function defaultPlan(country: CountryCode): Plan | null {
  let plan = defaultPlans.get(country);
  if (plan === undefined) {
    const p = planForCallingCode(getCountryCallingCode(country));
    plan = p && p.country === country ? p : null;
    defaultPlans.set(country, plan);
  }
  return plan;
}

function isValidNational(plan: Plan, nsn: string): boolean {
  if (!plan.nationalPattern.test(nsn)) return false;
  if (!plan.types) return true;
  for (const t of plan.types) {
    if (t.lengths && !t.lengths.includes(nsn.length)) continue;
    if (t.pattern.test(nsn)) return true;
  }
  return false;
}

function fastPath(clean: string, defaultCountry: CountryCode): MsisdnResult | null {
  if (clean.charCodeAt(0) === PLUS) {
    const digits = clean.slice(1);
    // Calling codes are prefix-free: at most one of the 1-, 2- and 3-digit prefixes is one.
    for (let len = 1; len <= 3 && len < digits.length; len++) {
      const plan = planForCallingCode(digits.slice(0, len));
      if (plan === undefined) continue;
      const nsn = digits.slice(len);
      // libphonenumber strips a trunk prefix written after the code (+49 0171…): leave that to it.
      if (!plan || plan.trunk === null || (plan.trunk && nsn.startsWith(plan.trunk))) return null;
      return isValidNational(plan, nsn) ? { ok: true, msisdn: digits, country: plan.country } : null;
    }
    return null;
  }
  const digits = clean;
  const plan = defaultPlan(defaultCountry);
  if (!plan || plan.trunk === null) return null;
  if (plan.idd && plan.idd.test(digits)) return null; // "011…" in the US: international, not national
  let nsn = digits;
  if (plan.trunk && nsn.startsWith(plan.trunk)) nsn = nsn.slice(plan.trunk.length);
  if (isValidNational(plan, nsn)) return { ok: true, msisdn: plan.callingCode + nsn, country: plan.country };
  // The default country's code without '+' (4520123456 in DK). libphonenumber strips it when the
  // whole does not fit the national pattern but the rest does; with no trunk prefix to consider
  // (DK, PL, ES…) that rule is this simple.
  if (plan.trunk === '' && digits.startsWith(plan.callingCode) && !plan.nationalPattern.test(digits)) {
    nsn = digits.slice(plan.callingCode.length);
    if (isValidNational(plan, nsn)) return { ok: true, msisdn: digits, country: plan.country };
  }
  return null;
}

// ---- messages ---------------------------------------------------------------------------------

/** The country (or, shared by several, the calling code) an international number belongs to. */
function whereOf(digits: string): { country: string | null; callingCode: string | null } {
  for (let len = 1; len <= 3 && len <= digits.length; len++) {
    const countries = callingCodes[digits.slice(0, len)];
    if (!countries) continue;
    return { country: countries.length === 1 ? countries[0] : null, callingCode: digits.slice(0, len) };
  }
  return { country: null, callingCode: null };
}

function invalidProblem(text: string, defaultCountry: CountryCode): PhoneProblem {
  const international = text.startsWith('+');
  const where = international ? whereOf(text.slice(1)) : { country: defaultCountry, callingCode: getCountryCallingCode(defaultCountry) };
  let problem: string | undefined;
  try {
    problem = coreValidateLength(text, { defaultCountry }, maxMetadata);
  } catch {
    problem = 'NOT_A_NUMBER';
  }
  switch (problem) {
    case 'NOT_A_NUMBER':
      return { code: 'phone_not_a_number' };
    case 'INVALID_COUNTRY':
      return international ? { code: 'phone_unknown_country_code' } : { code: 'phone_invalid', problem: 'invalid', ...where };
    case 'TOO_SHORT':
      return { code: 'phone_invalid', problem: 'too_short', ...where };
    case 'TOO_LONG':
      return { code: 'phone_invalid', problem: 'too_long', ...where };
    case 'INVALID_LENGTH':
      return { code: 'phone_invalid', problem: 'wrong_length', ...where };
    default:
      return { code: 'phone_invalid', problem: 'no_such_number', ...where };
  }
}
