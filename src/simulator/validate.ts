// Checks a POST /rest/mtsms body the way GatewayAPI does, answering with its error shapes:
// `{code, message, variables?}` for coded errors and `{fields: {...}}` for schema errors.

import type { WireEncoding } from './segments';

export interface Reply {
  status: number;
  /** JSON-serialised unless it is already a string; undefined = no body (204). */
  body?: unknown;
  headers?: Record<string, string>;
  contentType?: string;
}

export interface ParsedRecipient {
  msisdn: string;
  tagvalues: string[];
}

export interface ParsedMessage {
  sender: string;
  message: string;
  encoding: WireEncoding;
  tags: string[];
  recipients: ParsedRecipient[];
  /** Unix seconds. */
  sendtime: number | null;
  userref: string | null;
  label: string | null;
  /** Which price list tier is charged: `class: "premium"` → premium, anything else → standard. */
  tier: 'standard' | 'premium';
  maxParts: number | null;
  /** Seconds; null when the request did not say (GatewayAPI then uses its own default). */
  validityPeriod: number | null;
}

export const MAX_RECIPIENTS = 10_000;
/** Senders accepted: up to 11 characters of what the app allows (letters, digits, space . _ & -)
 * or up to 15 digits (a leading + tolerated), matching the app's own sender check. */
const ALNUM_SENDER = /^[A-Za-z0-9 ._&-]{1,11}$/;
const DIGIT_SENDER = /^\+?[0-9]{1,15}$/;
/** GatewayAPI's documented minimum validity period, in seconds. */
export const MIN_VALIDITY_S = 60;
const DIGITS = /^[0-9]{1,15}$/;
/** Schema errors listed per request, so a 10,000-recipient mistake does not build a huge body. */
const MAX_FIELD_ERRORS = 100;

export function coded(status: number, code: string, message: string, variables?: string[]): Reply {
  return { status, body: variables ? { code, message, variables } : { code, message } };
}

function fields(f: Record<string, unknown>): Reply {
  return { status: 422, body: { fields: f } };
}

type Result = { ok: true; messages: ParsedMessage[] } | { ok: false; reply: Reply };

export function parseSendBody(raw: string): Result {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reply: coded(400, '0x0220', 'Invalid JSON in request body') };
  }
  const list = Array.isArray(json) ? json : [json];
  if (list.length === 0) return { ok: false, reply: coded(400, '0x0220', 'No messages in request body') };
  const messages: ParsedMessage[] = [];
  for (const item of list) {
    const r = parseMessage(item);
    if ('reply' in r) return { ok: false, reply: r.reply };
    messages.push(r.message);
  }
  return { ok: true, messages };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One message object: its text and options, then its recipients. The first problem found is the answer. */
function parseMessage(m: unknown): { message: ParsedMessage } | { reply: Reply } {
  if (!isObject(m)) return { reply: coded(400, '0x0220', 'A message must be a JSON object') };
  const text = parseText(m);
  if ('reply' in text) return text;
  const options = parseOptions(m);
  if ('reply' in options) return options;
  const recipients = parseRecipients(m.recipients, text.tags.length);
  if ('reply' in recipients) return recipients;
  return {
    message: {
      ...text,
      ...options,
      recipients: recipients.list,
      userref: typeof m.userref === 'string' ? m.userref : null,
      label: typeof m.label === 'string' ? m.label : null,
      tier: m.class === 'premium' ? 'premium' : 'standard',
    },
  };
}

type Parsed<T> = T | { reply: Reply };

/** What is sent: sender, text, encoding and the merge tags. */
function parseText(m: Record<string, unknown>): Parsed<Pick<ParsedMessage, 'sender' | 'message' | 'encoding' | 'tags'>> {
  let sender = 'ExampleSMS'; // GatewayAPI's default when no sender is given
  if (m.sender !== undefined) {
    if (typeof m.sender !== 'string' || !(ALNUM_SENDER.test(m.sender) || DIGIT_SENDER.test(m.sender)) || !m.sender.trim()) {
      return {
        reply: coded(400, '0x0220', 'Invalid sender: use up to 11 alphanumeric characters or up to 15 digits'),
      };
    }
    sender = m.sender;
  }

  if (typeof m.message !== 'string' || m.message.length === 0) {
    return { reply: coded(400, '0x0220', 'Missing message text') };
  }

  let encoding: WireEncoding = 'UTF8';
  if (m.encoding !== undefined && m.encoding !== null) {
    const e = typeof m.encoding === 'string' ? m.encoding.toUpperCase() : '';
    if (e !== 'UTF8' && e !== 'UCS2') return { reply: fields({ encoding: ['Must be one of: UTF8, UCS2.'] }) };
    encoding = e;
  }

  let tags: string[] = [];
  if (m.tags !== undefined && m.tags !== null) {
    if (!Array.isArray(m.tags) || m.tags.some((t) => typeof t !== 'string')) {
      return { reply: fields({ tags: ['Must be a list of strings.'] }) };
    }
    tags = m.tags as string[];
  }
  return { sender, message: m.message, encoding, tags };
}

