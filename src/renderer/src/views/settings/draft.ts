// The sending-settings form's state: text as typed, turned into a settings patch on save.
import type { Settings } from '../../../../shared/contract';
import { t } from '../../i18n';

/** The form keeps text as typed; numbers are parsed on save so a half-typed value is not lost. */
export interface Draft {
  platform: Settings['platform'];
  customBaseUrl: string;
  defaultCountry: string;
  lowCreditThreshold: string;
  batchSize: string;
  ratePerMinute: string;
  maxConcurrent: string;
  maxParts: string;
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
  testNumber: string;
}

export function toDraft(s: Settings): Draft {
  return {
    platform: s.platform,
    customBaseUrl: s.customBaseUrl ?? '',
    defaultCountry: s.defaultCountry,
    lowCreditThreshold: String(s.lowCreditThreshold),
    batchSize: String(s.batchSize),
    ratePerMinute: s.ratePerMinute == null ? '' : String(s.ratePerMinute),
    maxConcurrent: String(s.maxConcurrent),
    maxParts: String(s.maxParts),
    quietEnabled: s.quietHours.enabled,
    quietStart: s.quietHours.start,
    quietEnd: s.quietHours.end,
    testNumber: s.testNumber ?? '',
  };
}

/** Draft → settings patch, or field errors for values that are not numbers at all. */
export function draftToPatch(d: Draft): { patch: Partial<Settings>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const num = (field: string, text: string): number => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n)) errors[field] = t('common.enterNumber');
    return n;
  };
  const patch: Partial<Settings> = {
    platform: d.platform,
    customBaseUrl: d.customBaseUrl.trim() || null,
    defaultCountry: d.defaultCountry.trim().toUpperCase(),
    lowCreditThreshold: num('lowCreditThreshold', d.lowCreditThreshold),
    batchSize: num('batchSize', d.batchSize),
    ratePerMinute: d.ratePerMinute.trim() === '' ? null : num('ratePerMinute', d.ratePerMinute),
    maxConcurrent: num('maxConcurrent', d.maxConcurrent),
    maxParts: num('maxParts', d.maxParts),
    quietHours: { enabled: d.quietEnabled, start: d.quietStart, end: d.quietEnd },
    testNumber: d.testNumber.trim() || null,
  };
  if (d.platform === 'custom' && !patch.customBaseUrl) errors.customBaseUrl = t('settings.customUrlMissing');
  return { patch, errors };
}

// Fields with a control of their own; an error for any other field is shown under the form.
const SHOWN_FIELDS = [
  'platform',
  'customBaseUrl',
  'defaultCountry',
  'lowCreditThreshold',
  'batchSize',
  'ratePerMinute',
  'maxConcurrent',
  'maxParts',
  'quietHours',
  'testNumber',
];

/** Errors no control shows (e.g. main's message about the whole form), shown under the form. */
export function unshownErrors(errors: Record<string, string>): [string, string][] {
  return Object.entries(errors).filter(([k]) => !SHOWN_FIELDS.some((f) => k === f || k.startsWith(`${f}.`)));
}

/** The error for one control; main names nested fields with dots ("quietHours.start"). */
export function errorFor(errors: Record<string, string>, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1];
}
