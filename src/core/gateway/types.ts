// The GatewayAPI surface the app uses (see README / GatewayAPI docs). Pure data types.
import type { GatewayMessage } from '../../shared/i18n/messages';

export interface MtRecipient {
  /** Full international number, digits only; sent to GatewayAPI as an integer. */
  msisdn: string;
  /** Values for the message's tags, in tag order; always strings. */
  tagvalues?: string[];
}

export interface SendRequest {
  sender: string;
  message: string;
  /** 'UTF8' = GSM 03.38 alphabet (GatewayAPI's name), 'UCS2' for anything else. */
  encoding: 'UTF8' | 'UCS2';
  recipients: MtRecipient[];
  /** Placeholders such as "%name%"; GatewayAPI replaces them literally. */
  tags?: string[];
  /** Unix seconds; gateway-side scheduling. */
  sendtime?: number;
  userref?: string;
  label?: string;
  validity_period?: number;
}

export interface Usage {
  countries: Record<string, number>;
  currency: string;
  total_cost: number;
}

export interface SendResponse {
  ids: number[];
  usage: Usage | null;
}

/** One recipient's delivery report inside GET /rest/mtsms/{id}. */
export interface RecipientReport {
  msisdn: string;
  status: string; // dsnstatus
  error: string | null; // dsnerror
  code: string | null; // dsnerrorcode
  time: number | null; // dsntime, unix seconds
  country: string | null;
}

export interface StatusResponse {
  id: number;
  recipients: RecipientReport[];
}

export interface Account {
  credit: number;
  currency: string;
  id: number | null;
}

export interface PriceEntry {
  country: string; // ISO 3166 alpha-2
  prefix: number; // calling code
  /** Price per part, by lower-case currency code ("eur", "dkk", ...). */
  prices: Record<string, number>;
}
export interface PriceList {
  /** Tier name ("standard", "premium", ...) → entries. */
  tiers: Record<string, PriceEntry[]>;
}

export type CancelResult = 'deleted' | 'already_sent' | 'not_found';

/**
 * How a failed call must be handled. Decides retry vs pause vs uncertain.
 * - auth: 401 (token codes) → pause all, ask for a new token
 * - credit: 403 0x0216 → pause all, credit alarm
 * - frozen: 403 0x022A → pause all
 * - account: account-level refusals (401 0x0212; 403 0x0213, 0x021D, 0x0219–0x021C), a redirect,
 *   or any 4xx without a code GatewayAPI documents (a proxy's HTML page, 402, 413) → pause ALL
 *   sending; the message says what to fix. Never a verdict on the batch's recipients.
 * - country: 403 0x0217 → fail every recipient of `country` in the batch, requeue the rest
 * - recipients: 403 0x0215 / 0x021F or 422 0x0310 → fail the named msisdns (variables), requeue the
 *   rest (no msisdns named: the sender may bisect)
 * - retry_recipient: 403 0x0214 (temporary blacklist) → variables[0] waits and is retried later
 * - rejected: other documented 400/403/422 → permanent failure of the batch, show code + message
 * - transient: 429, 503, connect/DNS failure or connect timeout before the request was written → safe to retry
 * - ambiguous: 500/502/504/408, timeout, reset or any other failure after the request may have
 *   been written → uncertain, never auto-resend
 */
export type GatewayErrorKind =
  'auth' | 'credit' | 'frozen' | 'account' | 'country' | 'recipients' | 'retry_recipient' | 'rejected' | 'transient' | 'ambiguous';

export interface GatewayErrorInit {
  kind: GatewayErrorKind;
  message: string;
  httpStatus: number | null;
  code: string | null;
  variables: string[];
  /** Raw response body (non-2xx), kept for the attempt log; never holds the token. */
  body: string | null;
  /** From Retry-After, when present. */
  retryAfterMs: number | null;
  /** For transport errors: the low-level cause code, e.g. ECONNREFUSED. */
  cause?: string | null;
  incidentUuid?: string | null;
  /** kind 'country': the refused destination, ISO 3166 alpha-2 upper-case; null when unknown. */
  country?: string | null;
  /** What to tell the user, as a code (their language); `message` is the English wording for logs. */
  text?: GatewayMessage;
}
