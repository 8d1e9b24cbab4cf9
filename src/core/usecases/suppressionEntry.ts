// Adding numbers to the suppression list as the user typed or imported them: each is normalised
// with the default country; those that are no phone number come back with the reason.
import type { PhoneProblem } from '../../shared/i18n/messages';
import type { CountryCode } from 'libphonenumber-js';
import { normaliseMsisdn } from '../importing';
import type { Engine } from '../engine';

const MAX_INVALID_SHOWN = 100;

export function addToSuppression(engine: Engine, numbers: string[], reason: string | null) {
  const country = engine.settings().defaultCountry as CountryCode;
  const good: string[] = [];
  const invalid: { value: string; message: string; text: PhoneProblem }[] = [];
  for (const value of numbers) {
    const normalised = normaliseMsisdn(value, country);
    if (normalised.ok) good.push(normalised.msisdn);
    else invalid.push({ value, message: normalised.message, text: normalised.problem });
  }
  const added = engine.suppression.add(good, reason);
  return { added, invalid: invalid.slice(0, MAX_INVALID_SHOWN) };
}
