// The JSON text of POST /rest/mtsms. Built for up to 10,000 recipients per request, fast.
import { localRejection } from './errors';
import type { SendRequest } from './types';

export const MAX_RECIPIENTS_PER_REQUEST = 10_000;
/**
 * Seconds GatewayAPI keeps trying to deliver a message: 72 h, sent explicitly on every request
 * (GatewayAPI's own default is not documented), so "no final report after validity + margin" in
 * the status poller matches what GatewayAPI does.
 */
export const VALIDITY_PERIOD_S = 72 * 3600;
export const VALIDITY_PERIOD_MS = VALIDITY_PERIOD_S * 1000;

// International format without "+"/"00": a country code never starts with 0, and a leading 0
// would silently vanish once the number is written as a JSON integer.
const MSISDN = /^[1-9][0-9]{0,14}$/;

/**
 * Validates and serialises a send request. Throws a 'rejected' GatewayError (nothing is sent) for
 * an msisdn GatewayAPI could not take, an empty or oversized batch, or tag values that do not
 * match the tags.
 */
export function buildSendBody(req: SendRequest): string {
  const n = req.recipients.length;
  if (n === 0) throw localRejection('Nothing to send: the request has no recipients.');
  if (n > MAX_RECIPIENTS_PER_REQUEST) {
    throw localRejection(
      `A request may hold at most ${MAX_RECIPIENTS_PER_REQUEST.toLocaleString('en')} recipients (got ${n.toLocaleString('en')}). Lower the batch size.`,
    );
  }
  const tagCount = req.tags?.length ?? 0;
  const bad: string[] = [];
  let badTags = 0;
  const recipients: { msisdn: number; tagvalues?: string[] }[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = req.recipients[i]!;
    const msisdn = typeof r.msisdn === 'string' ? r.msisdn : String(r.msisdn);
    if (!MSISDN.test(msisdn)) {
      bad.push(msisdn);
      continue;
    }
    if (r.tagvalues !== undefined) {
      if (r.tagvalues.length !== tagCount) badTags++;
      // GatewayAPI rejects non-string tag values; a number from a spreadsheet cell becomes text.
      recipients[i] = { msisdn: Number(msisdn), tagvalues: r.tagvalues.map((v) => (v == null ? '' : String(v))) };
    } else {
      if (tagCount > 0) badTags++;
      recipients[i] = { msisdn: Number(msisdn) };
    }
  }
  if (bad.length > 0) {
    const shown = bad
      .slice(0, 5)
      .map((m) => `"${m.slice(0, 32)}"`)
      .join(', ');
    const more = bad.length > 5 ? ` and ${bad.length - 5} more` : '';
    throw localRejection(
      `Not sent: ${bad.length === 1 ? 'a phone number is' : `${bad.length} phone numbers are`} not in international format (1–15 digits, country code first, no + or 00): ${shown}${more}.`,
      bad,
    );
  }
  if (badTags > 0) {
    throw localRejection(`Not sent: ${badTags} recipient(s) do not have exactly ${tagCount} merge value(s), one per tag.`);
  }
  // JSON.stringify drops undefined fields, so optional settings left unset are simply absent.
  const validity = req.validity_period ?? VALIDITY_PERIOD_S;
  if (!Number.isInteger(validity) || validity < 60) {
    throw localRejection(`Not sent: the validity period must be a whole number of seconds, at least 60 (got ${String(validity)}).`);
  }
  return JSON.stringify({
    // "+4512345678" is allowed as a sender in the app; GatewayAPI takes a numeric sender as digits.
    sender: /^\+\d{1,15}$/.test(req.sender) ? req.sender.slice(1) : req.sender,
    message: req.message,
    encoding: req.encoding,
    recipients,
    tags: req.tags,
    sendtime: req.sendtime,
    userref: req.userref,
    label: req.label,
    validity_period: validity,
  });
}