/** When and how long: send time, part limit, validity period. */
function parseOptions(m: Record<string, unknown>): Parsed<Pick<ParsedMessage, 'sendtime' | 'maxParts' | 'validityPeriod'>> {
  let sendtime: number | null = null;
  if (m.sendtime !== undefined && m.sendtime !== null) {
    if (typeof m.sendtime !== 'number' || !Number.isInteger(m.sendtime) || m.sendtime < 0) {
      return { reply: fields({ sendtime: ['Not a valid integer.'] }) };
    }
    sendtime = m.sendtime;
  }

  let maxParts: number | null = null;
  if (m.max_parts !== undefined && m.max_parts !== null) {
    if (typeof m.max_parts !== 'number' || !Number.isInteger(m.max_parts) || m.max_parts < 1) {
      return { reply: fields({ max_parts: ['Not a valid integer.'] }) };
    }
    maxParts = m.max_parts;
  }

  let validityPeriod: number | null = null;
  if (m.validity_period !== undefined && m.validity_period !== null) {
    if (typeof m.validity_period !== 'number' || !Number.isInteger(m.validity_period)) {
      return { reply: fields({ validity_period: ['Not a valid integer.'] }) };
    }
    if (m.validity_period < MIN_VALIDITY_S) {
      return { reply: fields({ validity_period: [`Must be greater than or equal to ${MIN_VALIDITY_S}.`] }) };
    }
    validityPeriod = m.validity_period;
  }
  return { sendtime, maxParts, validityPeriod };
}

/** To whom: every recipient checked (errors listed per index, capped), then duplicates refused. */
function parseRecipients(list: unknown, tagCount: number): Parsed<{ list: ParsedRecipient[] }> {
  if (!Array.isArray(list) || list.length === 0) {
    return { reply: coded(400, '0x0220', 'Missing recipients') };
  }
  if (list.length > MAX_RECIPIENTS) {
    return { reply: fields({ recipients: [`At most ${MAX_RECIPIENTS} recipients per message.`] }) };
  }

  const recipients: ParsedRecipient[] = new Array(list.length);
  const errors: Record<string, Record<string, string[]>> = {};
  let errorCount = 0;
  const addError = (i: number, field: string, msg: string) => {
    if (errorCount >= MAX_FIELD_ERRORS) return;
    errorCount++;
    (errors[i] ??= {})[field] = [msg];
  };
  const seen = new Set<string>();
  const dupes = new Set<string>();

  for (let i = 0; i < list.length; i++) {
    const r: unknown = list[i];
    if (!isObject(r)) {
      addError(i, 'msisdn', 'Missing data for required field.');
      continue;
    }
    const msisdn = normaliseMsisdn(r.msisdn);
    if (msisdn === null) {
      addError(
        i,
        'msisdn',
        r.msisdn === undefined ? 'Missing data for required field.' : 'Not a valid msisdn: an integer of at most 15 digits.',
      );
      continue;
    }
    const tv = r.tagvalues ?? [];
    if (!Array.isArray(tv)) {
      addError(i, 'tagvalues', 'Must be a list of strings.');
      continue;
    }
    if (tv.length !== tagCount) {
      addError(i, 'tagvalues', `Number of tagvalues (${tv.length}) does not match number of tags (${tagCount}).`);
      continue;
    }
    for (let k = 0; k < tv.length; k++) {
      if (typeof tv[k] !== 'string') {
        addError(i, 'tagvalues', 'Tag values must be strings.');
        break;
      }
    }
    if (seen.has(msisdn)) dupes.add(msisdn);
    else seen.add(msisdn);
    recipients[i] = { msisdn, tagvalues: tv as string[] };
  }
  if (errorCount > 0) return { reply: fields({ recipients: [errors] }) };
  if (dupes.size > 0) return { reply: coded(422, '0x0310', 'Duplicate recipient', [...dupes]) };
  return { list: recipients };
}

/** An integer or a digit string of at most 15 digits, as its canonical digit string; else null. */
function normaliseMsisdn(v: unknown): string | null {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v <= 0) return null;
    const s = String(v);
    return s.length <= 15 ? s : null;
  }
  if (typeof v === 'string' && DIGITS.test(v)) {
    const s = v.replace(/^0+/, '');
    return s.length > 0 ? s : null;
  }
  return null;
}
