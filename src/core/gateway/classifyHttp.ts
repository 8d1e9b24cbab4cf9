// Non-2xx answer → GatewayError, following the error table in GATEWAYAPI.md. Pure.
import { GatewayError } from './errors';
import { countryFromVariable } from './country';
import type { GatewayErrorKind } from './types';
import type { GatewayMessage, GatewayOriginal } from '../../shared/i18n/messages';

/** Raw bodies are kept for the attempt log, but a proxy's HTML page need not be kept whole. */
export const MAX_BODY_CHARS = 4096;
/** A proxy can send any Retry-After; an hour is the longest wait we take from one answer. */
export const MAX_RETRY_AFTER_MS = 3_600_000;
/** How much of an undocumented answer's body the message quotes. */
const EXCERPT_CHARS = 200;

const CREDIT = '0x0216';
const FROZEN = '0x022A';
const TEMPORARY_BLACKLIST = '0x0214';
const COUNTRY = '0x0217';
/** Codes naming the refused recipients (variables = msisdns), or, for 0x021F, naming none. */
const RECIPIENT_CODES: Record<string, string> = {
  '0x0215': 'the number is blacklisted',
  '0x021F': 'the mobile operator is not allowed on this account',
  '0x0310': 'the same number appears twice in one message',
};
const IP_FIX = "Allow this computer's IP address in GatewayAPI's settings (API keys / IP restrictions), then resume.";
/** Refusals of the whole account: no batch is to blame, so all sending pauses with what to fix. */
const ACCOUNT_CODES: Record<string, string> = {
  '0x0212': `GatewayAPI does not accept requests from this computer's IP address. ${IP_FIX}`,
  '0x0213': `GatewayAPI refused this computer's IP address. ${IP_FIX}`,
  '0x0219':
    "A feature this message uses is not enabled on the GatewayAPI account. Enable it in GatewayAPI's settings or ask GatewayAPI support, then resume.",
  '0x021A':
    "A feature this message uses is not enabled on the GatewayAPI account. Enable it in GatewayAPI's settings or ask GatewayAPI support, then resume.",
  '0x021B':
    "A feature this message uses is not enabled on the GatewayAPI account. Enable it in GatewayAPI's settings or ask GatewayAPI support, then resume.",
  '0x021C':
    "A feature this message uses is not enabled on the GatewayAPI account. Enable it in GatewayAPI's settings or ask GatewayAPI support, then resume.",
  '0x021D': 'SMS sending is not enabled on the GatewayAPI account. Ask GatewayAPI support to enable it, then resume.',
};

export interface ParsedErrorBody {
  code: string | null;
  message: string | null;
  variables: unknown[];
  incidentUuid: string | null;
  /** Flattened `{fields:{…}}` errors, e.g. "recipients.0.tagvalues: Not a valid string." */
  fieldErrors: string[];
}

/** "0x022a" and "0x022A" are the same code; compare and report one spelling. */
export function normaliseCode(code: unknown): string | null {
  if (typeof code === 'number' && Number.isInteger(code) && code >= 0) {
    return '0x' + code.toString(16).toUpperCase().padStart(4, '0');
  }
  if (typeof code !== 'string') return null;
  const t = code.trim();
  if (/^0x[0-9a-f]+$/i.test(t)) return '0x' + t.slice(2).toUpperCase();
  return t === '' ? null : t;
}

function flattenFields(value: unknown, path: string, out: string[]): void {
  if (out.length > 50) return;
  if (value === null || value === undefined) return;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out.push(path ? `${path}: ${String(value)}` : String(value));
    return;
  }
  if (Array.isArray(value)) {
    // A list of messages belongs to the path itself; a list of error objects is indexed only
    // when it holds several (marshmallow wraps a single dict keyed by index in a list).
    value.forEach((item, i) => {
      const isLeaf = item === null || typeof item !== 'object';
      const sub = isLeaf || value.length === 1 ? path : path ? `${path}.${i}` : String(i);
      flattenFields(item, sub, out);
    });
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      flattenFields(v, path ? `${path}.${k}` : k, out);
    }
  }
}

