// Non-2xx answer → GatewayError, following the error table in GATEWAYAPI.md. Pure.
import { GatewayError } from './errors';
import type { GatewayErrorKind } from './types';

/** Raw bodies are kept for the attempt log, but a proxy's HTML page need not be kept whole. */
export const MAX_BODY_CHARS = 4096;

const CREDIT = '0x0216';
const FROZEN = '0x022A';
const RECIPIENT_CODES: Record<string, string> = {
  '0x0214': 'number is blacklisted',
  '0x0215': 'number is blacklisted',
  '0x0217': 'destination country is not allowed on this account',
  '0x0310': 'the same number appears twice in one message',
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
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
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
  return vars
    .filter((v) => v !== null && v !== undefined)
    .map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
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

export function classifyHttpError(
  status: number,
  bodyText: string,
  headers: Headers,
  now: number = Date.now(),
): GatewayError {
  const parsed = parseErrorBody(bodyText);
  const code = parsed?.code ?? null;
  const detail = serverSays(parsed);
  const label = statusLabel(status, code);
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);

  let kind: GatewayErrorKind;
  let message: string;
  let variables = plainVariables(parsed?.variables ?? []);

  if (status === 401) {
    kind = 'auth';
    message = `GatewayAPI refused the token (${label}). Enter a new API token in Settings.`;
  } else if (status === 403 && code === CREDIT) {
    kind = 'credit';
    message = `Insufficient credit on the GatewayAPI account (${code}). Top up, then resume.`;
  } else if (status === 403 && code === FROZEN) {
    kind = 'frozen';
    message = `The GatewayAPI account is frozen (${code}). Contact GatewayAPI support, then resume.`;
  } else if (
    code !== null &&
    RECIPIENT_CODES[code] !== undefined &&
    ((status === 403 && code !== '0x0310') || (status === 422 && code === '0x0310'))
  ) {
    kind = 'recipients';
    variables = msisdnVariables(parsed?.variables ?? []);
    const who =
      variables.length === 0
        ? 'some recipients'
        : variables.length <= 5
          ? variables.join(', ')
          : `${variables.slice(0, 5).join(', ')} and ${variables.length - 5} more`;
    message = `GatewayAPI refused ${who} (${label}): ${RECIPIENT_CODES[code]}. The other recipients are sent again.`;
  } else if (status === 429 || status === 503) {
    kind = 'transient';
    message =
      status === 429
        ? `GatewayAPI is overloaded (${label}) and did not process the request. Retrying later.`
        : `GatewayAPI is temporarily unavailable (${label}) and did not process the request. Retrying later.`;
  } else if (status === 408) {
    // The server says it gave up waiting for the request: it did not process it.
    kind = 'transient';
    message = `GatewayAPI timed out waiting for the request (${label}). Retrying later.`;
  } else if (status >= 500) {
    kind = 'ambiguous';
    message = `GatewayAPI answered with a server error (${label}) after receiving the request; it may or may not have been accepted. Check the messages marked uncertain before resending.`;
  } else {
    kind = 'rejected';
    message = withDetail(`GatewayAPI rejected the request (${label})`, detail);
  }

  // For the other kinds the table fixes the wording; the server's own words still help support.
  if (kind !== 'rejected' && detail && kind !== 'recipients') message = `${message} GatewayAPI said: ${detail}`;

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
  });
}
