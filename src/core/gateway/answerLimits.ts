// How much of each GatewayAPI answer is read at most. Beyond the cap the body stream is cancelled:
// a proxy, a misconfigured custom URL or a broken server answering with hundreds of megabytes must
// not take the app's memory (a 300 MB answer once took 1.37 GB). Each bound is the largest answer
// GatewayAPI can legitimately give, with room to spare for whitespace and fields we do not read.

/**
 * POST /rest/mtsms: `{"ids":[…],"usage":{"countries":{…},"currency":"DKK","total_cost":…}}`.
 * At most 10,000 recipients per request; even at one id per recipient (GatewayAPI gives one per
 * message) that is 10,000 × 17 bytes ("9007199254740991,") = 170 KB, plus usage for at most ~250
 * countries (~3 KB): 1 MB is ~6× the largest compact answer.
 */
export const MAX_SEND_ANSWER_BYTES = 1024 * 1024;

/**
 * GET /rest/mtsms/{id}: the message object with every recipient (≤ 10,000), each with msisdn,
 * tag values, dsnstatus/dsnerror/dsnerrorcode/dsntime, senttime, country, mcc, mnc (~300–400
 * bytes without long tag values), plus the text (≤ 255 parts, ~100 KB escaped): 16 MB allows
 * ~1.6 KB per recipient.
 */
export const MAX_STATUS_ANSWER_BYTES = 16 * 1024 * 1024;

/** GET /rest/me (`{"credit":"1234.56000","currency":"DKK","id":1}`) and DELETE: a few dozen bytes. */
export const MAX_SMALL_ANSWER_BYTES = 64 * 1024;

/** GET /api/prices/list/sms/json: ~250 countries per tier, a few tiers (~100 KB today). */
export const MAX_PRICES_ANSWER_BYTES = 8 * 1024 * 1024;

export function describeBytes(n: number): string {
  return n >= 1024 * 1024 ? `${n / (1024 * 1024)} MB` : `${n / 1024} KB`;
}