/** Reads both error shapes; null when the body is not a JSON object (HTML from a proxy, empty). */
export function parseErrorBody(bodyText: string): ParsedErrorBody | null {
  const trimmed = bodyText.trim();
  if (!trimmed.startsWith('{')) return null;
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  const fieldErrors: string[] = [];
  if (o.fields !== undefined) flattenFields(o.fields, '', fieldErrors);
  const message =
    typeof o.message === 'string' && o.message.trim() !== ''
      ? o.message.trim()
      : typeof o.detail === 'string' && o.detail.trim() !== ''
        ? o.detail.trim()
        : null;
  return {
    code: normaliseCode(o.code),
    message,
    variables: Array.isArray(o.variables) ? o.variables : [],
    incidentUuid: typeof o.incident_uuid === 'string' ? o.incident_uuid : null,
    fieldErrors,
  };
}

/** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (v === '') return null;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(v)) ms = Math.round(Number(v) * 1000);
  else {
    const at = Date.parse(v);
    if (Number.isNaN(at)) return null;
    ms = Math.max(0, at - now);
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

function truncate(text: string): string {
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}…[truncated]` : text;
}

/** Variables of a per-recipient error: the msisdns, as digit strings. Anything else is dropped
 *  (the sender then splits the batch to find the culprits). */
function msisdnVariables(vars: unknown[]): string[] {
  const out: string[] = [];
  for (const v of vars) {
    let s: string | null = null;
    if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) s = String(v);
    else if (typeof v === 'string') {
      const digits = v.replace(/[\s+\-()]/g, '');
      if (/^\d{1,15}$/.test(digits)) s = digits;
    }
    if (s !== null) out.push(s);
  }
  return out;
}

function plainVariables(vars: unknown[]): string[] {
  return vars.filter((v) => v !== null && v !== undefined).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
}

function statusLabel(status: number, code: string | null): string {
  return code ? `HTTP ${status}, ${code}` : `HTTP ${status}`;
}

function serverSays(p: ParsedErrorBody | null): string | null {
  if (!p) return null;
  const parts: string[] = [];
  if (p.message) parts.push(p.message);
  if (p.fieldErrors.length > 0) {
    const shown = p.fieldErrors.slice(0, 8).join('; ');
    const more = p.fieldErrors.length > 8 ? ` (and ${p.fieldErrors.length - 8} more)` : '';
    parts.push(shown + more);
  }
  if (parts.length === 0) return null;
  return parts.join(' — ');
}

function withDetail(sentence: string, detail: string | null): string {
  return detail ? `${sentence}: ${detail}` : `${sentence}.`;
}

/** A short, single-line excerpt of an answer that is not GatewayAPI's (HTML from a proxy). */
export function bodyExcerpt(text: string): string {
  const plain = text
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > EXCERPT_CHARS ? `${plain.slice(0, EXCERPT_CHARS)}…` : plain;
}

/** The host a redirect points at, for the message; null when there is no usable Location. */
function redirectHost(location: string | null): string | null {
  if (!location) return null;
  try {
    return new URL(location, 'https://gatewayapi.invalid/').host.slice(0, 100) || null;
  } catch {
    return null;
  }
}

function whoRefused(variables: string[]): string {
  return variables.length === 0
    ? 'some recipients'
    : variables.length <= 5
      ? variables.join(', ')
      : `${variables.slice(0, 5).join(', ')} and ${variables.length - 5} more`;
}

/**
 * Maps a non-2xx answer (3xx included: redirects are never followed) to what the app must do.
 * `status` 0 is an opaque redirect from a fetch that hides it.
 */
export function classifyHttpError(status: number, bodyText: string, headers: Headers, now: number = Date.now()): GatewayError {
  const parsed = parseErrorBody(bodyText);
  const code = parsed?.code ?? null;
  const detail = serverSays(parsed);
  const label = statusLabel(status, code);
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);
  // GatewayAPI's own error answers are JSON with a code, a message or schema fields.
  const fromGatewayApi = parsed !== null && (code !== null || parsed.message !== null || parsed.fieldErrors.length > 0);

  let kind: GatewayErrorKind = 'account';
  let message = '';
  let variables = plainVariables(parsed?.variables ?? []);
  let country: string | null = null;
  const original = () => originalOf(status, code, fromGatewayApi ? detail : bodyExcerpt(bodyText) || null, parsed);
  let text: GatewayMessage = { code: 'gw_undocumented', ...original() };
  const undocumented = () => {
    text = { code: 'gw_undocumented', ...original() };
    // Not a verdict on the recipients: a proxy, a firewall or a changed API answered.
    kind = 'account';
    const excerpt = bodyExcerpt(bodyText);
    const said = fromGatewayApi && detail ? `: ${detail}` : excerpt ? `: "${excerpt}"` : ' (no body)';
    message = `Sending is paused: the GatewayAPI address answered ${label}, which GatewayAPI does not document${said}. It may come from a proxy or firewall between this computer and GatewayAPI. Check the network and the GatewayAPI settings, then resume.`;
  };

  if (status === 0 || (status >= 300 && status < 400)) {
    kind = 'account';
    const host = redirectHost(headers.get('location'));
    const where = host ? ` to ${host}` : '';
    text = { code: 'gw_redirect', host, ...original(), original: null };
    message = `Sending is paused: the GatewayAPI address answered with a redirect (${status === 0 ? 'redirect' : `HTTP ${status}`})${where}, which was not followed: nothing was sent there. Check the GatewayAPI URL setting, or a proxy or captive portal on this network, then resume.`;
  } else if (status === 401 && code !== null && ACCOUNT_CODES[code] !== undefined) {
    kind = 'account';
    message = `${ACCOUNT_CODES[code]} (${label})`;
    text = { code: accountCode(code), ...original() };
  } else if (status === 401) {
    kind = 'auth';
    message = `GatewayAPI refused the token (${label}). Enter a new API token in Settings.`;
    text = { code: 'gw_token_refused', ...original() };
  } else if (status === 403 && code === CREDIT) {
    kind = 'credit';
    message = `Insufficient credit on the GatewayAPI account (${code}). Top up, then resume.`;
    text = { code: 'gw_credit', ...original() };
  } else if (status === 403 && code === FROZEN) {
    kind = 'frozen';
    message = `The GatewayAPI account is frozen (${code}). Contact GatewayAPI support, then resume.`;
    text = { code: 'gw_frozen', ...original() };
  } else if (status === 403 && code !== null && ACCOUNT_CODES[code] !== undefined) {
    kind = 'account';
    message = `${ACCOUNT_CODES[code]} (${label})`;
    text = { code: accountCode(code), ...original() };
  } else if (status === 403 && code === COUNTRY) {
    kind = 'country';
    country = countryFromVariable(parsed?.variables[0]) ?? countryFromText(parsed?.message ?? null);
    const which = country ?? (variables[0] ? `"${variables[0].slice(0, 20)}"` : 'of some recipients');
    message = `GatewayAPI does not allow sending to the destination country ${which} on this account (${label}). Those recipients fail; the others are sent again. Enable the country in GatewayAPI's settings to reach it.`;
    text = { code: 'gw_country', country, ...original() };
  } else if (status === 403 && code === TEMPORARY_BLACKLIST) {
    kind = 'retry_recipient';
    // variables: [msisdn, hash]; only the msisdn matters.
    variables = msisdnVariables((parsed?.variables ?? []).slice(0, 1));
    message = `GatewayAPI has temporarily blacklisted ${whoRefused(variables)} (${label}). That recipient is retried later; the others are sent again.`;
    text = { code: 'gw_temp_blacklisted', numbers: variables, ...original() };
  } else if (
    code !== null &&
    RECIPIENT_CODES[code] !== undefined &&
    ((status === 403 && code !== '0x0310') || (status === 422 && code === '0x0310'))
  ) {
    kind = 'recipients';
    // 0x021F names an operator (MCC, MNC), not numbers: the sender has to find them itself.
    variables = code === '0x021F' ? [] : msisdnVariables(parsed?.variables ?? []);
    message = `GatewayAPI refused ${whoRefused(variables)} (${label}): ${RECIPIENT_CODES[code]}. The other recipients are sent again.`;
    text =
      code === '0x021F'
        ? { code: 'gw_operator', ...original() }
        : { code: code === '0x0310' ? 'gw_duplicate' : 'gw_blacklisted', numbers: variables, ...original() };
  } else if (status === 429 || status === 503) {
    kind = 'transient';
    message =
      status === 429
        ? `GatewayAPI is overloaded (${label}) and did not process the request. Retrying later.`
        : `GatewayAPI is temporarily unavailable (${label}) and did not process the request. Retrying later.`;
    text = { code: status === 429 ? 'gw_overloaded' : 'gw_unavailable', ...original() };
  } else if (status === 408) {
    // A proxy's timeout: it may have forwarded the request first, so for a POST the outcome is unknown.
    kind = 'ambiguous';
    message = `The request to GatewayAPI timed out on the way (${label}); it may or may not have been accepted. Check the messages marked uncertain before resending.`;
    text = { code: 'gw_proxy_timeout', ...original() };
  } else if (status >= 500) {
    kind = 'ambiguous';
    message = `GatewayAPI answered with a server error (${label}) after receiving the request; it may or may not have been accepted. Check the messages marked uncertain before resending.`;
    text = { code: 'gw_server_error', ...original() };
  } else if ((status === 400 || status === 422) && fromGatewayApi) {
    kind = 'rejected';
    message = withDetail(`GatewayAPI rejected the request (${label})`, detail);
    text = { code: rejectedCode(code), ...original() };
  } else {
    undocumented();
  }

  // For the other kinds the table fixes the wording; the server's own words still help support.
  const worded = kind === 'rejected' || kind === 'recipients' || kind === 'retry_recipient' || kind === 'country';
  if (!worded && detail && fromGatewayApi && !message.includes(detail)) message = `${message} GatewayAPI said: ${detail}`;

  return new GatewayError({
    kind,
    message,
    httpStatus: status,
    code,
    variables,
    body: bodyText === '' ? null : truncate(bodyText),
    retryAfterMs,
    cause: null,
    incidentUuid: parsed?.incidentUuid ?? null,
    country,
    text,
  });
}

/** GatewayAPI's own words (or a proxy page's excerpt), kept beside ours for the user's "details". */
function originalOf(status: number, code: string | null, original: string | null, parsed: ParsedErrorBody | null): GatewayOriginal {
  return { httpStatus: status, gwCode: code, original, incident: parsed?.incidentUuid ?? null };
}

/** Account refusals GatewayAPI documents, in our words. */
function accountCode(code: string): 'gw_ip_not_allowed' | 'gw_sms_disabled' | 'gw_feature_disabled' {
  if (code === '0x0212' || code === '0x0213') return 'gw_ip_not_allowed';
  return code === '0x021D' ? 'gw_sms_disabled' : 'gw_feature_disabled';
}

/** A 400/422 with a documented code gets our words; any other shows GatewayAPI's own text. */
function rejectedCode(code: string | null): 'gw_content_filtered' | 'gw_bad_parameter' | 'gw_rejected_other' {
  if (code === '0x0312') return 'gw_content_filtered';
  return code === '0x0220' || code === '0x0222' ? 'gw_bad_parameter' : 'gw_rejected_other';
}

/** "Unauthorized destination: country SE" when the code came without variables. */
function countryFromText(message: string | null): string | null {
  const m = message ? /country\s+\+?([A-Za-z]{2}|\d{1,3})\b/i.exec(message) : null;
  return m ? countryFromVariable(m[1]) : null;
}
